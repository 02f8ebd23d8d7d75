import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { redemptionsNotTracked } from '../../shared/engine/redemptions-not-tracked';
import { formatDuration, formatEth, formatShare, formatUnitsFixed } from '../../shared/format';
import { tokens } from '../../shared/registry/tokens';
import type { PendingWithdrawal, PositionRedemption, RiskReport } from '../../shared/report';
import { useApp, type AppContextValue } from '../app-context';
import { blockSeconds, chainName } from '../chain-name';
import { unlockChart, unlockTimeline } from '../charts/unlock-chart';
import { safeText } from '../display/safe-text';
import { requestNumber } from '../../shared/redemption';

const STATUS_KEY = { pending: 'redemptionStatusPending', finalized: 'redemptionStatusFinalized', claimable: 'redemptionStatusClaimable' } as const;

/** When an item becomes claimable, in words: a redemption says how its time is known (estimate, overdue). */
function claimText(t: AppContextValue['t'], w: PendingWithdrawal, r: PositionRedemption | undefined, at: number | null, nowSeconds: number): string {
  if (r?.timing === 'estimate' && r.estimatedClaimableAt !== null) {
    const left = Number(r.estimatedClaimableAt) - nowSeconds;
    return left > 0 ? t('claimableInAbout', { time: formatDuration(left) }) : t('claimableAboutNow');
  }
  if (r?.timing === 'overdue') return t('redemptionOverdue', { time: formatDuration(r.overdueSeconds), protocol: safeText(r.protocol, 24) });
  if (r?.timing === 'unknown') return r.blockedReason === null ? t('claimableUnknown') : t('claimableBlocked', { reason: safeText(r.blockedReason, 40) });
  const remaining = at === null ? null : at - nowSeconds;
  if (w.claimable || (remaining !== null && remaining <= 0)) return t('claimableNow');
  if (remaining !== null) return t('claimableIn', { time: formatDuration(remaining) });
  if (w.claimableAtBlock !== null) return t('claimableAtBlock', { block: w.claimableAtBlock.toString() });
  return t('claimableUnknown');
}

/** Protocols of held tokens whose pending requests the app does not read: the view says so, with or without a timeline. */
function NotTracked({ report, walletName }: { readonly report: RiskReport; readonly walletName: (address: string) => string }) {
  const { t } = useApp();
  // Per report, not per render: the view re-renders every second for its countdowns.
  const notes = useMemo(() => redemptionsNotTracked(report.positions, tokens), [report]);
  if (notes.length === 0) return null;
  return (
    <section className="card" aria-labelledby="wd-untracked-h">
      <h2 id="wd-untracked-h">{t('redemptionsNotTrackedTitle')}</h2>
      <ul className="untracked-redemptions">
        {notes.map((n) => (
          <li key={`${n.wallet}:${n.protocol}`}>
            {t('redemptionsNotTracked', { wallet: walletName(n.wallet), tokens: n.symbols.map((x) => safeText(x, 16)).join(', '), protocol: safeText(n.protocol, 24) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WithdrawalsView({ report, walletName }: { readonly report: RiskReport; readonly walletName: (address: string) => string }) {
  const { t, now } = useApp();
  // Count down on the chain's clock (the simulated world's may differ from this machine's): the
  // chain head's time plus the time elapsed since the report was made.
  const elapsed = Math.max(0, Math.floor(now / 1000) - Number(report.generatedAt));
  const head = report.chains.find((c) => c.chainId === 1 && c.blockTimestamp !== null)?.blockTimestamp ?? report.generatedAt;
  const nowSeconds = Number(head) + elapsed;
  const items = unlockTimeline(report, blockSeconds);
  const chart = unlockChart(items, nowSeconds);
  const { exit } = report.metrics;
  if (items.length === 0) {
    return (
      <div className="withdrawals">
        <p className="card">{t('withdrawalsNone')}</p>
        <NotTracked report={report} walletName={walletName} />
      </div>
    );
  }
  return (
    <div className="withdrawals">
      <section className="card" aria-labelledby="wd-h">
        <h2 id="wd-h">{t('withdrawals')}</h2>
        <p>{t('lockedShare', { value: formatEth(exit.lockedEth), share: formatShare(exit.lockedShare) })}</p>
        <ol className="timeline">
          {items.map(({ withdrawal: w, at }) => {
            const position = report.positions.find((p) => p.id === w.positionId);
            const r = position?.redemption;
            const status = claimText(t, w, r, at, nowSeconds);
            const estimatedAt = r?.timing === 'estimate' && r.estimatedClaimableAt !== null ? Number(r.estimatedClaimableAt) : null;
            return (
              <li key={w.positionId} className={w.claimable ? 'timeline-item claimable' : 'timeline-item'}>
                <span className="timeline-status">
                  <span aria-hidden="true">{w.claimable ? '✓' : '◴'}</span> {status}
                </span>{' '}
                <strong>{formatEth(w.valueEth)}</strong> · {w.kind === 'redemption' ? t('kindRedemption') : t('kindQueued')}
                {position !== undefined && <> · {safeText(position.asset.symbol, 16)}</>} · {walletName(w.wallet)} · {chainName(w.chainId)}
                {at !== null && estimatedAt === null && <span className="muted small"> ({new Date(at * 1000).toLocaleString()})</span>}
                {estimatedAt !== null && <span className="muted small"> ({t('aboutDate', { date: new Date(estimatedAt * 1000).toLocaleString() })})</span>}
                {r !== undefined && (
                  <div className="small redemption-detail">
                    {t('redemptionRequest', { protocol: safeText(r.protocol, 24), id: safeText(requestNumber(r.requestId), 24) })}
                    {' · '}{t('redemptionStatus', { status: t(STATUS_KEY[r.status]) })}
                    {' · '}{t('redemptionGivenUp', { amount: formatUnitsFixed(r.amountLocked, r.assetGiven.decimals), symbol: safeText(r.assetGiven.symbol, 16) })}
                    {position !== undefined && <>{' · '}{t('redemptionExpected', { amount: formatUnitsFixed(r.expectedAmount, position.asset.decimals), symbol: safeText(position.asset.symbol, 16) })}</>}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <NotTracked report={report} walletName={walletName} />
      {chart.days.length > 0 && (
        <section className="card" aria-labelledby="unlock-h">
          <h2 id="unlock-h">{t('unlockChart')}</h2>
          <div className="chart chart-bar">
            <Bar
              data={{
                labels: chart.days.map((d) => (d === 0 ? t('claimableNow') : `+${d}d`)),
                datasets: [{ label: t('unlockChart'), data: chart.values, backgroundColor: '#59a14f' }],
              }}
              options={{ plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => `${(ctx.parsed.y ?? 0).toFixed(4)} ETH` } } }, maintainAspectRatio: false }}
            />
          </div>
        </section>
      )}
    </div>
  );
}
