/**
 * End-to-end: a thousand warnings appear in one refresh. The real monitor and notification diff
 * behind the real web host must send the page one grouped notification, and the page (real
 * Chromium) must stay usable: it renders the new report, the warnings tab opens, tabs and filters
 * still answer clicks. Times are measured and printed (`flood-…-ms=`), never asserted: they depend
 * on the machine; docs/benchmarks.md records them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARNING_PAGE_SIZE } from '../../renderer/components/WarningList';
import type { RiskReport, Severity, Warning } from '../../shared/report';
import { fixtureReport, wallets } from '../renderer/fixture-report';
import { buildRenderer } from './support/build-renderer';
import { launchChromium } from './support/launch-chromium';
import { recordNotificationsScript } from './support/record-notifications';
import { startStubWebApp, type StubWebApp } from './support/start-stub-web-app';

const repoRoot = resolve(import.meta.dirname, '../..');
const FLOOD = 1000;

let tmp = '';
let app: StubWebApp;
let browser: Browser;
let page: Page;

function floodWarnings(): Warning[] {
  const severities: Severity[] = ['warning', 'warning', 'info', 'critical'];
  return Array.from({ length: FLOOD }, (_, i) => {
    const severity = severities[i % severities.length] ?? 'warning';
    const kind = `flood-kind-${i % 10}`;
    return {
      id: `${kind}:subject-${i}`,
      kind,
      severity,
      title: `Flood warning number ${i}`,
      subject: `subject-${i}`,
      value: i / FLOOD,
      threshold: 0.5,
      explanation: `Warning ${i} of a thousand that appeared in one refresh.`,
      action: 'Nothing: this is a load test.',
    };
  });
}

function floodReport(): RiskReport {
  return fixtureReport({ warnings: floodWarnings() });
}

/** Clicks `clickSelector` in the page and resolves with the milliseconds until `readySelector` matches after a frame. */
async function timeClick(clickSelector: string, readySelector: string): Promise<number> {
  return page.evaluate(
    async ({ clickSelector, readySelector }) => {
      const target = document.querySelector<HTMLElement>(clickSelector);
      if (target === null) throw new Error(`nothing matches ${clickSelector}`);
      const t0 = performance.now();
      target.click();
      await new Promise<void>((done) => {
        const check = (): void => {
          if (document.querySelector(readySelector) !== null) done();
          else requestAnimationFrame(check);
        };
        check();
      });
      // One more frame: the browser has painted what the click produced.
      await new Promise((done) => requestAnimationFrame(done));
      return performance.now() - t0;
    },
    { clickSelector, readySelector },
  );
}

function report(name: string, ms: number): void {
  process.stderr.write(`flood-${name}-ms=${Math.round(ms)}\n`);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matryoshka-flood-e2e-'));
  buildRenderer(repoRoot, join(tmp, 'renderer'));
  app = await startStubWebApp({
    dataDir: join(tmp, 'data'),
    rendererDir: join(tmp, 'renderer'),
    wallets: wallets.map((w) => ({ address: w.address, label: w.label, ensName: w.ensName, chains: w.chains })),
    initial: fixtureReport(),
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.grantPermissions(['notifications'], { origin: app.host.origin });
  await context.addInitScript(recordNotificationsScript);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('a flood of 1000 warnings in the browser', () => {
  it('makes one grouped browser notification and the page stays responsive', async () => {
    await page.goto(app.host.url);
    await page.getByTestId('total-value').waitFor({ timeout: 30_000 });
    const notifiedBefore = app.notifications.length;
    const shownBefore = await page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications.length);
    // Long tasks (main thread blocked over 50 ms) from here on.
    await page.evaluate(() => {
      const longTasks: number[] = [];
      Object.defineProperty(window, '__longTasks', { value: longTasks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });

    const t0 = Date.now();
    const update = await app.publish(floodReport());
    expect(update.events.filter((e) => e.type === 'new')).toHaveLength(FLOOD);
    // The pushed report reaches the page: the tab counts them.
    await page.getByRole('tab', { name: `Warnings (${FLOOD})` }).waitFor({ timeout: 30_000 });
    report('report-to-page', Date.now() - t0);

    // One notification from the monitor, shown once by the page.
    expect(app.notifications.length - notifiedBefore).toBe(1);
    const flood = app.notifications.at(-1);
    expect(flood?.grouped).toBe(true);
    // Every warning at or above the default minimum severity (info ones are not notified).
    const notifiable = floodWarnings().filter((w) => w.severity !== 'info').map((w) => w.id);
    expect(new Set(flood?.warningIds)).toEqual(new Set(notifiable));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __notifications: { title: string }[] }).__notifications.map((n) => n.title)))
      .toHaveLength(shownBefore + 1);
    const titles = await page.evaluate(() => (window as unknown as { __notifications: { title: string }[] }).__notifications.map((n) => n.title));
    expect(titles.at(-1)).toMatch(new RegExp(`^${notifiable.length} risk warnings need attention`));

    // Open the warnings tab: the list renders and shows the first warnings.
    const openMs = await timeClick('#tab-warnings', 'li.warning');
    report('open-warnings-tab', openMs);
    expect(await page.locator('li.warning').first().textContent()).toMatch(/Flood warning number/);
    // A page of them, and the way to the rest (renderer/components/WarningList.tsx).
    expect(await page.locator('li.warning').count()).toBe(WARNING_PAGE_SIZE);
    expect(await page.locator('.show-more [role=status]').textContent()).toBe(`Showing ${WARNING_PAGE_SIZE} of ${FLOOD} warnings.`);
    const moreMs = await timeClick('.show-more button', `li.warning:nth-child(${2 * WARNING_PAGE_SIZE})`);
    report('show-more', moreMs);
    expect(await page.locator('li.warning').count()).toBe(2 * WARNING_PAGE_SIZE);

    // Filter to the critical ones, then back to all.
    const filterMs = await page.evaluate(async () => {
      const select = document.querySelector<HTMLSelectElement>('.filters select');
      if (select === null) throw new Error('no severity filter');
      const t = performance.now();
      select.value = 'critical';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(done));
      await new Promise((done) => requestAnimationFrame(done));
      return performance.now() - t;
    });
    report('filter-critical', filterMs);
    const critical = page.locator('li.warning');
    expect(await critical.first().getAttribute('class')).toMatch(/warning-critical/);
    await page.locator('.filters select').first().selectOption('all');

    // Switch to another tab and back while the 1000 warnings are loaded.
    const settingsMs = await timeClick('#tab-settings', '#panel-settings form, #panel-settings button');
    report('switch-to-settings', settingsMs);
    const backMs = await timeClick('#tab-warnings', 'li.warning');
    report('back-to-warnings', backMs);
    const overviewMs = await timeClick('#tab-overview', '[data-testid="total-value"]');
    report('switch-to-overview', overviewMs);

    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    report('longest-task', Math.max(0, ...longTasks));
    process.stderr.write(`flood-long-tasks=${longTasks.length}\n`);
    // The page still answers: a heading and the tab list are there, and a click changed the tab.
    expect(await page.getByRole('tab', { name: /^Overview/ }).getAttribute('aria-selected')).toBe('true');
  });
});
