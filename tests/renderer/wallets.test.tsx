import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alice, bob } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

// EIP-55 form is 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed; one letter's case flipped breaks it.
const BAD_CHECKSUM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD';
const GOOD = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

describe('Wallets view', () => {
  it('shows a checksum error live and never calls addWallet', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'wallets');
    const input = screen.getByLabelText('Address or ENS name');
    fireEvent.change(input, { target: { value: BAD_CHECKSUM } });
    expect(await screen.findByText(/invalid checksum/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const add = screen.getByRole('button', { name: 'Add wallet' });
    expect(add).toHaveProperty('disabled', true);
    fireEvent.submit(add.closest('form') as HTMLFormElement);
    expect(mock.api.addWallet).not.toHaveBeenCalled();
  });

  it('flags a wallet already watched before asking the core', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'wallets');
    fireEvent.change(screen.getByLabelText('Address or ENS name'), { target: { value: bob.toLowerCase() } });
    expect(await screen.findByText(/already watched/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add wallet' })).toHaveProperty('disabled', true);
  });

  it('adds a valid address with its label', async () => {
    const mock = createMockApi();
    mock.api.addWallet.mockResolvedValue({ ok: true, value: { address: GOOD, label: 'Cold', ensName: null, chains: [1], addedAt: '2026-11-25T00:00:00.000Z' } });
    await renderApp(mock, 'wallets');
    fireEvent.change(screen.getByLabelText('Address or ENS name'), { target: { value: GOOD } });
    fireEvent.change(screen.getByLabelText('Label (optional)'), { target: { value: 'Cold' } });
    expect(screen.getByText(/Valid address/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add wallet' }));
    await screen.findByText(/Added Cold\./);
    expect(mock.api.addWallet).toHaveBeenCalledWith({ input: GOOD, label: 'Cold' });
  });

  it('shows why an ENS name could not be resolved', async () => {
    const mock = createMockApi();
    mock.api.addWallet.mockResolvedValue({ ok: false, error: { code: 'ens-unresolved', message: 'nobody-here.eth has no address record' } });
    await renderApp(mock, 'wallets');
    fireEvent.change(screen.getByLabelText('Address or ENS name'), { target: { value: 'nobody-here.eth' } });
    expect(screen.getByText(/ENS name nobody-here.eth/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add wallet' }));
    const alert = await screen.findByText(/could not be resolved/);
    expect(alert.textContent).toContain('nobody-here.eth has no address record');
    expect(mock.api.addWallet).toHaveBeenCalledWith({ input: 'nobody-here.eth' });
  });

  it('shows the per-wallet summary, renames, and removes only after confirmation', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'wallets');
    const list = screen.getByRole('heading', { name: 'Wallets' }).parentElement as HTMLElement;
    expect(within(list).getByText(/17\.7 ETH/)).toBeTruthy();
    expect(within(list).getByText('bob.eth')).toBeTruthy();

    const items = within(list).getAllByRole('listitem');
    fireEvent.click(within(items[0] as HTMLElement).getByRole('button', { name: 'Rename' }));
    const field = within(list).getByLabelText(/New label/);
    fireEvent.change(field, { target: { value: 'Hot' } });
    fireEvent.click(within(list).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mock.api.renameWallet).toHaveBeenCalledWith({ address: alice, label: 'Hot' }));
    expect(await within(list).findByText('Hot')).toBeTruthy();

    const bobItem = within(list).getAllByRole('listitem')[1] as HTMLElement;
    fireEvent.click(within(bobItem).getByRole('button', { name: 'Remove' }));
    expect(mock.api.removeWallet).not.toHaveBeenCalled();
    expect(within(bobItem).getByText(/Stop watching bob\.eth/)).toBeTruthy();
    fireEvent.click(within(bobItem).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(mock.api.removeWallet).toHaveBeenCalledWith({ address: bob }));
    await waitFor(() => expect(within(list).queryByText('bob.eth')).toBeNull());
  });
});
