import { useId, useState } from 'react';
import { SEVERITIES, type RiskReport, type Severity } from '../../shared/report';
import { useApp } from '../app-context';
import { SEVERITY_KEY, SeverityBadge } from '../components/SeverityBadge';
import { safeText } from '../display/safe-text';

interface Props {
  readonly report: RiskReport;
  readonly mutedKinds: readonly string[];
  readonly onMuted: (kinds: readonly string[]) => void;
  /** A warning to scroll to (a clicked notification). */
  readonly focusId?: string | null;
}

function show(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? String(Number(value.toPrecision(6))) : safeText(value, 80);
}

export function WarningsView({ report, mutedKinds, onMuted, focusId = null }: Props) {
  const { api, t } = useApp();
  const id = useId();
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [kind, setKind] = useState<string>('all');
  const [error, setError] = useState<string | null>(null);
  const kinds = [...new Set(report.warnings.map((w) => w.kind))].sort();
  const shown = report.warnings.filter((w) => (severity === 'all' || w.severity === severity) && (kind === 'all' || w.kind === kind));

  async function toggleMute(k: string, muted: boolean): Promise<void> {
    const result = await api.muteKind({ kind: k, muted });
    if (result.ok) {
      setError(null);
      onMuted(result.value.notifications.mutedKinds);
    } else setError(t('saveFailed', { message: safeText(result.error.message, 300) }));
  }

  if (report.warnings.length === 0) return <p className="card">{t('noWarnings')}</p>;
  return (
    <div className="warnings">
      <div className="filters card">
        <label htmlFor={`${id}-sev`}>{t('filterSeverity')}</label>
        <select id={`${id}-sev`} value={severity} onChange={(e) => setSeverity(SEVERITIES.find((s) => s === e.target.value) ?? 'all')}>
          <option value="all">{t('filterAll')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(SEVERITY_KEY[s])}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-kind`}>{t('filterKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="all">{t('filterAll')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {safeText(k, 40)}
            </option>
          ))}
        </select>
      </div>
      {error !== null && (
        <p className="field-error" role="alert">
          ✕ {error}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="card">{t('warningsFiltered')}</p>
      ) : (
        <ul className="warning-list">
          {shown.map((w) => {
            const muted = mutedKinds.includes(w.kind);
            return (
              <li key={w.id} className={`card warning warning-${w.severity}${focusId === w.id ? ' focused' : ''}`} aria-labelledby={`${id}-${w.id}`}>
                <h3 id={`${id}-${w.id}`}>
                  <SeverityBadge severity={w.severity} /> {safeText(w.title, 160)}
                </h3>
                <p className="muted small">
                  {safeText(w.kind, 40)} · {safeText(w.subject, 60)}
                  {muted && <> · ✕ {t('mutedKind')}</>}
                </p>
                <dl>
                  <dt>{t('explanation')}</dt>
                  <dd>{safeText(w.explanation, 1000)}</dd>
                  <dt>{t('measured')}</dt>
                  <dd>{show(w.value)}</dd>
                  <dt>{t('threshold')}</dt>
                  <dd>{show(w.threshold)}</dd>
                  <dt>{t('whatToDo')}</dt>
                  <dd>{safeText(w.action, 1000)}</dd>
                </dl>
                <button type="button" onClick={() => void toggleMute(w.kind, !muted)}>
                  {muted ? t('unmuteKind') : t('muteKind')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
