import { useId, useState } from 'react';
import { SEVERITIES, type RiskReport, type Severity } from '../../shared/report';
import { useApp } from '../app-context';
import { SEVERITY_KEY } from '../components/SeverityBadge';
import { WarningList } from '../components/WarningList';
import { safeText } from '../display/safe-text';

interface Props {
  readonly report: RiskReport;
  readonly mutedKinds: readonly string[];
  readonly onMuted: (kinds: readonly string[]) => void;
  /** A warning to scroll to (a clicked notification). */
  readonly focusId?: string | null;
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
        <WarningList
          key={`${severity}|${kind}`}
          warnings={shown}
          mutedKinds={mutedKinds}
          onToggleMute={(k, muted) => void toggleMute(k, muted)}
          focusId={focusId}
          idPrefix={id}
        />
      )}
    </div>
  );
}
