import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { quitAfter } from '../../../electron/quit-after';

/** Electron's quit sequence in miniature: quit() emits before-quit, and exits unless it was prevented. */
function fakeApp() {
  const emitter = new EventEmitter();
  const app = {
    exited: 0,
    on: (event: 'before-quit', listener: (event: { preventDefault(): void }) => void) => emitter.on(event, listener),
    quit: () => {
      let prevented = false;
      emitter.emit('before-quit', { preventDefault: () => { prevented = true; } });
      if (!prevented) app.exited += 1;
    },
  };
  return app;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quitAfter', () => {
  it('holds the first quit until the work is done, then quits once', async () => {
    const app = fakeApp();
    let finish: () => void = () => {};
    const work = vi.fn(() => new Promise<void>((resolve) => { finish = resolve; }));
    quitAfter(app, work, { error: () => {} });
    app.quit();
    app.quit(); // a second request while finishing changes nothing
    await flush();
    expect(work).toHaveBeenCalledTimes(1);
    expect(app.exited).toBe(0);
    finish();
    await flush();
    expect(app.exited).toBe(1);
  });

  it('quits even when the work fails, and logs it', async () => {
    const app = fakeApp();
    const error = vi.fn();
    quitAfter(app, () => Promise.reject(new Error('disk full')), { error });
    app.quit();
    await flush();
    await flush();
    expect(app.exited).toBe(1);
    expect(error).toHaveBeenCalledWith('could not finish before quitting', expect.any(Error));
  });
});
