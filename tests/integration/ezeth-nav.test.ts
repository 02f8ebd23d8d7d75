/**
 * ezETH at NAV end to end: with an awkward (non-round) Renzo TVL and ezETH supply set on the
 * simulated chain, a wallet's ezETH is worth exactly floor(totalTVL × balance / supply), Renzo's own
 * RenzoOracle.calculateRedeemAmount, with every figure of the expectation taken by independent
 * eth_calls to the fixtures (not through the tracker), and not the rounded-rate figure.
 */
import { getAddress, parseAbi, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/engine/compute-report';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { RiskReport } from '../../shared/report';
import { defaultThresholds } from '../../shared/settings/thresholds';
import type { ChainSnapshot, TokenState } from '../../shared/snapshot';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer } from '../../world/eigenlayer-world';
import { deployRedemptions } from '../../world/redemptions-world';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';

const E18 = 10n ** 18n;
const ALICE = getAddress('0xa11ce00000000000000000000000000000e2e7a1');
const OTHERS = getAddress('0x0be25000000000000000000000000000000e2e7a');
// The fidelity review's figures: through getRate() the balance is worth 40 wei less than Renzo pays.
const TVL = 1_234_567n * E18 + 123_456_789n;
const SUPPLY = 1_100_000n * E18 + 987_654_321n;
const BALANCE = 250n * E18 + 12_345n;

// Independent reads: the signatures of shared/reference/lrt_abi.txt (RenzoRestakeManager, RenzoRateProvider) and ERC-20.
const restakeManagerAbi = parseAbi(['function calculateTVLs() view returns (uint256[][], uint256[], uint256)']);
const rateProviderAbi = parseAbi(['function getRate() view returns (uint256)']);
const erc20 = parseAbi(['function totalSupply() view returns (uint256)', 'function balanceOf(address) view returns (uint256)']);

let anvil: Anvil;
let ctx: WorldContext;
let tokens: TokensWorld;

async function onChain(wallet: Address): Promise<{ tvl: bigint; supply: bigint; balance: bigint; rate: bigint }> {
  const pc = ctx.publicClient;
  const [[, , tvl], supply, balance, rate] = await Promise.all([
    pc.readContract({ address: ADDR.renzoRestakeManager, abi: restakeManagerAbi, functionName: 'calculateTVLs' }),
    pc.readContract({ address: ADDR.ezETH, abi: erc20, functionName: 'totalSupply' }),
    pc.readContract({ address: ADDR.ezETH, abi: erc20, functionName: 'balanceOf', args: [wallet] }),
    pc.readContract({ address: ADDR.renzoRateProvider, abi: rateProviderAbi, functionName: 'getRate' }),
  ]);
  return { tvl, supply, balance, rate };
}

async function scan(): Promise<{ snapshot: ChainSnapshot; report: RiskReport }> {
  const chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
  const snapshot = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
  const report = computeReport({
    snapshots: [snapshot], registry, thresholds: defaultThresholds, now: snapshot.blockTimestamp ?? 0n,
    wallets: [{ address: ALICE, label: null, ens: null }], previous: null,
  });
  return { snapshot, report };
}

const ezEthValue = (r: RiskReport): bigint | null | undefined => r.positions.find((p) => p.asset.tokenId === 'ezETH@1' && p.chainId === 1)?.valueEth;
const ezEthState = (s: ChainSnapshot): TokenState | undefined => s.tokens.find((t) => t.token === 'ezETH@1');

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  await deployEigenLayer(ctx);
  await deployRedemptions(ctx);
  await tokens.mint('ezETH', ALICE, BALANCE);
  // The rest of the supply to another holder, so the supply is exactly SUPPLY; then the TVL.
  const { supply } = await onChain(ALICE);
  if (supply > SUPPLY) throw new Error(`the world already holds ${supply} ezETH, more than the scenario's supply`);
  await tokens.mint('ezETH', OTHERS, SUPPLY - supply);
  await tokens.setRenzoTotalTvl(TVL);
});
afterAll(async () => { await anvil?.stop(); });

describe('ezETH valued as total TVL over supply', () => {
  it("a wallet's ezETH value is floor(tvl × balance / supply) from independent eth_calls, not balance × getRate() / 1e18", async () => {
    const chain = await onChain(ALICE);
    // The scenario is on chain as intended, awkward digits included.
    expect([chain.tvl, chain.supply, chain.balance]).toEqual([TVL, SUPPLY, BALANCE]);
    const { snapshot, report } = await scan();
    expect(snapshot.failedReads).toEqual([]);
    const expected = (chain.tvl * chain.balance) / chain.supply;
    expect(ezEthValue(report)).toBe(expected);
    expect(expected - (chain.balance * chain.rate) / E18).toBe(40n);
  });

  it("the snapshot carries calculateTVLs()'s total, and a per-token rate equal to the fixture's getRate()", async () => {
    const chain = await onChain(ALICE);
    const state = ezEthState((await scan()).snapshot);
    expect(state?.navTotal).toEqual({ ok: true, value: chain.tvl });
    expect(state?.totalSupply).toEqual({ ok: true, value: chain.supply });
    expect(state?.navRate).toEqual({ ok: true, value: chain.rate });
  });

  it('follows a TVL changed on chain, to the wei', async () => {
    const tvl = TVL + 987_654_321_987n;
    await tokens.setRenzoTotalTvl(tvl);
    try {
      const chain = await onChain(ALICE);
      expect(chain.tvl).toBe(tvl);
      expect(ezEthValue((await scan()).report)).toBe((chain.tvl * chain.balance) / chain.supply);
    } finally {
      await tokens.setRenzoTotalTvl(TVL);
    }
  });
});
