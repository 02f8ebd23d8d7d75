/**
 * Page init script (source text, so no bundler helper leaks into the page): wraps
 * `window.Notification` so every notification the page shows is recorded in
 * `window.__notifications` (title and body) before the real constructor runs.
 */
export const recordNotificationsScript = `
(() => {
  const Real = window.Notification;
  if (typeof Real !== 'function') return;
  const seen = [];
  Object.defineProperty(window, '__notifications', { value: seen, configurable: true });
  class Recording extends Real {
    constructor(title, options) {
      seen.push({ title: String(title), body: String((options && options.body) || '') });
      super(title, options);
    }
  }
  Object.defineProperty(window, 'Notification', { value: Recording, configurable: true, writable: true });
})();
`;
