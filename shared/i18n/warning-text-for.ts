import type { Warning } from '../report';
import type { WarningTextParts } from './warning-template';
import { warningText } from './warning-text';

/**
 * What to show for a warning in `lang`: its catalog message rendered in that language, or the
 * English strings it carries when it has no message (a report stored before messages existed) or
 * one this version cannot render.
 */
export function warningTextFor(warning: Warning, lang: string): WarningTextParts {
  const text = warning.message === undefined ? null : warningText(warning.message, lang);
  return text ?? { title: warning.title, explanation: warning.explanation, action: warning.action };
}
