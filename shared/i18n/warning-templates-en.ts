// The English text of every warning: the engine renders it into each warning's title,
// explanation and action, so this is the only copy.
import type { ReadListParams } from './warning-params';
import { listedReads } from './warning-params';
import type { WarningTemplate, WarningTemplates } from './warning-template';
import { pct } from './warning-template';

const chainName = (p: { readonly chainId: number; readonly chain?: string }): string => p.chain ?? `chain ${p.chainId}`;
const reads = (n: number): string => `${n} read${n === 1 ? '' : 's'}`;
const readList = (p: ReadListParams): string =>
  listedReads(p).map((r) => (r.wallet === null ? r.read : `${r.read} of ${r.wallet}`)).join(', ') + (p.more > 0 ? `, and ${p.more} more` : '');

const concentration = (dimension: 'protocol' | 'venue' | 'operator' | 'avs'): WarningTemplate<'concentration-protocol'> => ({
  title: (p) => `${pct(p.share)} of your ETH ${dimension === 'avs' ? 'can be slashed by' : 'depends on'} one ${dimension === 'avs' ? 'AVS' : dimension}: ${p.label}`,
  explanation: (p) => `${p.label} accounts for ${p.valueEth} ETH of your ${p.totalEth} ETH. If it fails (a bug, a governance error, a slashing), that whole share is affected at once.`,
  action: (p) => `Spread your restaked ETH over several ${dimension === 'avs' ? 'operators with different AVSs' : `${dimension}s`}, so that no single one holds more than ${pct(p.threshold)}.`,
});

const hhi = (dimension: 'protocol' | 'operator'): WarningTemplate<'concentration-hhi-protocol'> => ({
  title: (p) => `Your ${dimension}s are concentrated (HHI ${p.hhi.toFixed(2)})`,
  explanation: (p) => `The Herfindahl index of your exposure by ${dimension} is ${p.hhi.toFixed(2)} (1 = everything in one, 0.25 or more counts as highly concentrated in antitrust practice).`,
  action: () => `Add exposure to other ${dimension}s to lower the index.`,
});

const overdue = (delay: string): WarningTemplate<'redemption-overdue'> => ({
  title: (p) => `${p.protocol} redemption #${p.request} is past its expected delay`,
  explanation: (p) => `The request has waited ${p.waitedDays} days, against ${p.expectedDays} days ${delay}; `
    + 'a queue that stops processing is where the money sits in a crisis.',
  action: (p) => `Check ${p.protocol}'s status page and announcements; the request stays yours, but its exit is not moving.`,
});

export const warningTemplatesEn: WarningTemplates = {
  'depeg': {
    title: (p) => `${p.symbol} trades ${pct(p.discount)} below its NAV`,
    explanation: (p) => `The market pays ${p.marketEth} ETH for one ${p.symbol}, while the protocol values it at ${p.navEth} ETH (NAV). `
      + 'Selling now loses the difference, and a widening discount is often the first sign that the market doubts the protocol.',
    action: (p) => `Avoid selling at the discount if you can wait: redeem at NAV through ${p.protocol ?? 'the protocol'}'s withdrawal queue${p.exitDays === undefined ? '' : ` (about ${p.exitDays.toFixed(1)} days)`}. `
      + 'Check the protocol\'s announcements, and if you use it as collateral, check how far it can fall before liquidation.',
  },
  'nav-drop': {
    title: (p) => `${p.symbol}'s NAV fell ${pct(p.drop)}`,
    explanation: (p) => `The protocol's own value of one ${p.symbol} fell from ${p.previousEth} ETH to ${p.currentEth} ETH since the last refresh. `
      + 'A restaking token\'s NAV normally only rises with rewards; a fall means the protocol lost ETH (a slashing, a loss in a strategy, or an accounting change).',
    action: () => 'Look for an announcement by the protocol explaining the loss before adding to the position; consider whether the protocol\'s risk still suits you.',
  },
  'concentration-protocol': concentration('protocol'),
  'concentration-venue': concentration('venue'),
  'concentration-operator': concentration('operator'),
  'concentration-avs': concentration('avs'),
  'concentration-hhi-protocol': hhi('protocol'),
  'concentration-hhi-operator': hhi('operator'),
  'slashable-exposure': {
    title: (p) => `${pct(p.share)} of your ETH can be slashed`,
    explanation: (p) => `Operators you are delegated to (directly or through your LRTs) have allocated stake to operator sets that can slash it. If every one of them slashed all it can, you would lose ${p.worstCaseEth} ETH.`,
    action: () => 'Check which operator sets hold the largest share (Positions view: expand a position to see its operator sets); prefer operators that allocate less of their stake, or move part of your ETH out of restaking.',
  },
  'nominal-security': {
    title: (p) => `${pct(p.share)} of your delegated ETH secures nothing slashable`,
    explanation: (p) => `${p.nominalEth} ETH is delegated to operators but not allocated to any operator set: it cannot be slashed, but it does not secure any service either, so the restaking rewards it earns rest on nominal security and may shrink.`,
    action: () => 'Nothing to do for safety; when comparing yields, discount rewards that come from nominal delegation.',
  },
  'operator-slashed': {
    title: (p) => `Operator ${p.operator} has been slashed (${pct(p.cut)} of its stake)`,
    explanation: (p) => `Its max magnitude fell below 1e18: operator sets slashed ${pct(p.cut)} of the stake delegated to it. ${p.exposureEth} ETH of your ETH is delegated to it (directly or through your LRTs), and its withdrawable value has already been reduced.`,
    action: () => 'Find out why it was slashed; consider undelegating (native restaking) or leaving LRTs that delegate to it.',
  },
  'operator-tiny-magnitude': {
    title: (p) => `Operator ${p.operator} has almost nothing left to slash`,
    explanation: (p) => `Its max magnitude is ${p.maxMagnitude.toPrecision(3)} of the original: it has been slashed nearly completely. Stake delegated to it is worth almost nothing, and new deposits round to almost no shares.`,
    action: () => 'Do not deposit or delegate to this operator; undelegate and withdraw what is left.',
  },
  'restaking-leverage-sets': {
    title: (p) => `Operator ${p.operator} backs ${p.sets} operator sets with the same stake`,
    explanation: (p) => `The stake you delegate to it (${p.exposureEth} ETH) is allocated to ${p.sets} operator sets. Each can slash its share, so one stake answers for many services.`,
    action: () => 'Prefer operators that serve fewer AVSs, or check that each AVS\'s slashing conditions are well understood.',
  },
  'restaking-leverage-magnitude': {
    title: (p) => `Operator ${p.operator} has allocated ${pct(p.magnitudeSum)} of its stake`,
    explanation: (p) => `Its operator sets together can slash ${pct(p.magnitudeSum)} of the stake delegated to it, including your ${p.exposureEth} ETH.`,
    action: () => 'Prefer operators that keep part of their stake unallocated, or reduce your exposure to this one.',
  },
  'exit-mismatch': {
    title: (p) => `${pct(p.share)} of your ETH needs more than ${p.horizonDays} days to exit at NAV`,
    explanation: (p) => `${p.beyondEth} ETH can only be turned back into ETH at full value through queues longer than your horizon of ${p.horizonDays} days (or an unknown time). Selling faster means accepting the market discount, which widens in a crisis.`,
    action: () => 'Keep the part you may need soon in assets with a short exit, or start redemptions early.',
  },
  'liquidity-locked': {
    title: (p) => `${pct(p.share)} of your ETH is waiting in withdrawal queues`,
    explanation: (p) => `${p.lockedEth} ETH is in withdrawal or redemption queues and cannot be used until they complete.`,
    action: () => 'See the Withdrawals view for when each becomes claimable; avoid starting more withdrawals you do not need.',
  },
  'withdrawal-claimable': {
    title: (p) => `A withdrawal of ${p.amountEth === undefined ? p.symbol : `${p.amountEth} ETH`} can be completed`,
    explanation: (p) => `The EigenLayer withdrawal queued by ${p.wallet} passed its delay at block ${p.block ?? '?'}; it earns nothing and is not restaked while it waits.`,
    action: () => 'Complete the withdrawal (completeQueuedWithdrawal) from the wallet that queued it.',
  },
  'token-paused': {
    title: (p) => `${p.symbol} is paused`,
    explanation: (p) => `The ${p.symbol} contract reports paused: transfers, deposits or withdrawals may be blocked until its operators resume it.`,
    action: () => 'Do not rely on exiting through the protocol for now; follow its announcements.',
  },
  'chain-unreachable': {
    title: (p) => `${chainName(p)} could not be read`,
    explanation: (p) => `No endpoint for ${chainName(p)} answered this refresh. Figures for it are the last ones read successfully, if any.`,
    action: () => 'Check your connection, or add a working RPC endpoint for this chain in Settings.',
  },
  'stale-data': {
    title: (p) => `${chainName(p)} data is ${Math.round(p.ageSeconds / 60)} minutes old`,
    explanation: (p) => `The latest block read from ${chainName(p)} is ${p.ageSeconds} seconds old: the endpoint may be lagging, so prices and balances may be out of date.`,
    action: () => 'Check the endpoint in Settings, or add another one.',
  },
  'failed-reads': {
    title: (p) => `${reads(p.count)} failed on ${chainName(p)}`,
    explanation: (p) => `These reads failed: ${readList(p)}. Positions that depend on them keep their last known figures (or are marked incomplete); they are never counted as zero.`,
    action: () => 'Usually temporary; if it persists, check the RPC endpoint in Settings.',
  },
  'failed-reads-not-held': {
    title: (p) => `${reads(p.count)} failed on ${chainName(p)} (tokens you do not hold)`,
    explanation: (p) => `These reads failed: ${readList(p)}. None of your positions depends on them.`,
    action: () => 'Nothing to do for your portfolio; if it persists, the endpoint or the registry entry may be out of date.',
  },
  'redemption-claimable': {
    title: (p) => `${p.protocol} redemption #${p.request} can be claimed: ${p.amount} ${p.asset}`,
    explanation: (p) => `The ${p.protocol} queue has processed the request of ${p.owner}; until it is claimed it earns nothing.`,
    action: (p) => `Claim it from ${p.owner} on ${p.protocol}'s app (queue ${p.queue}).`,
  },
  'redemption-overdue': overdue('read on chain'),
  'redemption-overdue-documented': overdue('documented (no on-chain getter)'),
};
