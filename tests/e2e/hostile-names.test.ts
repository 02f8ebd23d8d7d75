/**
 * End-to-end, in real Chromium: hostile names (markup, script, bidi overrides, zero-width and
 * control characters, 20,000-character strings) are inert in every view, in the page title and in
 * browser notifications.
 *
 * 1. A report whose every name is hostile, through the real monitor, notification diff and web host
 *    (the chain replaced by the report: no simulated chain can name tokens and AVSs freely, since
 *    those names come from the registry, not from `name()`/`symbol()`).
 * 2. The real web app on the simulated world, behind an RPC endpoint that turns hostile (answers
 *    500 with markup in its body, which the app shows in the failed-chain banner), with wallets
 *    whose labels and ENS names are hostile (what a planted settings file could hold); and a
 *    hostile name typed into the wallet form.
 *
 * Each page records whether any payload ran (`window.__pwned`) and every CSP violation (a blocked
 * injection still counts as an injection).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../../node/web/start-web-app';
import { startDemoWorld, type DemoWorld } from '../../world/demo-world';
import { fixtureReport, wallets as fixtureWallets } from '../renderer/fixture-report';
import { HOSTILE_NAMES, hostileReport, INVISIBLE_NAMES, MARKUP_NAMES, PWNED_FLAG, UNSAFE_CHARACTER } from '../support/hostile-strings';
import { buildRenderer } from './support/build-renderer';
import { launchChromium } from './support/launch-chromium';
import { recordNotificationsScript } from './support/record-notifications';
import { startStubWebApp, type StubWebApp } from './support/start-stub-web-app';

const repoRoot = resolve(import.meta.dirname, '../..');
const VIEWPORT = { width: 1280, height: 800 } as const;
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const TABS = ['overview', 'wallets', 'positions', 'withdrawals', 'warnings', 'settings'] as const;

/** Records CSP violations (a blocked injection is still an injection). */
const recordViolationsScript = `
(() => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective + ' ' + e.blockedURI));
})();
`;

/** A label of at most 100 characters (the store's limit) built from hostile names. */
const hostileLabel = (i: number): string => Array.from(`${MARKUP_NAMES[i % MARKUP_NAMES.length] ?? ''}${INVISIBLE_NAMES[i % INVISIBLE_NAMES.length] ?? ''}`).slice(0, 100).join('');
const hostileEns = (i: number): string => `${INVISIBLE_NAMES[i % INVISIBLE_NAMES.length] ?? ''}${MARKUP_NAMES[(i + 1) % MARKUP_NAMES.length] ?? ''}.eth`;

/** What the page shows, checked in the page: injected elements, payload flag, violations, unsafe or overlong text. */
interface PageAudit {
  readonly injected: string[];
  readonly pwned: unknown;
  readonly violations: string[];
  readonly unsafe: string[];
  readonly longest: number;
  readonly title: string;
  readonly text: string;
}

async function audit(page: Page): Promise<PageAudit> {
  return page.evaluate((flag) => {
    const unsafeChar = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
    const injected = [...document.querySelectorAll('img, svg, iframe, object, embed, script:not([src]), a[href^="javascript"], link:not([rel="stylesheet"]):not([rel="modulepreload"])')].map((el) => el.outerHTML.slice(0, 80));
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) if (attr.name.startsWith('on')) injected.push(`${el.tagName} ${attr.name}`);
    }
    const root = document.getElementById('root');
    const strings: string[] = [];
    if (root !== null) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) strings.push(node.nodeValue ?? '');
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          // A text field holds what the user typed, as typed: that is its job, not a display.
          if (attr.name === 'value' && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) continue;
          strings.push(attr.value);
        }
      }
    }
    return {
      injected,
      pwned: Reflect.get(window, flag),
      // Every CSP violation counts (the renderer runs zod jitless, so not even its eval probe reports one).
      violations: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      unsafe: strings.filter((s) => unsafeChar.test(s)).map((s) => JSON.stringify(s.slice(0, 60))),
      longest: Math.max(0, ...strings.map((s) => s.length)),
      title: document.title,
      text: root?.textContent ?? '',
    };
  }, PWNED_FLAG);
}

function expectInert(result: PageAudit, where: string): void {
  expect(result.injected, where).toEqual([]);
  expect(result.pwned, where).toBeUndefined();
  expect(result.violations, where).toEqual([]);
  expect(result.unsafe, where).toEqual([]);
  expect(result.longest, where).toBeLessThanOrEqual(1000);
  expect(result.title, where).toBe('Matryoshka');
}

async function visitEveryTab(page: Page, label: string): Promise<string> {
  let text = '';
  for (const tab of TABS) {
    await page.locator(`#tab-${tab}`).click();
    await page.locator(`#panel-${tab}`).waitFor();
    if (tab === 'positions') {
      const closed = page.locator('button.expander[aria-expanded="false"]');
      for (let i = 0; i < 50 && (await closed.count()) > 0; i += 1) await closed.first().click();
    }
    if (tab === 'overview') {
      // Every exposure dimension: the doughnut and its legend table redraw with other names.
      for (const radio of await page.getByRole('radio').all()) await radio.check();
    }
    // Hover a chart so chart.js draws a tooltip from its labels.
    const canvas = page.locator('canvas').first();
    if ((await canvas.count()) > 0) await canvas.hover({ position: { x: 60, y: 60 } });
    const result = await audit(page);
    expectInert(result, `${label}: ${tab}`);
    text += result.text;
  }
  return text;
}

let tmp = '';
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matryoshka-hostile-e2e-'));
  buildRenderer(repoRoot, join(tmp, 'renderer'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

async function newPage(origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  await context.grantPermissions(['notifications'], { origin });
  await context.addInitScript(recordNotificationsScript);
  await context.addInitScript(recordViolationsScript);
  return context.newPage();
}

async function shownNotifications(page: Page): Promise<{ title: string; body: string }[]> {
  return page.evaluate(() => (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications);
}

describe('a report whose every name is hostile', () => {
  let app: StubWebApp;
  let page: Page;

  beforeAll(async () => {
    app = await startStubWebApp({
      dataDir: join(tmp, 'stub'),
      rendererDir: join(tmp, 'renderer'),
      wallets: fixtureWallets.map((w, i) => ({ address: w.address, label: hostileLabel(i), ensName: hostileEns(i), chains: w.chains })),
      initial: fixtureReport({ warnings: [] }),
    });
    page = await newPage(app.host.origin);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows every name as inert, clean, bounded text in every view', async () => {
    await page.goto(app.host.url);
    await page.getByTestId('total-value').waitFor({ timeout: 30_000 });
    const update = await app.publish(hostileReport(fixtureReport()));
    expect(update.events.length).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /^Warnings \(3\)/ }).waitFor({ timeout: 30_000 });
    const text = await visitEveryTab(page, 'hostile report');
    // The names are on screen as the text they are (escaped), not dropped.
    expect(text).toContain(`<script>window.${PWNED_FLAG}='script'</script>`);
    expect(text).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(text).toContain('gnpexe. Operator');
  });

  it('notifies with the same names as plain, clean text', async () => {
    // Each hostile name a warning of its own, so the notifications carry every one of them.
    const base = fixtureReport();
    const template = base.warnings[0];
    if (template === undefined) throw new Error('the fixture has warnings');
    await app.store.updateSettings((s) => ({ ...s, notifications: { ...s.notifications, groupThreshold: 100, cooldownSeconds: 0 } }));
    const before = app.notifications.length;
    await app.publish({ ...base, warnings: HOSTILE_NAMES.map((title, i) => ({ ...template, id: `hostile:${i}`, severity: 'critical', title, explanation: title, action: title })) });
    expect(app.notifications.length - before).toBe(HOSTILE_NAMES.length);
    await expect.poll(async () => (await shownNotifications(page)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
    const shown = (await shownNotifications(page)).slice(-HOSTILE_NAMES.length);
    for (const n of shown) {
      expect(UNSAFE_CHARACTER.test(n.title + n.body), JSON.stringify(n.title)).toBe(false);
      expect(Array.from(n.title).length).toBeLessThanOrEqual(120);
      expect(Array.from(n.body).length).toBeLessThanOrEqual(400);
    }
    expect(shown.map((n) => n.title)).toContain(`<img src=x onerror="window.${PWNED_FLAG}='img'">weETH`);
    expectInert(await audit(page), 'after the notifications');
  });
});

describe('the real app behind an RPC endpoint that turns hostile', () => {
  let world: DemoWorld;
  let relay: Server;
  let relayUrl = '';
  let hostile = false;
  let app: WebApp;
  let page: Page;
  const hostileBody = `<img src=x onerror="window.${PWNED_FLAG}='rpc'">\u202Egnp.exe\u202C <script>window.${PWNED_FLAG}='rpc2'</script>\u0007${'x'.repeat(5000)}`;

  beforeAll(async () => {
    world = await startDemoWorld();
    // Forwards JSON-RPC to the world's node; once hostile, answers 500 with markup in the body.
    relay = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (hostile) {
          res.writeHead(500, { 'content-type': 'text/html' }).end(hostileBody);
          return;
        }
        fetch(world.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) })
          .then(async (upstream) => res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text()))
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
    relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    app = await startWebApp({
      dataDir: join(tmp, 'real'),
      rendererDir: join(tmp, 'renderer'),
      port: 0,
      host: '127.0.0.1',
      allowRemote: false,
      demo: {
        rpcUrl: relayUrl,
        wallets: world.wallets.map((w, i) => ({ address: w.address, label: hostileLabel(i), ens: hostileEns(i) })),
        stop: async () => undefined,
      },
      log: quietLog,
    });
    app.store.updateSettings((s) => ({ ...s, refresh: { ...s.refresh, pollIntervalSeconds: 1, minRefreshIntervalSeconds: 1 } }));
    page = await newPage(app.host.origin);
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((done) => relay?.close(done));
    await world?.stop();
  });

  it('shows hostile wallet labels and ENS names inert next to real positions', async () => {
    await page.goto(app.host.url);
    await page.getByTestId('total-value').waitFor({ timeout: 90_000 });
    const text = await visitEveryTab(page, 'hostile wallets');
    // Labels are cut to 40 characters; the markup is there as text.
    expect(text).toContain(`<img src=x onerror="window.${PWNED_FLAG}=`);
    expect(text).toContain('gnpexe. Operator');
  });

  it('shows a hostile endpoint answer inert in the failed-chain banner', async () => {
    hostile = true;
    app.monitor.refreshNow();
    const banner = page.locator('.banner-stale').filter({ hasText: 'could not be read' });
    await banner.first().waitFor({ timeout: 60_000 });
    const bannerText = (await banner.first().textContent()) ?? '';
    // viem quotes the body as JSON; the markup is there as text.
    expect(bannerText).toContain('<img src=x onerror=');
    expect(bannerText).toContain(`<script>window.${PWNED_FLAG}='rpc2'</script>`);
    // Cut to its 200 characters, bidi marks and controls removed.
    expect(UNSAFE_CHARACTER.test(bannerText)).toBe(false);
    expect(bannerText).not.toContain('x'.repeat(300));
    await visitEveryTab(page, 'hostile endpoint');
    // The positions read before are kept (marked degraded), never dropped.
    await page.locator('#tab-positions').click();
    await expect.poll(() => page.locator('.degraded').count()).toBeGreaterThan(0);
    hostile = false;
  });

  it('shows a hostile name typed into the wallet form as inert text', async () => {
    await page.locator('#tab-wallets').click();
    const input = page.getByLabel('Address or ENS name');
    for (const name of [...MARKUP_NAMES, ...INVISIBLE_NAMES]) {
      await input.fill(`${name}.eth`);
      expectInert(await audit(page), `typed ${JSON.stringify(name.slice(0, 20))}`);
    }
    await input.fill(`${MARKUP_NAMES[0] ?? ''}.eth`);
    const submit = page.locator('form.add-wallet button[type=submit]');
    if (await submit.isEnabled()) await submit.click();
    await page.waitForTimeout(500);
    expectInert(await audit(page), 'after submitting a hostile name');
  });
});
