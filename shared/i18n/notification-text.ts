/**
 * The words notifications add around warning text (shared/notify/diff-reports.ts): the prefix of
 * an escalation or resolution, and the summary of many changes at once, in each catalog language.
 */
import type { Severity } from '../report';
import { isLanguage, type Language } from '../settings/settings';

export interface NotificationWords {
  readonly worse: string;
  readonly resolved: string;
  /** Title of a summary: `open` warnings need attention. */
  readonly needAttention: (open: number) => string;
  readonly critical: (n: number) => string;
  readonly resolvedCount: (n: number) => string;
  /** Separator between the summary title's parts. */
  readonly separator: string;
  /** The bracketed tag of a summary line. */
  readonly tag: (tag: Severity | 'resolved') => string;
  readonly more: (n: number) => string;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const EN: NotificationWords = {
  worse: 'Worse: ',
  resolved: 'Resolved: ',
  needAttention: (n) => `${n} risk warning${plural(n, '', 's')} need${plural(n, 's', '')} attention`,
  critical: (n) => `${n} critical`,
  resolvedCount: (n) => `${n} resolved`,
  separator: ', ',
  tag: (tag) => tag,
  more: (n) => `…and ${n} more`,
};

const ZH_TAGS: Readonly<Record<Severity | 'resolved', string>> = { info: '提示', warning: '警告', critical: '严重', resolved: '已解除' };

const ZH_CN: NotificationWords = {
  worse: '恶化：',
  resolved: '已解除：',
  needAttention: (n) => `${n} 条风险警告需要关注`,
  critical: (n) => `${n} 条严重`,
  resolvedCount: (n) => `${n} 条已解除`,
  separator: '，',
  tag: (tag) => ZH_TAGS[tag],
  more: (n) => `……另有 ${n} 条`,
};

const WORDS: Readonly<Record<Language, NotificationWords>> = { 'en': EN, 'zh-CN': ZH_CN };

/** The words for `lang`, English for a language without a catalog. */
export function notificationWords(lang: string): NotificationWords {
  return isLanguage(lang) ? WORDS[lang] : EN;
}
