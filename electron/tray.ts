import { Menu, Tray, nativeImage } from 'electron';
import { trayState, type TrayLevel, type TrayStateInput } from './tray-state';

export interface TrayActions {
  open(): void;
  refreshNow(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export interface AppTray {
  /** Redraws icon, tooltip and menu for the current report and pause state. */
  update(input: TrayStateInput): void;
  /** The level currently shown. */
  level(): TrayLevel;
  destroy(): void;
}

/**
 * The tray icon: its image is the worst current severity (`iconPath(level)` points at one PNG per
 * level), its menu opens the window, refreshes now, pauses or resumes monitoring, and quits.
 */
export function createAppTray(iconPath: (level: TrayLevel) => string, actions: TrayActions): AppTray {
  let current: TrayStateInput = { severities: null, paused: false };
  let shown: TrayLevel = trayState(current).level;
  const tray = new Tray(nativeImage.createFromPath(iconPath(shown)));

  const draw = (): void => {
    const state = trayState(current);
    shown = state.level;
    tray.setImage(nativeImage.createFromPath(iconPath(state.level)));
    tray.setToolTip(state.tooltip);
    const paused = current.paused;
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Matryoshka', click: () => actions.open() },
        { label: 'Refresh now', enabled: !paused, click: () => actions.refreshNow() },
        { label: paused ? 'Resume monitoring' : 'Pause monitoring', click: () => actions.setPaused(!paused) },
        { type: 'separator' },
        { label: 'Quit', click: () => actions.quit() },
      ]),
    );
  };

  tray.on('click', () => actions.open());
  draw();
  return {
    update(input) {
      current = input;
      draw();
    },
    level: () => shown,
    destroy: () => tray.destroy(),
  };
}
