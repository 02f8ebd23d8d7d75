/**
 * The scan's readable output: positions with their stacks, exposure summary, exit profile, warnings.
 */
import type { Position, PositionRedemption, RiskReport, Share } from '../../shared/report';
import { redemptionsNotTracked } from '../../shared/engine/redemptions-not-tracked';
import { formatDuration, formatEth, formatShare, formatUnitsFixed, shortAddress } from '../../shared/format';
import { formatUsdCents, formatUsdPerEth } from '../../shared/format-usd';
import { chains } from '../../shared/registry/chains';
import { registry } from '../../shared/registry/registry';
import { toPlainText } from '../../shared/notify/to-plain-text';
import { requestNumber } from '../../shared/redemption';

/** Removes terminal control sequences and every invisible or reordering mark from untrusted text (ENS names, labels), one line, at most `max` characters. */
export function inert(text: string, max = 80): string {
  return toPlainText(text, max);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.length); });
  return rows.map((r) => r.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

const chainName = (id: number): string => chains.find((c) => c.id === id)?.name ?? `chain ${id}`;

function shares(title: string, list: readonly Share[], limit = 6): string {
  if (!list.length) return `${title}: —`;
  const top = list.slice(0, limit).map((s) => `${inert(s.label, 40)} ${formatShare(s.share)}`).join(', ');
  return `${title}: ${top}${list.length > limit ? `, +${list.length - limit} more` : ''}`;
}

const LAYER_PLURAL: Readonly<Record<string, string>> = { operator: 'operators', avs: 'AVSs', lrt: 'LRT layers', lst: 'LSTs' };

/** The stack as one line: runs of more than two entries of one layer are counted, not listed. */
export function stackLine(stack: RiskReport['positions'][number]['stack']): string {
  const parts: string[] = [];
  for (let i = 0; i < stack.length;) {
    let j = i;
    while (j < stack.length && stack[j]?.layer === stack[i]?.layer) j++;
    const run = stack.slice(i, j);
    const layer = run[0]?.layer ?? '';
    parts.push(run.length > 2 ? `${run.length} ${LAYER_PLURAL[layer] ?? layer}` : run.map((l) => inert(l.label, 40)).join(' + '));
    i = j;
  }
  return parts.join(' → ');
}


/** ` (≈ 12,345.67 USD at 3,456.78 USD/ETH)` after the NAV total, when the report has a price; the price marked when stale. */
function usdSuffix(price: RiskReport['metrics']['ethUsd']): string {
  if (!price) return '';
  const perEth = formatUsdPerEth(price);
  return ` (≈ ${formatUsdCents(price.totalValueUsdCents)} USD at ${perEth} USD/ETH${price.stale ? ', stale price' : ''})`;
}

const utc = (seconds: bigint): string => `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** `#40002`; Kelp's `${asset}:${nonce}` shows its nonce (the asset paid is in the row). */
const requestLabel = (r: PositionRedemption): string => `#${inert(requestNumber(r.requestId), 24)}`;

/** Where a delay used for an estimate comes from. */
const delaySource = (r: PositionRedemption): string => r.expectedDelaySeconds === null ? 'the protocol\'s delay'
  : `${formatDuration(r.expectedDelaySeconds)} ${r.expectedDelayOnChain ? 'delay read on chain' : 'documented default delay'}`;

/**
 * When a redemption can be claimed, the same in every place the table shows it: exact where the queue
 * gives the moment or block, "about … (estimate)" where only a delay is known. `absolute` gives a UTC
 * date instead of the time left.
 */
function redemptionWhen(p: Position, r: PositionRedemption, absolute: boolean): string {
  const e = p.exit;
  switch (r.timing) {
    case 'now': return 'claimable now';
    case 'estimate':
      return absolute && r.estimatedClaimableAt !== null
        ? `claimable about ${utc(r.estimatedClaimableAt)} (estimate: ${delaySource(r)})`
        : `claimable in about ${formatDuration(e.atNavSeconds)} (estimate)`;
    case 'overdue':
      return `overdue by ${formatDuration(r.overdueSeconds)}: past the expected ${formatDuration(r.expectedDelaySeconds)}, waiting for ${inert(r.protocol, 24)}`;
    case 'unknown': return `claim time unknown${r.blockedReason === null ? '' : ` (${inert(r.blockedReason, 40)})`}`;
    case 'on-chain':
      if (e.claimableAtBlock !== null) return `claimable at block ${e.claimableAtBlock}${e.claimableAt === null ? '' : ` (~${absolute ? utc(e.claimableAt) : formatDuration(e.atNavSeconds)})`}`;
      if (e.claimableAt !== null) return absolute ? `claimable ${utc(e.claimableAt)}` : `claimable in ${formatDuration(e.atNavSeconds)}`;
      return 'claim time unknown';
  }
}

/** The exit column: a redemption's time as the pending lines say it, and ether.fi's instant redemption where it applies. */
function exitCell(p: Position): string {
  const r = p.redemption;
  if (r?.timing === 'estimate') return `about ${formatDuration(p.exit.atNavSeconds)} (estimate)`;
  if (r?.timing === 'overdue') return `overdue ${formatDuration(r.overdueSeconds)}`;
  if (r?.timing === 'unknown') return 'unknown';
  const atNav = p.exit.claimableAtBlock !== null ? `${formatDuration(p.exit.atNavSeconds)} (block ${p.exit.claimableAtBlock})` : formatDuration(p.exit.atNavSeconds);
  return `${atNav}${instantRedeemText(p)}`;
}

/** `; instant redeem 1.2345 ETH now` (after the fee), `(capped)` past what can go now; said unavailable on an L2 or when paused or unread. */
function instantRedeemText(p: Position): string {
  const eth = p.exit.instantRedeemEth;
  if (eth === undefined) return '';
  if (eth === null) return p.chainId === 1 ? '; instant redeem unavailable' : '; instant redeem mainnet only';
  return `; instant redeem ${formatEth(eth)}${p.exit.instantRedeemCapped ? ' (capped: more than redeemable now)' : ''}`;
}

/** One row per redemption request of a wallet: protocol and id, status, what was given up, what it pays, when. */
function redemptionRows(positions: readonly Position[]): string[] {
  const rows: string[][] = [];
  for (const p of positions) {
    const r = p.redemption;
    if (r === undefined) continue;
    rows.push([
      `    ${inert(r.protocol, 24)} ${requestLabel(r)}`,
      r.status,
      `gave up ${formatUnitsFixed(r.amountLocked, r.assetGiven.decimals)} ${inert(r.assetGiven.symbol, 16)}`,
      `expects ${formatUnitsFixed(r.expectedAmount, p.asset.decimals)} ${inert(p.asset.symbol, 16)}`,
      redemptionWhen(p, r, false),
    ]);
  }
  return rows.length ? ['  redemption requests:', table(rows)] : [];
}

const SEVERITY_MARK = { critical: '[CRITICAL]', warning: '[WARNING] ', info: '[info]    ' } as const;

/** Renders a report as plain text for a terminal. */
export function formatTable(report: RiskReport): string {
  const out: string[] = [];
  const m = report.metrics;
  out.push(`Matryoshka scan — ${new Date(Number(report.generatedAt) * 1000).toISOString()}`);
  for (const c of report.chains) {
    const failed = c.failedReads.length ? `, ${c.failedReads.length} failed read(s)` : '';
    out.push(`  ${chainName(c.chainId)}: ${c.status}${c.blockNumber === null ? '' : ` at block ${c.blockNumber}`}${failed}`);
  }
  out.push('');
  out.push(`Total value: ${formatEth(m.totalValueEth)} at NAV${usdSuffix(m.ethUsd)}, ${formatEth(m.totalMarketValueEth)} at market   Risk score: ${m.riskScore.score}/100`);
  out.push('');
  for (const w of report.wallets) {
    const name = w.ens ? `${inert(w.ens)} (${w.address})` : w.address;
    out.push(`Wallet ${w.label ? `${inert(w.label)} — ` : ''}${name}: ${formatEth(w.valueEth)}`);
    const rows: string[][] = [['  asset', 'chain', 'amount', 'value (NAV)', 'value (market)', 'exit at NAV', 'stack']];
    const mine = report.positions.filter((x) => x.wallet.toLowerCase() === w.address.toLowerCase());
    for (const p of mine) {
      const stack = stackLine(p.stack);
      const kind = p.kind === 'token' ? '' : ` (${p.kind}${p.redemption ? `, ${p.redemption.status}` : ''})`;
      rows.push([
        `  ${inert(p.asset.symbol, 16)}${kind}${p.degraded ? ' !' : ''}`,
        chainName(p.chainId),
        formatEth(p.amount * 10n ** BigInt(18 - Math.min(18, p.asset.decimals))).replace(' ETH', ''),
        formatEth(p.valueEth),
        formatEth(p.marketValueEth),
        exitCell(p),
        stack,
      ]);
    }
    out.push(rows.length > 1 ? table(rows) : '  (no positions)');
    out.push(...redemptionRows(mine));
    for (const n of redemptionsNotTracked(mine, registry.tokens)) {
      out.push(`  note: pending ${inert(n.protocol, 24)} redemptions are not tracked (${n.symbols.map((x) => inert(x, 16)).join(', ')} held): a request in its queue is not shown here`);
    }
    out.push('');
  }
  out.push('Exposure');
  out.push(`  ${shares('protocol', m.exposure.protocol)}`);
  out.push(`  ${shares('venue', m.exposure.venue)}`);
  out.push(`  ${shares('operator', m.exposure.operator)}`);
  out.push(`  ${shares('AVS (slashable)', m.exposure.avs)}`);
  out.push(`  slashable worst case: ${formatEth(m.slashable.worstCaseEth)} (${formatShare(m.slashable.worstCaseShare)}), nominal only: ${formatShare(m.slashable.nominalShare)}`);
  out.push('');
  out.push('Exit profile (at NAV)');
  out.push(`  ${m.exit.buckets.map((b) => `≤${b.withinDays}d ${formatShare(b.share)}`).join('   ')}   later ${formatShare(m.exit.laterShare)}   instant at market ${formatShare(m.exit.instantShare)}`);
  for (const w of m.exit.pendingWithdrawals) {
    const position = report.positions.find((p) => p.id === w.positionId);
    const r = position?.redemption;
    const when = position !== undefined && r !== undefined ? redemptionWhen(position, r, true)
      : w.claimable ? 'claimable now'
        : w.claimableAtBlock !== null ? `claimable at block ${w.claimableAtBlock}${w.claimableAt === null ? '' : ` (~${utc(w.claimableAt)})`}`
          : w.claimableAt !== null ? `claimable ${utc(w.claimableAt)}`
            : 'claimable at an unknown time';
    const what = r === undefined ? w.kind : `${w.kind} ${inert(r.protocol, 24)} ${requestLabel(r)} (${r.status})`;
    out.push(`  pending: ${what} ${formatEth(w.valueEth)} ${when}  [${w.positionId}]`);
  }
  if (m.stress.worst) out.push(`  stress (worst): ${inert(m.stress.worst.label, 60)}: loss ${formatEth(m.stress.worst.lossEth)} (${formatShare(m.stress.worst.share)})`);
  out.push('');
  out.push(report.warnings.length ? `Warnings (${report.warnings.length})` : 'Warnings: none');
  for (const w of report.warnings) {
    out.push(`  ${SEVERITY_MARK[w.severity]} ${inert(w.title, 120)} — value ${w.value ?? '—'}, threshold ${w.threshold ?? '—'}`);
  }
  for (const u of report.unread) out.push(`  could not read ${u.source} for ${shortAddress(u.wallet)} on ${chainName(u.chainId)}: ${inert(u.error, 120)}`);
  return out.join('\n');
}
