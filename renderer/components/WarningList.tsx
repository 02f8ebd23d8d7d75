import { useState } from 'react';
import { warningTextFor } from '../../shared/i18n/warning-text-for';
import type { Warning } from '../../shared/report';
import { useApp } from '../app-context';
import { safeText } from '../display/safe-text';
import { SeverityBadge } from './SeverityBadge';

/**
 * Warnings rendered at first, and added by each "show more". A thousand full warning cards take
 * over a second to render in Chromium (docs/benchmarks.md, "Warning flood"); a hundred take a tenth
 * of that, and the most severe come first anyway.
 */
export const WARNING_PAGE_SIZE = 100;

interface Props {
  readonly warnings: readonly Warning[];
  readonly mutedKinds: readonly string[];
  readonly onToggleMute: (kind: string, muted: boolean) => void;
  /** A warning that must be shown (a clicked notification), however far down the list. */
  readonly focusId: string | null;
  /** Prefix for element ids (useId of the view). */
  readonly idPrefix: string;
}

function show(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? String(Number(value.toPrecision(6))) : safeText(value, 80);
}

/** The warning cards, the first WARNING_PAGE_SIZE of them, then a button for the next ones. */
export function WarningList({ warnings, mutedKinds, onToggleMute, focusId, idPrefix }: Props) {
  const { t, language } = useApp();
  const [limit, setLimit] = useState(WARNING_PAGE_SIZE);
  const focusIndex = focusId === null ? -1 : warnings.findIndex((w) => w.id === focusId);
  const visible = warnings.slice(0, Math.max(limit, focusIndex + 1));
  const hidden = warnings.length - visible.length;
  return (
    <>
      <ul className="warning-list">
        {visible.map((w) => {
          const muted = mutedKinds.includes(w.kind);
          const text = warningTextFor(w, language);
          return (
            <li key={w.id} className={`card warning warning-${w.severity}${focusId === w.id ? ' focused' : ''}`} aria-labelledby={`${idPrefix}-${w.id}`}>
              <h3 id={`${idPrefix}-${w.id}`}>
                <SeverityBadge severity={w.severity} /> {safeText(text.title, 160)}
              </h3>
              <p className="muted small">
                {safeText(w.kind, 40)} · {safeText(w.subject, 60)}
                {muted && <> · ✕ {t('mutedKind')}</>}
              </p>
              <dl>
                <dt>{t('explanation')}</dt>
                <dd>{safeText(text.explanation, 1000)}</dd>
                <dt>{t('measured')}</dt>
                <dd>{show(w.value)}</dd>
                <dt>{t('threshold')}</dt>
                <dd>{show(w.threshold)}</dd>
                <dt>{t('whatToDo')}</dt>
                <dd>{safeText(text.action, 1000)}</dd>
              </dl>
              <button type="button" onClick={() => onToggleMute(w.kind, !muted)}>
                {muted ? t('unmuteKind') : t('muteKind')}
              </button>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <div className="card show-more">
          <p className="muted" role="status">
            {t('warningsShownOf', { shown: visible.length, total: warnings.length })}
          </p>
          <button type="button" onClick={() => setLimit(visible.length + WARNING_PAGE_SIZE)}>
            {t('showMoreWarnings', { count: Math.min(hidden, WARNING_PAGE_SIZE) })}
          </button>
        </div>
      )}
    </>
  );
}
