import { render, screen } from '@testing-library/react';
import { App, type Tab } from '../../renderer/App';
import { NOW } from './fixture-report';
import type { MockApi } from './mock-api';

export const clock = (): number => NOW * 1000;

/** Renders the whole app on `tab` against the mock and waits for the state to load. */
export async function renderApp(mock: MockApi, tab: Tab = 'overview', extra: Partial<Parameters<typeof App>[0]> = {}) {
  const result = render(<App api={mock.api} clock={clock} initialTab={tab} {...extra} />);
  await screen.findByRole('tab', { name: /Overview|总览/ });
  await screen.findByRole('button', { name: /Refresh now|立即刷新/ });
  return result;
}
