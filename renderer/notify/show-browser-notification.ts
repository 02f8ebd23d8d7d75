import type { WsNotification } from '../../shared/ipc/ws-protocol';
import { safeText } from '../display/safe-text';

/** Shows a notification the web host pushed, when the user allowed them; a click opens its warning. */
export function showBrowserNotification(notification: WsNotification, onOpen: (warningId: string | null) => void): boolean {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  const shown = new Notification(safeText(notification.title, 120), {
    body: safeText(notification.body, 400),
    tag: notification.warningId ?? 'matryoshka-summary',
  });
  shown.addEventListener('click', () => {
    window.focus();
    onOpen(notification.warningId);
  });
  return true;
}
