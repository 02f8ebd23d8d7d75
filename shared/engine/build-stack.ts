import type { StackLayer } from '../report';

export interface StackParts {
  readonly outer: readonly StackLayer[];
  readonly venue: StackLayer | null;
  /** Operator and AVS layers of the position's look-through (see attributeExposure). */
  readonly lookThrough: { readonly operators: readonly StackLayer[]; readonly avss: readonly StackLayer[] };
  readonly inner: readonly StackLayer[];
  readonly beacon: boolean;
}

const BEACON: StackLayer = { layer: 'beacon', protocol: 'Ethereum', address: null, label: 'Beacon chain ETH' };

/**
 * Assembles a position's stack, outermost first: bridge / LRT layers, the restaking venue, one
 * layer per operator (largest exposure first), one per AVS with a slashable allocation (largest
 * first), LST layers, then beacon-chain ETH.
 */
export function buildStack(parts: StackParts): StackLayer[] {
  const layers: StackLayer[] = [...parts.outer];
  if (parts.venue) layers.push(parts.venue);
  layers.push(...parts.lookThrough.operators, ...parts.lookThrough.avss, ...parts.inner);
  if (parts.beacon) layers.push(BEACON);
  return layers;
}
