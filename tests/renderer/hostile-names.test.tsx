// Every view, chart and notification of the renderer fed a report whose every name is hostile
// (markup, script, bidi overrides, zero-width and control characters, 20,000-character strings):
// nothing is injected, nothing reorders or hides text, nothing overflows, and chart.js receives
// the cleaned labels.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WsNotification } from '../../shared/ipc/ws-protocol';
import type { Tab } from '../../renderer/App';
import { encodeBigints } from '../../shared/ipc/codec';
import { HOSTILE_NAMES, hostileReport, LONG_NAME, MARKUP_NAMES, PWNED_FLAG, UNSAFE_CHARACTER } from '../support/hostile-strings';
import { fixtureReport, fixtureState, wallets } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

interface ChartCall {
  readonly kind: string;
  readonly labels: readonly unknown[];
  readonly datasetLabels: readonly unknown[];
  readonly tooltip: ((ctx: { label: unknown; parsed: unknown }) => unknown) | null;
}

const charts = vi.hoisted(() => ({ calls: [] as ChartCall[] }));

// jsdom has no canvas: record what each chart would be handed, label by label.
vi.mock('react-chartjs-2', () => {
  const stub = (kind: string) =>
    function Chart(props: {
      data: { labels?: readonly unknown[]; datasets: readonly { label?: unknown }[] };
      options?: { plugins?: { tooltip?: { callbacks?: { label?: (ctx: { label: unknown; parsed: unknown }) => unknown } } } };
    }) {
      charts.calls.push({
        kind,
        labels: props.data.labels ?? [],
        datasetLabels: props.data.datasets.map((d) => d.label),
        tooltip: props.options?.plugins?.tooltip?.callbacks?.label ?? null,
      });
      return <figure data-testid={`chart-${kind}`} />;
    };
  return { Doughnut: stub('doughnut'), Bar: stub('bar'), Line: stub('line') };
});

const hostileWallets = wallets.map((w, i) => ({ ...w, label: i === 0 ? (MARKUP_NAMES[0] ?? '') : '', ensName: `${MARKUP_NAMES[1] ?? ''}\u202E.eth` }));

function hostileMock() {
  const report = hostileReport(fixtureReport());
  return createMockApi(fixtureState({ wallets: hostileWallets, history: [] }, report));
}

/** Every text node and every attribute value under `root`. */
function shownStrings(root: Element): { texts: string[]; attributes: string[] } {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
  const attributes = [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
  return { texts, attributes };
}

function expectInert(root: Element): void {
  expect(root.querySelectorAll('img, script, svg, iframe, object, embed, a[href^="javascript"]')).toHaveLength(0);
  expect(Reflect.get(window, PWNED_FLAG)).toBeUndefined();
  const { texts, attributes } = shownStrings(root);
  for (const value of [...texts, ...attributes]) {
    expect(UNSAFE_CHARACTER.test(value), JSON.stringify(value.slice(0, 80))).toBe(false);
    // The longest free text shown is an explanation (1000 characters); nothing carries 20,000.
    expect(value.length).toBeLessThanOrEqual(1000);
  }
}

beforeEach(() => {
  charts.calls.length = 0;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Role queries over a whole app are slow in jsdom when other suites share the two cores.
describe('hostile names in the renderer', { timeout: 20_000 }, () => {
  const tabs: Tab[] = ['overview', 'positions', 'withdrawals', 'warnings', 'wallets'];
  for (const tab of tabs) {
    it(`${tab}: shows every hostile name as inert, clean, bounded text`, async () => {
      const { container } = await renderApp(hostileMock(), tab);
      await screen.findByRole('tabpanel');
      if (tab === 'positions') {
        // Open every look-through too (operators, AVSs).
        for (const button of screen.queryAllByRole('button', { expanded: false })) fireEvent.click(button);
      }
      expectInert(container);
      // The markup is shown as the text it is, not dropped: the user sees what the chain says.
      expect(container.textContent).toMatch(/<(img|script|svg|iframe)[ /]/);
    });
  }

  it('warnings: each hostile title is visible as plain text, with bidi and zero-width marks removed', async () => {
    const base = fixtureReport();
    const template = base.warnings[0];
    if (template === undefined) throw new Error('the fixture has warnings');
    const warnings = HOSTILE_NAMES.map((title, i) => ({ ...template, id: `w${i}`, title }));
    const { container } = await renderApp(createMockApi(fixtureState({}, { ...base, warnings })), 'warnings');
    expectInert(container);
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');
    expect(titles).toHaveLength(HOSTILE_NAMES.length);
    expect(titles[0]).toContain(`<img src=x onerror="window.${PWNED_FLAG}='img'">weETH`);
    expect(titles[1]).toContain(`<script>window.${PWNED_FLAG}='script'</script>ezETH`);
    expect(titles[4]).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(titles[5]).toMatch(/gnpexe\. Operator$/);
    expect(titles[6]).toMatch(/weETHisolate$/);
    expect(titles[7]).toMatch(/softhyphen tag annotxy wordjoiner$/);
    expect(titles[8]).toMatch(/bell {2}esc \[31mred \[0m cr lf {2}tab {2}nul {2}del {2}c1 {2}ls ps $/);
    // 160 characters at most, the last an ellipsis.
    expect(titles[9]).toMatch(/Lo{158}…$/);
  });

  it('hands chart.js only cleaned, short labels, and its tooltips build from them', async () => {
    await renderApp(hostileMock(), 'overview');
    // Every exposure dimension, so every doughnut label set is seen.
    for (const radio of screen.getAllByRole('radio')) fireEvent.click(radio);
    const doughnuts = charts.calls.filter((c) => c.kind === 'doughnut');
    expect(doughnuts.length).toBeGreaterThan(0);
    const labels = charts.calls.flatMap((c) => [...c.labels, ...c.datasetLabels]).filter((l) => l !== undefined);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(typeof label).toBe('string');
      const text = String(label);
      expect(UNSAFE_CHARACTER.test(text), JSON.stringify(text)).toBe(false);
      expect(Array.from(text).length).toBeLessThanOrEqual(28);
    }
    // The hostile protocol names reached the doughnut (cleaned), so this is not vacuous.
    expect(doughnuts.flatMap((c) => c.labels).some((l) => String(l).startsWith('<'))).toBe(true);
    for (const call of doughnuts) {
      if (call.tooltip === null) continue;
      for (const label of call.labels) {
        const text = String(call.tooltip({ label, parsed: 1.5 }));
        expect(UNSAFE_CHARACTER.test(text)).toBe(false);
        expect(text.length).toBeLessThanOrEqual(60);
      }
    }
  });

  it('a pushed report with hostile names replaces a clean one without injecting anything', async () => {
    const mock = createMockApi();
    const { container } = await renderApp(mock, 'warnings');
    act(() => mock.emitReport(encodeBigints(hostileReport(fixtureReport()))));
    await screen.findAllByText(/<script>window.__pwned/);
    expectInert(container);
  });

  it('browser notifications carry the cleaned, capped text of a hostile push', async () => {
    const shown: { title: string; body: string }[] = [];
    class FakeNotification extends EventTarget {
      static permission = 'granted';
      constructor(title: string, options: NotificationOptions = {}) {
        super();
        shown.push({ title, body: options.body ?? '' });
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    let push: ((n: WsNotification) => void) | null = null;
    await renderApp(createMockApi(), 'overview', {
      onNotification: (listener) => {
        push = listener;
        return () => undefined;
      },
    });
    for (const name of HOSTILE_NAMES) act(() => push?.({ title: name, body: `${name} ${LONG_NAME}`, severity: 'critical', warningId: name }));
    expect(shown).toHaveLength(HOSTILE_NAMES.length);
    for (const n of shown) {
      expect(UNSAFE_CHARACTER.test(n.title + n.body), JSON.stringify(n.title)).toBe(false);
      expect(Array.from(n.title).length).toBeLessThanOrEqual(120);
      expect(Array.from(n.body).length).toBeLessThanOrEqual(400);
    }
  });
});
