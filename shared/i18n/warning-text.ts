import type { WarningMessage } from '../report';
import { isLanguage, type Language } from '../settings/settings';
import { hasWarningParams, isWarningKey } from './warning-params';
import type { TypedWarningMessage, WarningKey, WarningParams } from './warning-params';
import type { WarningTemplate, WarningTemplates, WarningTextParts } from './warning-template';
import { warningTemplatesEn } from './warning-templates-en';
import { warningTemplatesZhCn } from './warning-templates-zh-cn';

const CATALOGS: Readonly<Record<Language, WarningTemplates>> = { 'en': warningTemplatesEn, 'zh-CN': warningTemplatesZhCn };


function render<K extends WarningKey>(templates: WarningTemplates, key: K, params: WarningParams<K>): WarningTextParts {
  const template: WarningTemplate<K> = templates[key];
  return { title: template.title(params), explanation: template.explanation(params), action: template.action(params) };
}

/** The text of a message built with `warningMessage` (its parameters already match its key), in a language with a catalog. */
export function renderWarningText<K extends WarningKey>(message: TypedWarningMessage<K>, lang: Language): WarningTextParts {
  return render(CATALOGS[lang], message.key, message.params);
}

/**
 * A warning's title, explanation and action in `lang` (English for a language without a catalog).
 * Null when the key is unknown or its parameters do not match it (a report from another version):
 * the caller then shows the warning's stored English strings.
 */
export function warningText(message: WarningMessage, lang: string): WarningTextParts | null {
  if (!isWarningKey(message.key)) return null;
  const templates = isLanguage(lang) ? CATALOGS[lang] : warningTemplatesEn;
  const { key, params } = message;
  return hasWarningParams(key, params) ? render(templates, key, params) : null;
}
