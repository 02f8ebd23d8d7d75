import { formatDuration } from '../../shared/format';
import type { Problem, Progress } from '../../shared/ipc/contract';
import type { ChainSummary, RiskReport } from '../../shared/report';
import { chainName } from '../chain-name';
import { useApp } from '../app-context';
import type { CatalogKey } from '../i18n/catalog';
import { safeText } from '../display/safe-text';

const STATE_KEY = { pending: 'chainStatePending', reading: 'chainStateReading', done: 'chainStateDone', failed: 'chainStateFailed' } as const satisfies Record<Progress['chains'][number]['state'], CatalogKey>;

interface Props {
  readonly progress: Progress | null;
  readonly report: RiskReport | null;
  readonly staleSeconds: number;
  readonly problems: readonly Problem[];
  readonly paused: boolean;
}

function chainProblem(chain: ChainSummary): boolean {
  return chain.status !== 'ok';
}

/** Refresh progress per chain, stale or partial data, and the core's problems: on every view. */
export function StatusBanners({ progress, report, staleSeconds, problems, paused }: Props) {
  const { t, now } = useApp();
  const age = report === null ? null : Math.floor(now / 1000) - Number(report.generatedAt);
  return (
    <div className="banners">
      {progress?.running === true && (
        <div className="banner banner-progress" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {t('refreshing')}
          <ul className="chain-progress">
            {progress.chains.map((c) => (
              <li key={c.chainId} className={`chain-state chain-${c.state}`}>
                {c.state === 'reading' && c.scan !== undefined && c.scan.totalBlocks > 0
                  ? t('chainScanState', {
                      chain: chainName(c.chainId),
                      percent: Math.floor((c.scan.scannedBlocks * 100) / c.scan.totalBlocks),
                      scanned: c.scan.scannedBlocks.toLocaleString('en-US'),
                      total: c.scan.totalBlocks.toLocaleString('en-US'),
                    })
                  : t('chainState', { chain: chainName(c.chainId), state: t(STATE_KEY[c.state]) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {paused && <div className="banner banner-info" role="status">❚❚ {t('paused')}</div>}
      {age !== null && age > staleSeconds && (
        <div className="banner banner-stale" role="alert">
          <span aria-hidden="true">⚠</span> {t('staleBanner', { age: formatDuration(age) })}
        </div>
      )}
      {report?.chains.filter(chainProblem).map((c) => (
        <div key={c.chainId} className="banner banner-stale" role="alert">
          <span aria-hidden="true">⚠</span>{' '}
          {c.status === 'failed'
            ? t('failedChainBanner', { chain: chainName(c.chainId), error: safeText(c.failedReads[0]?.error ?? c.status, 200) })
            : t('partialBanner', { chain: chainName(c.chainId), status: `${c.failedReads.length} ✕` })}
        </div>
      ))}
      {progress?.running === false &&
        progress.chains
          .filter((c) => c.state === 'failed' && !(report?.chains.some((r) => r.chainId === c.chainId && r.status === 'failed') ?? false))
          .map((c) => (
            <div key={`p${c.chainId}`} className="banner banner-stale" role="alert">
              <span aria-hidden="true">⚠</span> {t('failedChainBanner', { chain: chainName(c.chainId), error: safeText(c.error ?? '', 200) })}
            </div>
          ))}
      {problems.map((p) => (
        <div key={p.code} className="banner banner-info" role="status">
          {t('problemBanner', { message: safeText(p.message, 300) })}
        </div>
      ))}
    </div>
  );
}
