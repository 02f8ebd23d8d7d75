/** The part of Electron's `app` that quitting needs. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Lets the app quit only after `work` (sending queued webhooks, saving the store) is done: the
 * first quit is held, `work` runs, then the app quits for real. `work` should bound its own time;
 * a rejection is logged and the app quits anyway.
 */
export function quitAfter(app: QuittingApp, work: () => Promise<unknown>, log: { error(message: string, error?: unknown): void }): void {
  let state: 'running' | 'finishing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'finishing') return;
    state = 'finishing';
    work()
      .catch((error: unknown) => log.error('could not finish before quitting', error))
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
}
