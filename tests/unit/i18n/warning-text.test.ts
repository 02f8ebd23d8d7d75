// Warning text comes from one catalog (issue 7): every message the engine emits renders in English
// exactly as the warning's own strings and in simplified Chinese, with every parameter filled in;
// an unknown language falls back to English and a message from another version to nothing.
import { describe, expect, it } from 'vitest';
import { WARNING_PARAMS, isWarningKey, type WarningKey } from '../../../shared/i18n/warning-params';
import { warningText } from '../../../shared/i18n/warning-text';
import { warningTextFor } from '../../../shared/i18n/warning-text-for';
import type { Warning, WarningMessage } from '../../../shared/report';
import { scenarioWarnings } from './warning-scenarios';

const warnings = scenarioWarnings();
const ALL_KEYS: WarningKey[] = Object.keys(WARNING_PARAMS).filter(isWarningKey).sort();
const LANGS = ['en', 'zh-CN'] as const;
const HAN = /\p{Script=Han}/u;
/** Signs of a parameter missing or badly formatted in a rendered text. */
const BROKEN = /undefined|NaN|null|\[object|[{}]|Infinity/;

const messageOf = (w: Warning): WarningMessage => {
  if (w.message === undefined) throw new Error(`${w.id} has no message`);
  return w.message;
};
const render = (m: WarningMessage, lang: string) => {
  const text = warningText(m, lang);
  if (text === null) throw new Error(`${m.key} did not render in ${lang}`);
  return text;
};

/** Parameters for a key from its table: every optional one present (`all`) or none of them. */
function sampleParams(key: WarningKey, all: boolean): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, type] of Object.entries(WARNING_PARAMS[key])) {
    if (type.endsWith('?') && !all) continue;
    out[name] = type.startsWith('number') ? 3 : `s-${name}`;
  }
  return out;
}

describe('warning messages from the engine', () => {
  it('the scenarios raise every key of the catalog, and every warning carries a known message', () => {
    const keys = new Set(warnings.map((w) => messageOf(w).key));
    expect([...keys].sort()).toEqual(ALL_KEYS);
    for (const w of warnings) expect(isWarningKey(messageOf(w).key)).toBe(true);
  });

  it.each(warnings.map((w) => [w.id, w] as const))('%s: English is the warning\'s own text, Chinese is complete and different', (_id, w) => {
    const m = messageOf(w);
    expect(render(m, 'en')).toEqual({ title: w.title, explanation: w.explanation, action: w.action });
    const zh = render(m, 'zh-CN');
    for (const part of ['title', 'explanation', 'action'] as const) {
      expect(zh[part]).not.toMatch(BROKEN);
      expect(zh[part]).toMatch(HAN);
      expect(zh[part]).not.toBe(w[part]);
      expect(w[part]).not.toMatch(BROKEN);
    }
    // Every value the message carries shows up in both languages (numbers may be formatted).
    for (const value of Object.values(m.params)) {
      if (typeof value !== 'string') continue;
      const en = render(m, 'en');
      const inEn = `${en.title} ${en.explanation} ${en.action}`.includes(value);
      const inZh = `${zh.title} ${zh.explanation} ${zh.action}`.includes(value);
      expect(inZh).toBe(inEn);
    }
  });

  it('keeps the English wording of today', () => {
    const byId = new Map(warnings.map((w) => [w.id, w]));
    expect(byId.get('depeg:weETH@1')?.title).toBe('weETH trades 3.00% below its NAV');
    expect(byId.get('depeg:weETH@1')?.action).toBe('Avoid selling at the discount if you can wait: redeem at NAV through ether.fi\'s withdrawal queue (about 5.0 days). '
      + 'Check the protocol\'s announcements, and if you use it as collateral, check how far it can fall before liquidation.');
    expect(byId.get('nav-drop:ezETH@1')?.explanation).toBe('The protocol\'s own value of one ezETH fell from 1 ETH to 0.99 ETH since the last refresh. '
      + 'A restaking token\'s NAV normally only rises with rewards; a fall means the protocol lost ETH (a slashing, a loss in a strategy, or an accounting change).');
    expect(byId.get('stale-data:8453')?.title).toBe('Base could not be read');
    const notHeld = warnings.filter((w) => w.kind === 'failed-reads' && w.severity === 'info').map((w) => [w.title, w.explanation]);
    expect(notHeld).toEqual([
      ['1 read failed on Arbitrum One (tokens you do not hold)', 'These reads failed: token.paused:rsETH@1. None of your positions depends on them.'],
      ['6 reads failed on Ethereum (tokens you do not hold)', 'These reads failed: token.navRate:a@1, token.navRate:b@1, token.navRate:c@1, token.navRate:d@1, token.navRate:e@1, and 1 more. None of your positions depends on them.'],
    ]);
    expect(warnings.filter((w) => w.id === 'failed-reads:1' && w.severity === 'warning').map((w) => w.explanation)).toContain('These reads failed: weETH@1 of 0x0000…00a1, navRate:a@1, navRate:b@1, navRate:c@1, navRate:d@1, and 3 more. '
      + 'Positions that depend on them keep their last known figures (or are marked incomplete); they are never counted as zero.');
    expect(byId.get('redemption-overdue:r3')?.explanation).toBe('The request has waited 9.06 days, against 7.06 days documented (no on-chain getter); '
      + 'a queue that stops processing is where the money sits in a crisis.');
  });
});

describe('every key of the catalog', () => {
  it.each(ALL_KEYS.flatMap((key) => [true, false].flatMap((all) => LANGS.map((lang) => [key, all, lang] as const))))(
    '%s (optional parameters: %s) in %s renders every part',
    (key, all, lang) => {
      const text = render({ key, params: sampleParams(key, all) }, lang);
      for (const part of [text.title, text.explanation, text.action]) {
        expect(part.length).toBeGreaterThan(5);
        expect(part).not.toMatch(BROKEN);
        if (lang === 'zh-CN') expect(part).toMatch(HAN);
      }
    },
  );

  it.each(ALL_KEYS.flatMap((key) => Object.keys(WARNING_PARAMS[key]).map((name) => [key, name] as const)))(
    '%s: Chinese shows parameter %s wherever English does',
    (key, name) => {
      const base = sampleParams(key, true);
      const changed = { ...base, [name]: typeof base[name] === 'number' ? 5 : 'other' };
      const joined = (params: Record<string, string | number>, lang: string) => Object.values(render({ key, params }, lang)).join('\n');
      const inEn = joined(base, 'en') !== joined(changed, 'en');
      const inZh = joined(base, 'zh-CN') !== joined(changed, 'zh-CN');
      expect(inZh).toBe(inEn);
    },
  );
});

describe('fallbacks', () => {
  const found = warnings.find((w) => w.kind === 'depeg');
  if (!found) throw new Error('no depeg warning in the scenarios');
  const depeg = found;

  it('renders English for a language without a catalog', () => {
    const m = messageOf(depeg);
    expect(render(m, 'fr')).toEqual(render(m, 'en'));
    expect(render(m, 'zh-TW')).toEqual(render(m, 'en'));
  });

  it('renders nothing for an unknown key or parameters that do not match the key', () => {
    const m = messageOf(depeg);
    expect(warningText({ key: 'no-such-warning', params: {} }, 'zh-CN')).toBeNull();
    expect(warningText({ key: 'toString', params: {} }, 'en')).toBeNull();
    const { symbol: _symbol, ...missing } = m.params;
    expect(warningText({ key: m.key, params: missing }, 'zh-CN')).toBeNull();
    expect(warningText({ key: m.key, params: { ...m.params, discount: 'a lot' } }, 'zh-CN')).toBeNull();
    expect(warningText({ key: m.key, params: { ...m.params, extra: 1 } }, 'zh-CN')).toBeNull();
  });

  it('shows a warning\'s stored strings when its message is absent or cannot be rendered', () => {
    const { message: _message, ...stored } = depeg;
    const own = { title: depeg.title, explanation: depeg.explanation, action: depeg.action };
    expect(warningTextFor(stored, 'zh-CN')).toEqual(own);
    expect(warningTextFor({ ...depeg, message: { key: 'from-a-newer-version', params: {} } }, 'zh-CN')).toEqual(own);
    expect(warningTextFor(depeg, 'zh-CN').title).toBe('weETH 市价较净值折价 2.00%');
  });
});
