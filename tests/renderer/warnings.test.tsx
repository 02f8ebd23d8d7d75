import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

const titles = (): string[] => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');

describe('Warnings view', () => {
  it('lists every warning with explanation, value, threshold and what to do', async () => {
    await renderApp(createMockApi(), 'warnings');
    expect(titles()).toHaveLength(3);
    expect(screen.getByText('The market pays less for ezETH than the ETH behind it.')).toBeTruthy();
    expect(screen.getByText('0.04')).toBeTruthy();
    expect(screen.getByText('0.03')).toBeTruthy();
    expect(screen.getByText(/Do not sell at market/)).toBeTruthy();
    // Severity carried by icon + word, not colour alone.
    expect(titles()[0]).toContain('✖');
    expect(titles()[0]).toContain('Critical');
  });

  it('filters by severity and by kind', async () => {
    await renderApp(createMockApi(), 'warnings');
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'warning' } });
    expect(titles()).toEqual([expect.stringContaining('One operator holds 45%')]);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'depeg' } });
    expect(titles()).toEqual([expect.stringContaining('ezETH trades')]);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'info' } });
    expect(titles()).toEqual([]);
    expect(screen.getByText('No warning matches these filters.')).toBeTruthy();
  });

  it('mutes a kind through muteKind and shows it muted', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'warnings');
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'depeg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mute notifications of this kind' }));
    await waitFor(() => expect(mock.api.muteKind).toHaveBeenCalledWith({ kind: 'depeg', muted: true }));
    expect(await screen.findByText(/notifications muted/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unmute this kind' }));
    await waitFor(() => expect(mock.api.muteKind).toHaveBeenLastCalledWith({ kind: 'depeg', muted: false }));
  });

  it('opens the warnings tab when the core asks to show a warning', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'overview');
    mock.emitOpenWarning({ warningId: 'depeg:ezETH@1' });
    expect(await screen.findByRole('tab', { name: /Warnings/, selected: true })).toBeTruthy();
    expect(document.querySelector('.warning.focused h3')?.textContent).toContain('ezETH trades');
  });
});
