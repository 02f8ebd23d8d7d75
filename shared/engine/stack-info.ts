import type { Layer, StackLayer } from '../report';

/** What the metrics read from a stack, computed once per stack array (positions share stacks). */
export interface StackInfo {
  /** Distinct layer kinds other than operator and AVS, outermost first. */
  readonly kinds: readonly Layer[];
  /** Protocol of the outermost LRT or LST layer. */
  readonly protocol: string | null;
  /** Protocol of the first venue layer. */
  readonly venue: string | null;
  /** Layers, with all operator layers counting as one level and all AVS layers as one. */
  readonly depth: number;
}

const cache = new WeakMap<readonly StackLayer[], StackInfo>();

/**
 * The kinds, protocol, venue and nesting depth of a stack. Memoised per array: the engine shares
 * one stack array between positions with the same layers, and stacks are never mutated.
 */
export function stackInfo(stack: readonly StackLayer[]): StackInfo {
  const hit = cache.get(stack);
  if (hit) return hit;
  const kinds: Layer[] = [];
  let protocol: string | null = null;
  let venue: string | null = null;
  let depth = 0;
  let operator = false;
  let avs = false;
  for (const l of stack) {
    if (l.layer === 'operator') operator = true;
    else if (l.layer === 'avs') avs = true;
    else {
      depth++;
      if (!kinds.includes(l.layer)) kinds.push(l.layer);
      if (protocol === null && (l.layer === 'lrt' || l.layer === 'lst')) protocol = l.protocol;
      if (venue === null && l.layer === 'venue') venue = l.protocol;
    }
  }
  const info: StackInfo = { kinds, protocol, venue, depth: depth + (operator ? 1 : 0) + (avs ? 1 : 0) };
  cache.set(stack, info);
  return info;
}
