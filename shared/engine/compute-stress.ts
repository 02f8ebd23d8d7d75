import type { StressKind, StressResult, StressScenario } from '../report';
import { basisPoints } from './basis-points';
import type { EngineContext } from './build-engine-context';
import type { PositionFacts } from './build-positions';
import { compareText } from './compare-text';
import type { GroupExposure } from './group-exposure';
import { ratio } from './ratio';
import { shortAddress } from './short-address';

const BPS = 10_000n;

/**
 * Stress scenarios over the whole portfolio, losses in wei against NAV value (X = depeg percent,
 * Y = slash percent, each term floored):
 * - `depeg:<token>`: that token (and its bridged copies) trades X% below NAV: X% of each such token position;
 * - `depeg-all:all`: every held token at once;
 * - `slash:<operator>`: the operator is slashed Y% on all its allocations: Y% of each slashable exposure to its sets;
 * - `slash-all:all`: every operator at once: per position Y% of its total slashable exposure;
 * - `combined:all`: per position, every operator slashed Y%, then the token X% below NAV on what is left.
 * Every term grows with X and Y, so a harsher stress never gives a smaller loss.
 */
export function computeStress(
  ctx: EngineContext, facts: readonly PositionFacts[], groups: readonly GroupExposure[], total: bigint, depegPercent: number, slashPercent: number,
): StressResult {
  const x = basisPoints(depegPercent);
  const y = basisPoints(slashPercent);
  const depeg = new Map<string, bigint>();
  let depegAll = 0n;
  let slashAll = 0n;
  let combined = 0n;
  let anyToken = false;
  let anySlashable = false;
  for (const f of facts) {
    const p = f.position;
    const v = p.valueEth;
    if (v === null) continue;
    const exposed = f.slashableEth > v ? v : f.slashableEth;
    if (exposed > 0n) anySlashable = true;
    const slashed = exposed === 0n ? 0n : (exposed * y) / BPS;
    slashAll += slashed;
    let depegLoss = 0n;
    if (f.canonicalToken !== null) {
      anyToken = true;
      const loss = (v * x) / BPS;
      depeg.set(f.canonicalToken, (depeg.get(f.canonicalToken) ?? 0n) + loss);
      depegAll += loss;
      // Nothing slashed: the depeg applies to the whole value, which is `loss` already.
      depegLoss = slashed === 0n ? loss : ((v - slashed) * x) / BPS;
    }
    combined += slashed + depegLoss;
  }
  const slash = new Map<string, { operator: string; loss: bigint }>();
  for (const g of groups) {
    for (const s of g.attribution.operatorSets) {
      const key = s.operator.toLowerCase();
      const entry = slash.get(key) ?? { operator: s.operator, loss: 0n };
      entry.loss += (s.slashableEth * y) / BPS;
      slash.set(key, entry);
    }
  }
  const scenarios: StressScenario[] = [];
  const add = (kind: StressKind, subject: string, label: string, lossEth: bigint): void => {
    scenarios.push({ id: `${kind}:${subject}`, kind, subject, label, lossEth, share: ratio(lossEth, total) });
  };
  for (const [token, loss] of depeg) {
    const symbol = ctx.tokensById.get(token)?.symbol ?? token;
    add('depeg', token, `${symbol} trades ${depegPercent}% below NAV`, loss);
  }
  if (anyToken) add('depeg-all', 'all', `Every held token trades ${depegPercent}% below NAV`, depegAll);
  for (const [key, { operator, loss }] of slash) {
    add('slash', key, `Operator ${shortAddress(operator)} slashed ${slashPercent}% on all its allocations`, loss);
  }
  if (anySlashable) add('slash-all', 'all', `Every operator slashed ${slashPercent}% on all its allocations`, slashAll);
  if (anyToken || anySlashable) add('combined', 'all', `Every operator slashed ${slashPercent}%, then every token ${depegPercent}% below NAV`, combined);
  scenarios.sort((a, b) => (a.lossEth === b.lossEth ? compareText(a.id, b.id) : a.lossEth > b.lossEth ? -1 : 1));
  return { depegPercent, slashPercent, scenarios, worst: scenarios[0] ?? null };
}
