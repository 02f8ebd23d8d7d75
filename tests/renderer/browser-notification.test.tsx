import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WsNotification } from '../../shared/ipc/ws-protocol';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubNotification(permission: NotificationPermission) {
  const shown: { title: string; options: NotificationOptions; target: EventTarget }[] = [];
  class FakeNotification extends EventTarget {
    static permission = permission;
    static requestPermission = vi.fn(() => Promise.resolve(permission));
    constructor(title: string, options: NotificationOptions = {}) {
      super();
      shown.push({ title, options, target: this });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return shown;
}

describe('browser notifications (web face)', () => {
  it('shows what the host pushes once allowed, and a click opens the warning', async () => {
    const shown = stubNotification('granted');
    let push: ((n: WsNotification) => void) | null = null;
    await renderApp(createMockApi(), 'overview', {
      onNotification: (listener) => {
        push = listener;
        return () => undefined;
      },
    });
    act(() => push?.({ title: 'ezETH\u202E depeg', body: 'ezETH trades 4% below NAV', severity: 'critical', warningId: 'depeg:ezETH@1' }));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('ezETH depeg');
    expect(shown[0]?.options.body).toBe('ezETH trades 4% below NAV');
    act(() => {
      shown[0]?.target.dispatchEvent(new Event('click'));
    });
    expect(await screen.findByRole('tab', { name: /Warnings/, selected: true })).toBeTruthy();
  });

  it('shows nothing while permission is not granted', async () => {
    const shown = stubNotification('default');
    let push: ((n: WsNotification) => void) | null = null;
    await renderApp(createMockApi(), 'overview', {
      onNotification: (listener) => {
        push = listener;
        return () => undefined;
      },
    });
    act(() => push?.({ title: 't', body: 'b', severity: 'warning', warningId: null }));
    expect(shown).toHaveLength(0);
  });
});
