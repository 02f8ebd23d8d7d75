import type { App } from 'electron';

/**
 * Takes the single-instance lock. Returns false (and quits) when another instance holds it;
 * otherwise calls `onSecondInstance` whenever the app is launched again, so the running instance
 * can show its window.
 */
export function acquireSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}
