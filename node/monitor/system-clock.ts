import type { MonitorClock } from './create-monitor';

/** The real clock: wall time and Node timers (unref'd, so a pending poll never keeps a CLI alive). */
export const systemClock: MonitorClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => {
    // Only handles made by `setTimeout` above reach here.
    clearTimeout(handle as NodeJS.Timeout);
  },
};
