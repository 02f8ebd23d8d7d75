/**
 * End-to-end: the web host serving the built renderer against the simulated world, driven in
 * Debian's Chromium. Two apps share one demo node: `fresh` starts with an empty data dir (the user
 * adds wallets), `demo` watches the demo's sample wallets (screenshots, withdrawals, first render).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../../node/web/start-web-app';
import { demoWallet, startDemoWorld, type DemoWallet, type DemoWorld } from '../../world/demo-world';
import { buildRenderer } from './support/build-renderer';
import { launchChromium } from './support/launch-chromium';
import { recordNotificationsScript } from './support/record-notifications';

const repoRoot = resolve(import.meta.dirname, '../..');
const screenshotDir = join(repoRoot, 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 } as const;
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

let tmp = '';
let world: DemoWorld;
let fresh: WebApp;
let demo: WebApp;
let browser: Browser;
let freshContext: BrowserContext;
let freshPage: Page;
let demoPage: Page;

const wallet = (label: string): DemoWallet => demoWallet(world.wallets, label);

async function startApp(name: string, wallets: readonly DemoWallet[]): Promise<WebApp> {
  const app = await startWebApp({
    dataDir: join(tmp, name),
    rendererDir: join(tmp, 'renderer'),
    port: 0,
    host: '127.0.0.1',
    allowRemote: false,
    // The world is shared and stopped once, in afterAll.
    demo: { rpcUrl: world.rpcUrl, wallets, stop: async () => undefined },
    log: quietLog,
  });
  // Poll every second so on-chain changes reach the page quickly.
  app.store.updateSettings((s) => ({ ...s, refresh: { ...s.refresh, pollIntervalSeconds: 1, minRefreshIntervalSeconds: 1 } }));
  app.monitor.changed();
  return app;
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Screenshots the viewport, scrolled to the top or to `focus` (its top at the window's top). */
async function shoot(page: Page, view: string, focus?: Locator): Promise<void> {
  if (focus === undefined) await page.evaluate(() => window.scrollTo(0, 0));
  else await focus.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Let chart.js finish its entry animation (1 s by default).
  await page.waitForTimeout(1_200);
  await page.screenshot({ path: join(screenshotDir, `${view}.png`) });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matryoshka-e2e-'));
  mkdirSync(screenshotDir, { recursive: true });
  const [startedWorld] = await Promise.all([startDemoWorld(), Promise.resolve(buildRenderer(repoRoot, join(tmp, 'renderer')))]);
  world = startedWorld;
  fresh = await startApp('fresh', []);
  demo = await startApp('demo', world.wallets);
  browser = await launchChromium();
  freshContext = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  await freshContext.grantPermissions(['notifications'], { origin: fresh.host.origin });
  await freshContext.addInitScript(recordNotificationsScript);
  freshPage = await freshContext.newPage();
  const demoContext = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  demoPage = await demoContext.newPage();
});

afterAll(async () => {
  await browser?.close();
  await fresh?.close();
  await demo?.close();
  await world?.stop();
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('web app in Chromium', () => {
  it('refuses requests without the session token and serves the page with it', async () => {
    const bare = await fetch(`${fresh.host.origin}/`);
    expect([401, 403]).toContain(bare.status);
    const wrong = await fetch(`${fresh.host.origin}/?token=${'x'.repeat(43)}`);
    expect([401, 403]).toContain(wrong.status);

    const response = await freshPage.goto(fresh.host.url);
    expect(response?.ok()).toBe(true);
    await expect.poll(() => freshPage.getByRole('heading', { level: 1 }).textContent()).toBe('Matryoshka');
    // Empty data dir: the empty state invites the user to add a wallet.
    await freshPage.locator('#empty-title').waitFor();
    expect(await freshPage.locator('[data-testid="total-value"]').count()).toBe(0);
    await shoot(freshPage, 'empty-state');
  });

  it('adds a wallet by address and one by ENS name, and shows their positions and warnings', async () => {
    await openTab(freshPage, /^Wallets/);
    const input = freshPage.getByLabel('Address or ENS name');
    const submit = freshPage.locator('form.add-wallet button[type=submit]');

    await input.fill(wallet('ezETH holder').address);
    await submit.click();
    await freshPage.locator('.wallet-item').first().waitFor();

    await input.fill('bob.eth');
    await submit.click();
    await expect.poll(() => freshPage.locator('.wallet-item').count(), { timeout: 30_000 }).toBe(2);
    const bob = wallet('LRT holder');
    await expect.poll(() => freshPage.locator(`.wallet-item code[title="${bob.address}"]`).count()).toBe(1);
    await expect.poll(() => freshPage.locator('.wallet-item').filter({ hasText: 'bob.eth' }).count()).toBe(1);

    await openTab(freshPage, /^Positions/);
    const weEth = freshPage.locator('tbody tr').filter({ has: freshPage.getByRole('button', { name: /weETH/ }) });
    await weEth.first().waitFor({ timeout: 60_000 });
    // The stack chips name every layer down to ETH.
    const stackText = (await weEth.first().locator('td').nth(3).textContent()) ?? '';
    expect(stackText).toMatch(/weETH/);
    expect(stackText).toMatch(/ETH/);
    expect(await freshPage.locator('tbody tr').filter({ has: freshPage.getByRole('button', { name: /ezETH/ }) }).count()).toBe(1);

    await openTab(freshPage, /^Warnings/);
    const depeg = freshPage.locator('li.warning').filter({ hasText: /ezETH trades .* below its NAV/ });
    await depeg.waitFor({ timeout: 30_000 });
    expect(await depeg.getAttribute('class')).toMatch(/warning-critical/);
  });

  it('a changed depeg threshold turns the critical ezETH warning into a warning', async () => {
    await openTab(freshPage, /^Settings/);
    await freshPage.getByLabel('Depeg: critical above (fraction)').fill('0.1');
    await freshPage.getByRole('button', { name: 'Save settings' }).click();
    await freshPage.getByRole('status').filter({ hasText: /Saved|✓/ }).first().waitFor();

    await openTab(freshPage, /^Warnings/);
    const depeg = freshPage.locator('li.warning').filter({ hasText: /ezETH trades .* below its NAV/ });
    await expect.poll(async () => (await depeg.count()) === 1 && /warning-warning/.test((await depeg.getAttribute('class')) ?? ''), { timeout: 30_000 }).toBe(true);
  });

  it('shows a browser notification when a held LRT depegs on chain', async () => {
    expect(await freshPage.evaluate(() => Notification.permission)).toBe('granted');
    const nav = world.world.tokens.navRate('weETH');
    await world.world.tokens.setMarketPrice('weETH', (nav * 90n) / 100n);
    const titles = async (): Promise<string[]> =>
      freshPage.evaluate(() => ((window as unknown as { __notifications?: { title: string }[] }).__notifications ?? []).map((n) => n.title));
    try {
      await expect
        .poll(
          async () => {
            await world.world.ctx.mine(1);
            return (await titles()).some((t) => /weETH/.test(t));
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe(true);
    } finally {
      await world.world.tokens.setMarketPrice('weETH', nav);
    }
  });

  it('renders the demo portfolio quickly and screenshots every view', async () => {
    // Warm up: the first refresh of the demo app finishes before the timed load.
    await demoPage.goto(demo.host.url);
    await demoPage.getByTestId('total-value').waitFor({ timeout: 90_000 });

    const timed = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const page = await timed.newPage();
    await page.goto(demo.host.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="total-value"]');
        return el !== null && /\d/.test(el.textContent ?? '') ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const firstRenderMs = Math.round(Number(await handle.jsonValue()));
    process.stderr.write(`first-render-ms=${firstRenderMs}\n`);
    expect(firstRenderMs).toBeGreaterThan(0);
    await timed.close();

    expect(await demoPage.getByTestId('total-value').textContent()).toMatch(/[1-9]/);
    await shoot(demoPage, 'overview');

    await openTab(demoPage, /^Wallets/);
    await expect.poll(() => demoPage.locator('.wallet-item').count()).toBe(world.wallets.length);
    await shoot(demoPage, 'wallets');

    await openTab(demoPage, /^Positions/);
    const weEth = demoPage.getByRole('button', { name: /weETH/ }).first();
    await weEth.click();
    expect(await weEth.getAttribute('aria-expanded')).toBe('true');
    await demoPage.locator('tr.look-through').first().waitFor();
    await shoot(demoPage, 'positions', demoPage.locator('tr').filter({ has: weEth }));

    await openTab(demoPage, /^Warnings/);
    await expect.poll(() => demoPage.locator('li.warning').count()).toBeGreaterThan(3);
    await shoot(demoPage, 'warnings');

    await openTab(demoPage, /^Settings/);
    await demoPage.getByLabel('Depeg: critical above (fraction)').waitFor();
    // The notification channels (desktop switch, webhooks, the add form being filled in), with the
    // end of the notification preferences above them.
    const channels = demoPage.getByRole('region', { name: 'Notification channels' });
    await channels.getByLabel('Webhook URL').fill('https://ntfy.sh/my-long-unguessable-topic');
    await channels.getByLabel('Format').selectOption('ntfy');
    await channels.getByLabel('Minimum severity for this webhook').selectOption('warning');
    await demoPage.getByRole('heading', { name: 'Browser notifications' }).click();
    await shoot(demoPage, 'settings', demoPage.getByRole('heading', { name: 'Browser notifications' }));
  });

  it('shows the withdrawal timeline of the withdrawing wallet (dave.eth)', async () => {
    await openTab(demoPage, /^Withdrawals/);
    await demoPage.getByRole('heading', { name: 'Withdrawals' }).waitFor();
    const items = demoPage.locator('li.timeline-item').filter({ hasText: 'Withdrawing' });
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const text = (await items.allTextContents()).join('\n');
    // The demo queued one withdrawal 110,000 blocks ago (claimable) and one 50,000 blocks ago (pending).
    expect(text).toMatch(/claimable now/);
    expect(text).toMatch(/claimable in|claimable at block/);
    await shoot(demoPage, 'withdrawals');
  });

  it('switches the interface to Simplified Chinese', async () => {
    await openTab(demoPage, /^Settings/);
    await demoPage.getByLabel('Language').selectOption('zh-CN');
    await demoPage.getByRole('tab', { name: /^总览/ }).waitFor({ timeout: 10_000 });
    expect(await demoPage.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await openTab(demoPage, /^总览/);
    await demoPage.getByRole('heading', { name: '总价值（NAV）' }).waitFor();
    await shoot(demoPage, 'overview-zh');
  });
});
