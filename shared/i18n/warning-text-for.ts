import type { Warning } from '../report';
import type { WarningTextParts } from './warning-template';
import { warningText } from './warning-text';

/**
 * What to show for a warning in `lang`: its catalog message rendered in that language, or the
 * English strings it carries when it has no message (a report stored before messages existed) or
 * one this version cannot render.
 */
export function warningTextFor(warning: Warning, lang: string): WarningTextParts {
  // The engine renders its English from the same catalog: no need to render it again.
  const text = warning.message === undefined || lang === 'en' ? null : warningText(warning.message, lang);
  return text ?? { title: warning.title, explanation: warning.explanation, action: warning.action };
}
