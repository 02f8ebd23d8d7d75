import { chains } from '../shared/registry/chains';

export function chainName(chainId: number): string {
  return chains.find((c) => c.id === chainId)?.name ?? `Chain ${chainId}`;
}

export function blockSeconds(chainId: number): number {
  return chains.find((c) => c.id === chainId)?.blockTimeSeconds ?? 12;
}
