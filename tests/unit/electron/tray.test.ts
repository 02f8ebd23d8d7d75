import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Severity } from '../../../shared/report';
import { Tray, type FakeMenuItem } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createAppTray } = await import('../../../electron/tray');
const { TRAY_LEVELS, trayState } = await import('../../../electron/tray-state');

describe('tray icons', () => {
  it.each(TRAY_LEVELS)('exist for %s, at 16 px and 32 px (@2x)', (level) => {
    for (const [suffix, size] of [['', 16], ['@2x', 32]] as const) {
      const png = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'build', 'tray', `tray-${level}${suffix}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe('trayState', () => {
  it.each<[readonly Severity[], string, string]>([
    [[], 'ok', 'Matryoshka: no warnings'],
    [['info'], 'info', 'Matryoshka: 1 notice'],
    [['info', 'info'], 'info', 'Matryoshka: 2 notices'],
    [['info', 'warning', 'info'], 'warning', 'Matryoshka: 1 warning'],
    [['warning', 'critical', 'info', 'critical'], 'critical', 'Matryoshka: 2 criticals'],
    [['critical', 'warning'], 'critical', 'Matryoshka: 1 critical'],
  ])('shows the worst severity of %j', (severities, level, tooltip) => {
    expect(trayState({ severities, paused: false })).toEqual({ level, tooltip });
  });

  it('shows paused over any severity, and unknown before the first report', () => {
    expect(trayState({ severities: ['critical'], paused: true }).level).toBe('paused');
    expect(trayState({ severities: null, paused: false }).level).toBe('unknown');
  });
});

describe('createAppTray', () => {
  beforeEach(() => {
    Tray.instances.length = 0;
  });

  function setup() {
    const actions = { open: vi.fn(), refreshNow: vi.fn(), setPaused: vi.fn(), quit: vi.fn() };
    const tray = createAppTray((level) => `/icons/tray-${level}.png`, actions);
    const fake = Tray.instances[0];
    if (fake === undefined) throw new Error('no tray');
    const item = (label: string): FakeMenuItem => {
      const found = fake.menu?.items.find((i) => i.label === label);
      if (found === undefined) throw new Error(`no menu item ${label}`);
      return found;
    };
    return { tray, fake, actions, item };
  }

  it('starts with the unknown icon and follows the worst severity', () => {
    const { tray, fake } = setup();
    expect(fake.image.path).toBe('/icons/tray-unknown.png');
    for (const [severities, level] of [[['info'], 'info'], [['info', 'critical'], 'critical'], [[], 'ok'], [['warning'], 'warning']] as const) {
      tray.update({ severities, paused: false });
      expect(fake.image.path).toBe(`/icons/tray-${level}.png`);
      expect(tray.level()).toBe(level);
    }
    expect(fake.tooltip).toBe('Matryoshka: 1 warning');
  });

  it('has open, refresh now, pause and quit in its menu, wired to the actions', () => {
    const { item, actions } = setup();
    item('Open Matryoshka').click?.();
    item('Refresh now').click?.();
    item('Pause monitoring').click?.();
    item('Quit').click?.();
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.refreshNow).toHaveBeenCalledTimes(1);
    expect(actions.setPaused).toHaveBeenCalledWith(true);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('offers resume while paused, with refresh disabled and the paused icon', () => {
    const { tray, fake, item, actions } = setup();
    tray.update({ severities: ['critical'], paused: true });
    expect(fake.image.path).toBe('/icons/tray-paused.png');
    expect(item('Refresh now').enabled).toBe(false);
    item('Resume monitoring').click?.();
    expect(actions.setPaused).toHaveBeenCalledWith(false);
  });

  it('opens the window on a click on the icon, and can be destroyed', () => {
    const { tray, fake, actions } = setup();
    fake.emit('click');
    expect(actions.open).toHaveBeenCalledTimes(1);
    tray.destroy();
    expect(fake.destroyed).toBe(true);
  });
});
