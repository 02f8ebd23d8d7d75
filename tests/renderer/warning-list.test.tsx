// The warnings list under a flood: a thousand warnings render a page of them with a way to the
// rest, a warning opened from a notification is shown wherever it sits, and filtering starts over.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WARNING_PAGE_SIZE } from '../../renderer/components/WarningList';
import type { Warning } from '../../shared/report';
import { depegWarning, fixtureReport, fixtureState } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

const FLOOD = 1000;
// jsdom is slow with thousands of cards: paging through is tested on a smaller flood.
const SMALL = 250;

function flood(length = FLOOD): Warning[] {
  return Array.from({ length }, (_, i) => ({
    ...depegWarning,
    id: `flood:${i}`,
    kind: i % 2 === 0 ? 'even' : 'odd',
    severity: i % 2 === 0 ? 'warning' : 'critical',
    title: `Flood warning ${i}`,
  }));
}

const cards = (): number => document.querySelectorAll('li.warning').length;
// Plain DOM queries below: role queries over a thousand cards take jsdom tens of seconds.
const moreButton = (): HTMLButtonElement | null => document.querySelector('.show-more button');

describe('warnings list under a flood', () => {
  it('renders only the first page of 1000 and says how many are hidden', async () => {
    await renderApp(createMockApi(fixtureState({}, fixtureReport({ warnings: flood() }))), 'warnings');
    expect(cards()).toBe(WARNING_PAGE_SIZE);
    expect(document.querySelector('#tab-warnings')?.textContent).toBe(`Warnings (${FLOOD})`);
    expect(document.querySelector('.show-more [role=status]')?.textContent).toBe(`Showing ${WARNING_PAGE_SIZE} of ${FLOOD} warnings.`);
    expect(moreButton()?.textContent).toBe(`Show ${WARNING_PAGE_SIZE} more`);
  }, 30_000);

  it('shows more on request until every warning is there', async () => {
    await renderApp(createMockApi(fixtureState({}, fixtureReport({ warnings: flood(SMALL) }))), 'warnings');
    fireEvent.click(moreButton() ?? document.body);
    expect(cards()).toBe(2 * WARNING_PAGE_SIZE);
    expect(moreButton()?.textContent).toBe(`Show ${SMALL - 2 * WARNING_PAGE_SIZE} more`);
    fireEvent.click(moreButton() ?? document.body);
    expect(cards()).toBe(SMALL);
    expect(moreButton()).toBeNull();
    expect(document.querySelector('li.warning:last-child h3')?.textContent).toContain(`Flood warning ${SMALL - 1}`);
  }, 30_000);

  it('shows a warning opened from a notification even far down the list', async () => {
    const mock = createMockApi(fixtureState({}, fixtureReport({ warnings: flood(SMALL) })));
    await renderApp(mock, 'overview');
    act(() => mock.emitOpenWarning({ warningId: 'flood:240' }));
    await screen.findByText(`Showing 241 of ${SMALL} warnings.`);
    expect(document.querySelector('li.warning.focused h3')?.textContent).toContain('Flood warning 240');
    expect(cards()).toBe(241);
  }, 30_000);

  it('starts from the first page again when a filter changes', async () => {
    await renderApp(createMockApi(fixtureState({}, fixtureReport({ warnings: flood(SMALL) }))), 'warnings');
    fireEvent.click(moreButton() ?? document.body);
    expect(cards()).toBe(2 * WARNING_PAGE_SIZE);
    const kind = document.querySelectorAll<HTMLSelectElement>('.filters select')[1];
    fireEvent.change(kind ?? document.body, { target: { value: 'odd' } });
    expect(cards()).toBe(WARNING_PAGE_SIZE);
    expect(document.querySelector('.show-more [role=status]')?.textContent).toBe(`Showing ${WARNING_PAGE_SIZE} of ${SMALL / 2} warnings.`);
    expect([...document.querySelectorAll('li.warning')].every((li) => li.className.includes('warning-critical'))).toBe(true);
  }, 30_000);
});
