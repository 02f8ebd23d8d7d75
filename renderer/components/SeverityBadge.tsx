import type { Severity } from '../../shared/report';
import { useApp } from '../app-context';
import type { CatalogKey } from '../i18n/catalog';

const ICON = { info: 'ℹ', warning: '⚠', critical: '✖' } as const satisfies Record<Severity, string>;
export const SEVERITY_KEY = { info: 'sevInfo', warning: 'sevWarning', critical: 'sevCritical' } as const satisfies Record<Severity, CatalogKey>;

/** Severity as icon + word (never colour alone). */
export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  const { t } = useApp();
  return (
    <span className={`severity severity-${severity}`}>
      <span aria-hidden="true">{ICON[severity]}</span> {t(SEVERITY_KEY[severity])}
    </span>
  );
}
