/**
 * Test oracle: the engine's attribution math as it was before the per-position fast path
 * (shared/engine/attribute-exposure.ts as of commit 5d439ad), kept verbatim apart from names and
 * imports. attribution-oracle.test.ts checks that the optimized attributeExposure gives exactly
 * these figures, to the wei, for random profiles and values.
 */
import type { Address } from 'viem';
import type { OperatorExposure, OperatorSetExposure, StackLayer } from '../../../shared/report';
import type { EngineContext } from '../../../shared/engine/build-engine-context';
import { compareText } from '../../../shared/engine/compare-text';
import { shortAddress } from '../../../shared/engine/short-address';

/** A part of some stake delegated to one operator in one strategy, weighted by `numerator`. */
interface ExposureLink {
  readonly operator: Address;
  /** Lowercase strategy address. */
  readonly strategy: string;
  readonly numerator: bigint;
}

/**
 * Slashable fractions of a position's value are kept as 64-bit fixed point (a fraction f is
 * stored as ceil(f × 2^64)) so that applying a profile to a value costs one multiplication and one
 * shift. Rounding the fraction up and the product down gives the exact floor whenever the exact
 * result is a whole number of wei, and at most one wei more otherwise (for values below 2^64 wei).
 */
const FRACTION_BITS = 64n;
/** Values of 2^64 wei (18.4 ETH) or more use 192-bit fractions (exact to the wei for whole results below 2^192 wei). */
const WIDE_FRACTION_BITS = 192n;
const ONE = 1n << WIDE_FRACTION_BITS;
const NARROW_SHIFT = WIDE_FRACTION_BITS - FRACTION_BITS;
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** A fraction in both fixed-point widths, each rounded up. */
interface Fraction {
  readonly narrow: bigint;
  readonly wide: bigint;
}
const fractionOf = (wide: bigint): Fraction => ({ narrow: ceilDiv(wide, 1n << NARROW_SHIFT), wide });
const apply = (value: bigint, f: Fraction, wide: boolean): bigint => (wide ? (value * f.wide) >> WIDE_FRACTION_BITS : (value * f.narrow) >> FRACTION_BITS);

interface ProfileOperator {
  readonly operator: Address;
  readonly operatorKey: string;
  /** Sum of the numerators of this operator's links. */
  readonly numerator: bigint;
  /** Lowercase strategies of the links. */
  readonly strategies: readonly string[];
  readonly layer: StackLayer;
}

interface ProfileSet {
  readonly avs: Address;
  readonly id: number;
  readonly operator: Address;
  readonly operatorKey: string;
  /** `${operatorKey}|${avs}:${id}`. */
  readonly key: string;
  /** Sum over the operator's links of numerator × magnitude / (max magnitude × denominator), fixed point (rounded up per link). */
  readonly fraction: Fraction;
  readonly avsLayer: StackLayer;
}

/**
 * How one source of stake (a wallet's own delegation, an LRT's stakers, a queued withdrawal)
 * splits over operators and operator sets: built once, then applied to every position of that
 * source with a few multiplications.
 */
interface ExposureProfile {
  /** max(given denominator, sum of numerators). */
  readonly denominator: bigint;
  /** Largest numerator first, ties by operator address. */
  readonly operators: readonly ProfileOperator[];
  /** Largest fraction first, ties by key. */
  readonly sets: readonly ProfileSet[];
  /** Sum over links of numerator × min(Σ magnitudes, max) / (max × denominator): the allocated (slashable by some set) fraction, fixed point (rounded up per link). */
  readonly allocatedFraction: Fraction;
  /** Sum of the sets' fractions. */
  readonly slashableFraction: Fraction;
  /** An operator's magnitudes or allocations could not be read (counted as no allocation). */
  readonly degraded: boolean;
  /** Every operator's and every AVS's stack layer, in order (used when a value reaches all of them). */
  readonly layers: Attribution['layers'];
}

interface Attribution {
  readonly operators: readonly OperatorExposure[];
  readonly operatorSets: readonly OperatorSetExposure[];
  /** What all sets together can slash: min(delegated, value × slashable fraction). */
  readonly slashableEth: bigint;
  /** operator and AVS stack layers, operators then AVSs (each AVS once). */
  readonly layers: { readonly operators: readonly StackLayer[]; readonly avss: readonly StackLayer[] };
  readonly nominalEth: bigint;
  readonly unrestakedEth: bigint;
}

/** Memoised stack layers for operators and AVSs (one object per address per report). */
type LayerCache = Map<string, StackLayer>;

function operatorLayer(cache: LayerCache, operator: Address, key: string): StackLayer {
  const k = `op:${key}`;
  let layer = cache.get(k);
  if (!layer) {
    layer = { layer: 'operator', protocol: 'EigenLayer operator', address: operator, label: `Operator ${shortAddress(operator)}` };
    cache.set(k, layer);
  }
  return layer;
}

function avsLayer(ctx: EngineContext, cache: LayerCache, avs: Address): StackLayer {
  const key = avs.toLowerCase();
  const k = `avs:${key}`;
  let layer = cache.get(k);
  if (!layer) {
    const name = ctx.avsNames.get(key);
    layer = { layer: 'avs', protocol: name ?? 'AVS', address: avs, label: name ?? `AVS ${shortAddress(avs)}` };
    cache.set(k, layer);
  }
  return layer;
}

const byBigDesc = <T>(get: (x: T) => bigint, key: (x: T) => string) => (a: T, b: T): number => {
  const x = get(a);
  const y = get(b);
  return x === y ? compareText(key(a), key(b)) : x > y ? -1 : 1;
};

/**
 * Builds the profile of a set of links. For each link the operator's max magnitude and
 * allocations in the link's strategy are looked up (pending changes already due applied);
 * magnitudes summing above the max magnitude are scaled down to it. The denominator is
 * max(given denominator, sum of numerators).
 */
export function referenceExposureProfile(ctx: EngineContext, cache: LayerCache, links: readonly ExposureLink[], denominator: bigint): ExposureProfile {
  let sum = 0n;
  for (const link of links) if (link.numerator > 0n) sum += link.numerator;
  const den = denominator > sum ? denominator : sum;
  const ops = new Map<string, { operator: Address; numerator: bigint; strategies: string[] }>();
  const sets = new Map<string, { avs: Address; id: number; operator: Address; operatorKey: string; fraction: bigint }>();
  let degraded = false;
  let allocatedFraction = 0n;
  for (const link of links) {
    if (link.numerator <= 0n) continue;
    const operatorKey = link.operator.toLowerCase();
    const state = ctx.operators.get(operatorKey);
    const operator = state?.operator ?? link.operator;
    const entry = ops.get(operatorKey) ?? { operator, numerator: 0n, strategies: [] };
    ops.set(operatorKey, entry);
    entry.numerator += link.numerator;
    if (!entry.strategies.includes(link.strategy)) entry.strategies.push(link.strategy);
    const max = state?.maxMagnitudes?.get(link.strategy);
    if (!state || state.maxMagnitudes === null || state.allocations === null || max === undefined) {
      degraded = true;
      continue;
    }
    const allocations = state.allocations.get(link.strategy) ?? [];
    if (max <= 0n || allocations.length === 0) continue;
    const magnitudeSum = allocations.reduce((acc, a) => acc + a.magnitude, 0n);
    const over = magnitudeSum > max;
    allocatedFraction += ceilDiv(link.numerator * (over ? max : magnitudeSum) * ONE, max * den);
    for (const a of allocations) {
      const magnitude = over ? (a.magnitude * max) / magnitudeSum : a.magnitude;
      if (magnitude <= 0n) continue;
      const key = `${operatorKey}|${a.key}`;
      const fraction = ceilDiv(link.numerator * magnitude * ONE, max * den);
      const s = sets.get(key);
      if (s) s.fraction += fraction;
      else sets.set(key, { avs: a.set.avs, id: a.set.id, operator, operatorKey, fraction });
    }
  }
  const operators: ProfileOperator[] = [...ops.entries()]
    .map(([operatorKey, o]) => ({
      ...o, operatorKey,
      strategies: [...o.strategies].sort(), layer: operatorLayer(cache, o.operator, operatorKey),
    }))
    .sort(byBigDesc((o) => o.numerator, (o) => o.operatorKey));
  const setList: ProfileSet[] = [...sets.entries()]
    .map(([key, s]) => ({ ...s, key, fraction: fractionOf(s.fraction), avsLayer: avsLayer(ctx, cache, s.avs) }))
    .sort(byBigDesc((s) => s.fraction.wide, (s) => s.key));
  const slashableFraction = fractionOf(setList.reduce((acc, s) => acc + s.fraction.wide, 0n));
  const avss: StackLayer[] = [];
  for (const s of setList) if (!avss.includes(s.avsLayer)) avss.push(s.avsLayer);
  const layers = { operators: operators.map((o) => o.layer), avss };
  return { denominator: den, operators, sets: setList, allocatedFraction: fractionOf(allocatedFraction), slashableFraction, degraded, layers };
}

const NONE: Attribution['layers'] = { operators: [], avss: [] };

/**
 * Applies a profile to a value V (wei):
 * - operator o gets exactly floor(V × N_o / D) (N_o its numerators, D the profile's denominator); what
 *   no operator gets (undelegated stake, LRT buffers, rounding remainders) is unrestaked, so
 *   operators + unrestaked = V exactly;
 * - operator set s can slash V × F_s (F_s = Σ over the operator's links of
 *   N_l × magnitude / (max magnitude × D)), and all sets together min(delegated, V × ΣF_s);
 * - nominal (delegated but allocated to no set) = delegated − min(delegated, V × A), A the allocated fraction.
 * Products by a fraction use FRACTION_BITS fixed point (exact to the wei for whole results).
 * Lists come out sorted largest first (the profile is pre-sorted, and flooring keeps the order).
 */
export function referenceAttributeExposure(value: bigint, profile: ExposureProfile | null): Attribution {
  if (profile === null || value <= 0n || profile.denominator <= 0n) {
    return { operators: [], operatorSets: [], slashableEth: 0n, layers: NONE, nominalEth: 0n, unrestakedEth: value > 0n ? value : 0n };
  }
  const wide = value >> FRACTION_BITS > 0n;
  const operators: OperatorExposure[] = [];
  const operatorLayers: StackLayer[] = [];
  let assigned = 0n;
  for (const o of profile.operators) {
    // Exact division: operator shares are the look-through's headline figures.
    const v = (value * o.numerator) / profile.denominator;
    if (v === 0n) continue;
    assigned += v;
    operators.push({ operator: o.operator, valueEth: v });
    operatorLayers.push(o.layer);
  }
  const allocatedRaw = apply(value, profile.allocatedFraction, wide);
  const allocated = allocatedRaw > assigned ? assigned : allocatedRaw;
  const slashableRaw = apply(value, profile.slashableFraction, wide);
  const slashableEth = slashableRaw > allocated ? allocated : slashableRaw;
  const operatorSets: OperatorSetExposure[] = [];
  for (const s of profile.sets) {
    const slashable = apply(value, s.fraction, wide);
    if (slashable !== 0n) operatorSets.push({ avs: s.avs, id: s.id, operator: s.operator, slashableEth: slashable });
  }
  let layers = profile.layers;
  if (operators.length !== profile.operators.length || operatorSets.length !== profile.sets.length) {
    // Some operator or set rounds to zero for this value: list only the layers it reaches.
    const avss: StackLayer[] = [];
    for (const s of profile.sets) {
      if (apply(value, s.fraction, wide) !== 0n && !avss.includes(s.avsLayer)) avss.push(s.avsLayer);
    }
    layers = { operators: operatorLayers, avss };
  }
  return {
    operators, operatorSets, slashableEth, layers,
    nominalEth: assigned - allocated, unrestakedEth: value - assigned,
  };
}
