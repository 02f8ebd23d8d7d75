// Warnings in the user's language (issue 7): with simplified Chinese selected, the warning list, the
// overview's top warnings and the positions table render a warning's catalog message in Chinese;
// a warning without a message keeps its stored English; names from chain stay plain text.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warningMessage } from '../../shared/i18n/warning-params';
import { renderWarningText } from '../../shared/i18n/warning-text';
import type { Warning } from '../../shared/report';
import { defaultSettings, type Language } from '../../shared/settings/settings';
import { concentrationWarning, depegWarning, fixtureReport, fixtureState } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

const HOSTILE = '<img src=x onerror="window.pwnedByWarning=1">ezETH';

/** The fixture's depeg warning as the engine builds it: English strings plus the message they come from. */
function engineDepeg(symbol: string): Warning {
  const message = warningMessage('depeg', { symbol, discount: 0.04, marketEth: '0.9984', navEth: '1.04', protocol: 'Renzo', exitDays: 7 });
  return { ...depegWarning, ...renderWarningText(message, 'en'), message };
}

async function show(language: Language, tab: 'warnings' | 'overview' | 'positions', depeg: Warning = engineDepeg('ezETH')) {
  const report = fixtureReport({ warnings: [depeg, concentrationWarning] });
  await renderApp(createMockApi(fixtureState({}, report, { ...defaultSettings, language })), tab);
}

const card = (id: string): HTMLElement => {
  const li = [...document.querySelectorAll<HTMLElement>('li.warning')].find((el) => el.getAttribute('aria-labelledby')?.endsWith(`-${id}`));
  if (li === undefined) throw new Error(`no card for ${id}`);
  return li;
};

describe('warning text in the user\'s language', () => {
  it('shows the warning card in Chinese when the language is zh-CN', async () => {
    await show('zh-CN', 'warnings');
    const li = card(depegWarning.id);
    expect(li.querySelector('h3')?.textContent).toContain('ezETH 市价较净值折价 4.00%');
    const [why, , , todo] = [...li.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(why).toBe('市场上一枚 ezETH 的价格为 0.9984 ETH，而协议对其估值为 1.04 ETH（净值）。现在卖出会损失其中的差价；折价不断扩大，往往是市场开始怀疑该协议的第一个信号。');
    expect(todo).toContain('通过 Renzo 的提款队列按净值赎回（约 7.0 天）');
    expect(li.textContent).not.toContain('below its NAV');
  });

  it('shows the same card in English when the language is en', async () => {
    await show('en', 'warnings');
    const li = card(depegWarning.id);
    expect(li.querySelector('h3')?.textContent).toContain('ezETH trades 4.00% below its NAV');
    expect(li.textContent).toContain('redeem at NAV through Renzo\'s withdrawal queue (about 7.0 days)');
    expect(li.textContent).not.toMatch(/\p{Script=Han}/u);
  });

  it('keeps the stored English of a warning that has no message', async () => {
    await show('zh-CN', 'warnings');
    expect(card(concentrationWarning.id).querySelector('h3')?.textContent).toContain(concentrationWarning.title);
  });

  it('shows the top warnings of the overview in Chinese', async () => {
    await show('zh-CN', 'overview');
    const top = await screen.findByRole('heading', { name: '最严重的警告' });
    expect(top.closest('section')?.textContent).toContain('ezETH 市价较净值折价 4.00%');
  });

  it('shows a position\'s warnings in Chinese', async () => {
    await show('zh-CN', 'positions');
    expect(document.querySelector('.positions')?.textContent).toContain('ezETH 市价较净值折价 4.00%');
  });

  it('renders a hostile symbol from chain as text inside the Chinese text', async () => {
    await show('zh-CN', 'warnings', engineDepeg(HOSTILE));
    const li = card(depegWarning.id);
    expect(li.querySelector('h3')?.textContent).toContain(`${HOSTILE} 市价较净值折价 4.00%`);
    expect(document.querySelector('img')).toBeNull();
    expect(Reflect.get(window, 'pwnedByWarning')).toBeUndefined();
  });
});
