import { Bar } from 'react-chartjs-2';
import { formatDuration, formatEth, formatShare } from '../../shared/format';
import type { RiskReport } from '../../shared/report';
import { useApp } from '../app-context';
import { blockSeconds, chainName } from '../chain-name';
import { unlockChart, unlockTimeline } from '../charts/unlock-chart';
import { safeText } from '../display/safe-text';

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
  if (items.length === 0) return <p className="card">{t('withdrawalsNone')}</p>;
  return (
    <div className="withdrawals">
      <section className="card" aria-labelledby="wd-h">
        <h2 id="wd-h">{t('withdrawals')}</h2>
        <p>{t('lockedShare', { value: formatEth(exit.lockedEth), share: formatShare(exit.lockedShare) })}</p>
        <ol className="timeline">
          {items.map(({ withdrawal: w, at }) => {
            const position = report.positions.find((p) => p.id === w.positionId);
            const remaining = at === null ? null : at - nowSeconds;
            const status = w.claimable || (remaining !== null && remaining <= 0)
              ? t('claimableNow')
              : remaining !== null
                ? t('claimableIn', { time: formatDuration(remaining) })
                : w.claimableAtBlock !== null
                  ? t('claimableAtBlock', { block: w.claimableAtBlock.toString() })
                  : t('claimableUnknown');
            return (
              <li key={w.positionId} className={w.claimable ? 'timeline-item claimable' : 'timeline-item'}>
                <span className="timeline-status">
                  <span aria-hidden="true">{w.claimable ? '✓' : '◴'}</span> {status}
                </span>{' '}
                <strong>{formatEth(w.valueEth)}</strong> · {w.kind === 'redemption' ? t('kindRedemption') : t('kindQueued')}
                {position !== undefined && <> · {safeText(position.asset.symbol, 16)}</>} · {walletName(w.wallet)} · {chainName(w.chainId)}
                {at !== null && <span className="muted small"> ({new Date(at * 1000).toLocaleString()})</span>}
              </li>
            );
          })}
        </ol>
      </section>
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
