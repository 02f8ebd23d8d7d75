import { Notification } from 'electron';
import type { Notification as Notice } from '../shared/notify/diff-reports';
import { toPlainText } from '../shared/notify/to-plain-text';

// The diff already makes its notices plain text; the OS boundary checks again, so a notice from
// anywhere else cannot put control or bidi characters (or a megabyte) into a system notification.
// Lines are kept: a summary lists one warning per line.
const TITLE_MAX = 120;
const BODY_LINE_MAX = 400;
const BODY_LINES = 12;

function plainBody(body: string): string {
  return body
    .split('\n')
    .slice(0, BODY_LINES)
    .map((line) => toPlainText(line, BODY_LINE_MAX))
    .join('\n');
}

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
        // Logs get the clean title too: no terminal escape sequences from a token name.
        const title = toPlainText(notice.title, TITLE_MAX);
        try {
          const notification = new Notification({
            title,
            body: plainBody(notice.body),
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
            log.error(`notification "${title}" failed: ${error}`);
          });
          notification.show();
        } catch (error) {
          log.error(`could not show notification "${title}"`, error);
        }
      }
    },
  };
}
