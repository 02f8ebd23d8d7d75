/**
 * One restaker in the simulated world, for tests that drive changes on chain while something
 * watches: the wallet holds 10 of an LRT, has 30 stETH restaked in EigenLayer and delegated to its
 * own operator (registered for one operator set with half of its stETH magnitude allocated), and
 * has queued a withdrawal of 5 of those shares.
 */
import { getAddress, parseEther, type Address } from 'viem';
import { registry } from '../../shared/registry/registry';
import { demoAddress, type World } from '../../world/demo-world';

export interface RestakerScenario {
  readonly holder: Address;
  readonly operator: Address;
  readonly set: { readonly avs: Address; readonly id: number };
  /** The stETH strategy the stake is in (what a slash targets). */
  readonly strategy: Address;
}

export interface RestakerScenarioOptions {
  /** Distinguishes the addresses of several scenarios (demoAddress labels). */
  readonly name: string;
  readonly lrt: 'weETH' | 'ezETH';
  readonly operatorSetId: number;
  /** EigenLayer's minWithdrawalDelayBlocks while the withdrawal is queued. */
  readonly withdrawalDelayBlocks: number;
}

/** Places the scenario on chain. */
export async function setUpRestaker(world: World, options: RestakerScenarioOptions): Promise<RestakerScenario> {
  const { tokens, eigen } = world;
  const holder = getAddress(demoAddress(`${options.name}:holder`));
  const operator = getAddress(demoAddress(`${options.name}:operator`));
  const set = { avs: getAddress(registry.eigenLayer.avss[0]?.address ?? '0x0000000000000000000000000000000000000001'), id: options.operatorSetId };
  const strategy = eigen.addresses.strategies.stETH;
  await tokens.mint(options.lrt, holder, parseEther('10'));
  await eigen.registerOperator(operator);
  await eigen.createOperatorSet(set, [strategy]);
  await eigen.registerForOperatorSet(operator, set);
  await eigen.allocate(operator, set, strategy, parseEther('0.5'));
  await eigen.depositToStrategy(holder, strategy, parseEther('30'));
  await eigen.delegate(holder, operator);
  await eigen.setMinWithdrawalDelayBlocks(options.withdrawalDelayBlocks);
  await eigen.queueWithdrawal(holder, [strategy], [parseEther('5')]);
  return { holder, operator, set, strategy };
}
