import type { OperatorSetRef } from '../snapshot';

/** Stable key of an operator set: `avs(lowercase):id`. */
export function setKey(set: OperatorSetRef): string {
  return `${set.avs.toLowerCase()}:${set.id}`;
}
