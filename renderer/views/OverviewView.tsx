import { useState } from 'react';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { ethToUsdCents } from '../../shared/engine/eth-to-usd-cents';
import { formatEth, formatShare } from '../../shared/format';
import { formatUsdCents, formatUsdPerEth } from '../../shared/format-usd';
import { warningTextFor } from '../../shared/i18n/warning-text-for';
import { listedValue } from '../../shared/listed-value';
import type { Layer, RiskReport, Share } from '../../shared/report';
import { useApp } from '../app-context';
import { exitChart } from '../charts/exit-chart';
import { EXPOSURE_DIMENSIONS, exposureChart, type ExposureDimension } from '../charts/exposure-chart';
import { SeverityBadge } from '../components/SeverityBadge';
import { safeText } from '../display/safe-text';
import type { CatalogKey } from '../i18n/catalog';
import type { HistoryEntry } from '../use-app-model';
import { ethNumber } from '../eth-number';
import { LAYERS } from '../../shared/report';

const DIM_KEY = { layer: 'dimLayer', protocol: 'dimProtocol', venue: 'dimVenue', operator: 'dimOperator', avs: 'dimAvs' } as const satisfies Record<ExposureDimension, CatalogKey>;
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];

function isLayer(key: string): key is Layer {
  return (LAYERS as readonly string[]).includes(key);
}

interface Props {
  readonly report: RiskReport;
  readonly history: readonly HistoryEntry[];
  readonly onShowWarnings: () => void;
}

export function OverviewView({ report, history, onShowWarnings }: Props) {
  const { t, language } = useApp();
  const [dimension, setDimension] = useState<ExposureDimension>('protocol');
  const { metrics } = report;
  // What was read, plus the last known figures of positions whose reads failed this time.
  const listed = listedValue(report);
  const labelOf = (share: Share): string => (dimension === 'layer' && isLayer(share.key) ? t(`layer_${share.key}`) : share.label);
  const exposure = exposureChart(report, dimension, t('other'), labelOf);
  const exits = exitChart(report, (days) => t('exitWithin', { days }), t('exitLater'));
  const top = report.warnings.slice(0, 3);
  const usd = metrics.ethUsd ?? null;
  return (
    <div className="overview">
      <section className="card totals" aria-labelledby="total-h">
        <h2 id="total-h">{t('totalValue')}</h2>
        <p className="big" data-testid="total-value">{formatEth(listed.totalEth)}</p>
        {listed.lastKnownEth > 0n && <p className="muted" data-testid="last-known-value">{t('includesLastKnown', { eth: formatEth(listed.lastKnownEth) })}</p>}
        <p className="muted">
          {t('marketValue')}: {formatEth(metrics.totalMarketValueEth)}
        </p>
        {usd !== null && (
          <>
            {/* The listed total (what the headline shows), at the engine's price: equal to metrics.ethUsd.totalValueUsdCents unless last known figures are added. */}
            <p className="muted" data-testid="usd-value">
              {t('usdValue', { usd: formatUsdCents(ethToUsdCents(listed.totalEth, usd.answer, usd.decimals)) })}
              {usd.stale && <strong className="stale-price"> ({t('usdStalePrice')})</strong>}
            </p>
            <p className="muted small" data-testid="usd-price">
              {t('usdPriceAt', { price: formatUsdPerEth(usd), time: new Date(Number(usd.updatedAt) * 1000).toLocaleString() })}
            </p>
          </>
        )}
      </section>
      <section className="card score" aria-labelledby="score-h">
        <h2 id="score-h">{t('riskScore')}</h2>
        <p className="big">{t('riskScoreOf', { score: metrics.riskScore.score })}</p>
        <meter min={0} max={100} low={34} high={67} optimum={0} value={metrics.riskScore.score} aria-label={t('riskScore')} />
        <details>
          <summary>{t('riskComponents')}</summary>
          <ul className="components">
            {metrics.riskScore.components.map((c) => (
              <li key={c.key}>
                <span>{safeText(c.label, 60)}</span> <span className="muted">{t('componentPoints', { points: c.points.toFixed(1), weight: c.weight })}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">{safeText(metrics.riskScore.formula, 400)}</p>
        </details>
      </section>
      <section className="card top-warnings" aria-labelledby="tw-h">
        <h2 id="tw-h">{t('topWarnings')}</h2>
        {top.length === 0 ? (
          <p>{t('noWarnings')}</p>
        ) : (
          <ul>
            {top.map((w) => (
              <li key={w.id}>
                <SeverityBadge severity={w.severity} /> {safeText(warningTextFor(w, language).title, 120)}
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={onShowWarnings}>
          {t('seeAllWarnings')}
        </button>
      </section>
      <section className="card exposure" aria-labelledby="exp-h">
        <h2 id="exp-h">{t('exposure')}</h2>
        <div role="radiogroup" aria-label={t('exposureBy')} className="segmented">
          {EXPOSURE_DIMENSIONS.map((d) => (
            <label key={d}>
              <input type="radio" name="exposure-dim" value={d} checked={dimension === d} onChange={() => setDimension(d)} />
              {t(DIM_KEY[d])}
            </label>
          ))}
        </div>
        {exposure.values.length === 0 ? (
          <p>{t('exposureEmpty')}</p>
        ) : (
          <>
            <div className="chart chart-doughnut">
              <Doughnut
                data={{ labels: exposure.labels, datasets: [{ data: exposure.values, backgroundColor: PALETTE }] }}
                options={{ plugins: { legend: { position: 'right' }, tooltip: { callbacks: { label: (ctx) => `${ctx.label}: ${ctx.parsed.toFixed(4)} ETH` } } }, maintainAspectRatio: false }}
              />
            </div>
            <table className="legend-table">
              <tbody>
                {exposure.shares.map((s) => (
                  <tr key={s.key}>
                    <th scope="row">{safeText(labelOf(s), 40)}</th>
                    <td>{formatEth(s.valueEth)}</td>
                    <td>{formatShare(s.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="card exit" aria-labelledby="exit-h">
        <h2 id="exit-h">{t('exitProfile')}</h2>
        <ul className="exit-list">
          {exits.map((b) => (
            <li key={b.label}>
              {b.label}: <strong>{formatShare(b.share)}</strong>
            </li>
          ))}
        </ul>
        <p className="muted">{t('exitInstant', { value: formatEth(metrics.exit.instantEth), share: formatShare(metrics.exit.instantShare) })}</p>
        <div className="chart chart-bar">
          <Bar
            data={{ labels: exits.map((b) => b.label), datasets: [{ label: t('exitProfile'), data: exits.map((b) => b.share * 100), backgroundColor: '#4e79a7' }] }}
            options={{ plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100 } }, maintainAspectRatio: false }}
          />
        </div>
      </section>
      <section className="card history" aria-labelledby="hist-h">
        <h2 id="hist-h">{t('history')}</h2>
        {history.length < 2 ? (
          <p>{t('historyEmpty')}</p>
        ) : (
          <div className="chart chart-line">
            <Line
              data={{
                labels: history.map((p) => new Date(p.t * 1000).toLocaleTimeString()),
                datasets: [
                  { label: t('historyValue'), data: history.map((p) => ethNumber(p.valueEth)), borderColor: '#4e79a7', yAxisID: 'y' },
                  { label: t('historyScore'), data: history.map((p) => p.riskScore), borderColor: '#e15759', yAxisID: 'y1' },
                ],
              }}
              options={{ maintainAspectRatio: false, scales: { y: { position: 'left' }, y1: { position: 'right', min: 0, max: 100 } } }}
            />
          </div>
        )}
      </section>
    </div>
  );
}
