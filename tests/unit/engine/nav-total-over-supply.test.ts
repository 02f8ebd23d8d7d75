/**
 * ezETH valued as Renzo values it: a holder's ezETH is worth floor(totalTVL × amount / supply)
 * (RenzoOracle.calculateRedeemAmount), not floor(amount × getRate() / 1e18) with getRate() =
 * floor(totalTVL × 1e18 / supply) already rounded.
 */
import { describe, expect, it } from 'vitest';
import type { Read, TokenState } from '../../../shared/snapshot';
import { E18, WALLET_A, balance, eth, fail, ok, report, snapshot, tokenState, wallet } from './snapshot-builder';

// The fidelity review's example: awkward TVL and supply, and a balance with low digits.
const TVL = 1_234_567n * E18 + 123_456_789n;
const SUPPLY = 1_100_000n * E18 + 987_654_321n;
const BALANCE = 250n * E18 + 12_345n;
/** BalancerRateProvider.getRate(): 1e18 * totalTVL / totalSupply, floored. */
const GET_RATE = (E18 * TVL) / SUPPLY;

const ezEth = (navTotal: Read<bigint> | undefined, supply: Read<bigint> = ok(SUPPLY)): TokenState => ({
  ...tokenState('ezETH@1', { navRate: GET_RATE, totalSupply: supply }),
  ...(navTotal === undefined ? {} : { navTotal }),
});

const ezEthPosition = (state: TokenState, amount = BALANCE) => {
  const r = report([snapshot({ tokens: [state], wallets: [wallet(WALLET_A, [balance('ezETH@1', amount)])] })]);
  const p = r.positions.find((x) => x.asset.tokenId === 'ezETH@1');
  if (!p) throw new Error('no ezETH position');
  return { p, r };
};

describe('ezETH at NAV: total over supply', () => {
  it('values a balance as floor(tvl × balance / supply): 40 wei more than through the rounded rate', () => {
    const { p } = ezEthPosition(ezEth(ok(TVL)));
    expect(p.valueEth).toBe(280_583_409_090_908_880_895n);
    expect(p.valueEth).toBe((TVL * BALANCE) / SUPPLY);
    expect((BALANCE * GET_RATE) / E18).toBe(280_583_409_090_908_880_855n);
    expect(p.degraded).toBe(false);
  });

  it("the report's per-token NAV is what getRate() returns", () => {
    const { r } = ezEthPosition(ezEth(ok(TVL)));
    expect(r.navRates.find((n) => n.token === 'ezETH@1')?.ethPerToken).toBe(GET_RATE);
  });

  it('a snapshot stored before navTotal existed is valued through the rate, as then', () => {
    expect(ezEthPosition(ezEth(undefined)).p.valueEth).toBe(280_583_409_090_908_880_855n);
  });

  it('a failed total, a failed supply or a zero supply gives no value (never a rate-based guess) and marks the position degraded', () => {
    for (const state of [ezEth(fail()), ezEth(ok(TVL), fail()), ezEth(ok(TVL), ok(0n))]) {
      const { p } = ezEthPosition(state);
      expect(p.valueEth).toBeNull();
      expect(p.degraded).toBe(true);
    }
  });

  it('a whole supply is worth the whole TVL, and one token in a round world is worth its rate', () => {
    expect(ezEthPosition(ezEth(ok(TVL)), SUPPLY).p.valueEth).toBe(TVL);
    expect(ezEthPosition(ezEth(ok(eth(1_050)), ok(eth(1_000))), E18).p.valueEth).toBe(eth(1.05));
  });
});
