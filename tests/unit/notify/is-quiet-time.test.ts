import { describe, expect, it } from 'vitest';
import { isQuietTime } from '../../../shared/notify/is-quiet-time';

const at = (clock: string): number => {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
};

describe('isQuietTime', () => {
  it.each([
    // [start, end, local time, quiet?]
    ['22:00', '07:00', '21:59', false],
    ['22:00', '07:00', '22:00', true],
    ['22:00', '07:00', '23:59', true],
    ['22:00', '07:00', '00:00', true],
    ['22:00', '07:00', '06:59', true],
    ['22:00', '07:00', '07:00', false],
    ['22:00', '07:00', '12:00', false],
    ['13:00', '14:30', '12:59', false],
    ['13:00', '14:30', '13:00', true],
    ['13:00', '14:30', '14:29', true],
    ['13:00', '14:30', '14:30', false],
    ['08:00', '08:00', '08:00', false],
  ])('%s to %s at %s: %s', (start, end, time, quiet) => {
    expect(isQuietTime({ enabled: true, start, end }, at(time))).toBe(quiet);
  });

  it('is never quiet when disabled', () => {
    expect(isQuietTime({ enabled: false, start: '00:00', end: '23:59' }, at('12:00'))).toBe(false);
  });

  it('wraps minutes outside one day', () => {
    expect(isQuietTime({ enabled: true, start: '22:00', end: '07:00' }, 1440 + at('23:00'))).toBe(true);
    expect(isQuietTime({ enabled: true, start: '22:00', end: '07:00' }, -60)).toBe(true);
  });
});
