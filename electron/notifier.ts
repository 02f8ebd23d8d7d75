import { Notification } from 'electron';
import type { Notification as Notice } from '../shared/notify/diff-reports';

export interface NotifierLog {
  error(message: string, error?: unknown): void;
}

export interface Notifier {
  /** Shows each notice; never throws (failures are logged). */
  show(notices: readonly Notice[]): void;
}

/**
 * The thin adapter from the notification diff (shared/notify/diff-reports) to native
 * notifications. A click opens the window on the notice's (first) warning. Notifications are kept referenced until closed, so their click handler
 * is not garbage-collected while they are on screen.
 */
export function createNotifier(openWarning: (warningId: string | null) => void, log: NotifierLog): Notifier {
  const live = new Set<Notification>();
  return {
    show(notices) {
      let supported: boolean;
      try {
        supported = Notification.isSupported();
      } catch (error) {
        log.error('cannot tell whether notifications are supported', error);
        return;
      }
      if (!supported) {
        if (notices.length > 0) log.error(`notifications are not supported here; ${notices.length} not shown`);
        return;
      }
      for (const notice of notices) {
        try {
          const notification = new Notification({
            title: notice.title,
            body: notice.body,
            urgency: notice.severity === 'critical' ? 'critical' : 'normal',
            silent: notice.severity === 'info',
          });
          live.add(notification);
          notification.on('click', () => {
            live.delete(notification);
            openWarning(notice.warningIds[0] ?? null);
          });
          notification.on('close', () => live.delete(notification));
          notification.on('failed', (_event, error) => {
            live.delete(notification);
            log.error(`notification "${notice.title}" failed: ${error}`);
          });
          notification.show();
        } catch (error) {
          log.error(`could not show notification "${notice.title}"`, error);
        }
      }
    },
  };
}
