import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification as Notice } from '../../../shared/notify/diff-reports';
import { Notification } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createNotifier } = await import('../../../electron/notifier');

function notice(overrides: Partial<Notice> = {}): Notice {
  return { key: 'new:depeg:ezETH', severity: 'warning', title: 'ezETH trades 4% below NAV', body: 'Market price 0.96 ETH', warningIds: ['depeg:ezETH'], grouped: false, ...overrides };
}

describe('createNotifier', () => {
  beforeEach(() => {
    Notification.instances.length = 0;
    Notification.isSupported.mockReturnValue(true);
    Notification.failNextShow = null;
  });

  it('shows one native notification per notice, urgent when critical', () => {
    const notifier = createNotifier(vi.fn(), { error: vi.fn() });
    notifier.show([notice(), notice({ key: 'k2', severity: 'critical', title: 'Operator slashed' })]);
    expect(Notification.instances.map((n) => [n.options.title, n.options.urgency, n.shown])).toEqual([
      ['ezETH trades 4% below NAV', 'normal', true],
      ['Operator slashed', 'critical', true],
    ]);
  });

  it('opens the window on the warning when clicked (a summary opens it on its first warning)', () => {
    const openWarning = vi.fn();
    const notifier = createNotifier(openWarning, { error: vi.fn() });
    notifier.show([notice(), notice({ key: 'summary', grouped: true, warningIds: ['a', 'b'] }), notice({ key: 'none', warningIds: [] })]);
    for (const n of Notification.instances) n.emit('click', {});
    expect(openWarning.mock.calls).toEqual([['depeg:ezETH'], ['a'], [null]]);
  });

  it('logs a notification that fails to show, never throws, and still shows the others', () => {
    const log = { error: vi.fn() };
    const notifier = createNotifier(vi.fn(), log);
    Notification.failNextShow = new Error('org.freedesktop.Notifications is not available');
    expect(() => notifier.show([notice({ title: 'first' }), notice({ title: 'second' })])).not.toThrow();
    expect(log.error).toHaveBeenCalledWith('could not show notification "first"', new Error('org.freedesktop.Notifications is not available'));
    expect(Notification.instances.map((n) => n.shown)).toEqual([false, true]);
  });

  it('logs a failure reported later by the system', () => {
    const log = { error: vi.fn() };
    createNotifier(vi.fn(), log).show([notice()]);
    Notification.instances[0]?.emit('failed', {}, 'toast rejected');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('toast rejected'));
  });

  it('does nothing but log where notifications are unsupported, or the check itself throws', () => {
    const log = { error: vi.fn() };
    const notifier = createNotifier(vi.fn(), log);
    Notification.isSupported.mockReturnValueOnce(false);
    notifier.show([notice()]);
    Notification.isSupported.mockImplementationOnce(() => {
      throw new Error('no D-Bus');
    });
    expect(() => notifier.show([notice()])).not.toThrow();
    expect(Notification.instances).toHaveLength(0);
    expect(log.error).toHaveBeenCalledTimes(2);
  });
});
