import type { QuietHours } from '../settings/settings';

function minutesOf(clock: string): number {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/**
 * Whether a local time falls inside the quiet hours. The window includes `start` and excludes
 * `end`; when `start` is later than `end` it spans midnight (22:00 to 07:00). A window whose start
 * equals its end is empty.
 *
 * @param quietHours - The user's quiet-hours setting.
 * @param localMinutesOfDay - Minutes since local midnight, 0 to 1439 (the caller reads the clock).
 */
export function isQuietTime(quietHours: QuietHours, localMinutesOfDay: number): boolean {
  if (!quietHours.enabled) return false;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  const minute = ((Math.floor(localMinutesOfDay) % 1440) + 1440) % 1440;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
