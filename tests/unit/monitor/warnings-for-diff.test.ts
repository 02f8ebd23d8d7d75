import { describe, expect, it } from 'vitest';
import type { NotifyState } from '../../../shared/notify/notify-state';
import { warningsForDiff } from '../../../node/monitor/warnings-for-diff';
import { chain, report, unread, warning } from './fixtures';

function tracked(...warnings: ReturnType<typeof warning>[]): NotifyState {
  const active: NotifyState['active'] = {};
  for (const w of warnings) active[w.id] = { warning: w, since: '1', streak: 0, pending: null };
  return { version: 1, active, notified: {}, held: [] };
}

describe('warningsForDiff', () => {
  it('passes a complete report through unchanged', () => {
    const r = report({ warnings: [warning('concentration-protocol', 'renzo')] });
    expect(warningsForDiff(r, tracked(warning('slashable-exposure', 'portfolio')))).toEqual(r.warnings);
  });

  it('in a degraded refresh holds composition warnings at their tracked version and keeps missing ones', () => {
    const trackedShare = warning('concentration-protocol', 'ether.fi', 'warning');
    const trackedSlash = warning('slashable-exposure', 'portfolio', 'critical');
    const trackedStale = warning('stale-data', '42161');
    const r = report({
      unread: [unread('1:0xW:')],
      warnings: [
        warning('concentration-protocol', 'ether.fi', 'critical'),
        warning('concentration-operator', '0xop'),
        warning('failed-reads', '1'),
        warning('depeg', 'ezETH@1', 'critical'),
      ],
    });
    const out = warningsForDiff(r, tracked(trackedShare, trackedSlash, trackedStale));
    expect(out).toEqual(expect.arrayContaining([trackedShare, trackedSlash, warning('failed-reads', '1'), warning('depeg', 'ezETH@1', 'critical')]));
    expect(out).toHaveLength(4);
  });

  it('treats a chain that could not be read as degraded, even without unread positions', () => {
    const r = report({ chains: [chain(1), chain(42161, 'failed')], warnings: [warning('concentration-avs', '0xavs')] });
    expect(warningsForDiff(r, tracked())).toEqual([]);
  });

  it('does not treat a partial chain whose holdings were all read as degraded', () => {
    const r = report({ chains: [chain(1, 'partial')], warnings: [warning('concentration-avs', '0xavs')] });
    expect(warningsForDiff(r, tracked())).toEqual(r.warnings);
  });
});
