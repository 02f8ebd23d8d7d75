/**
 * Channel names of the API, kept apart from the schemas so the preload can use them without
 * bundling zod. The contract (./contract) pairs each channel with its schemas.
 */
export const API_CHANNELS = {
  getState: 'matryoshka:get-state',
  addWallet: 'matryoshka:add-wallet',
  removeWallet: 'matryoshka:remove-wallet',
  renameWallet: 'matryoshka:rename-wallet',
  updateSettings: 'matryoshka:update-settings',
  refreshNow: 'matryoshka:refresh-now',
  setPaused: 'matryoshka:set-paused',
  testRpc: 'matryoshka:test-rpc',
  muteKind: 'matryoshka:mute-kind',
} as const;

/** Channels of the events the core pushes to the views. */
export const EVENT_CHANNELS = {
  report: 'matryoshka:event:report',
  progress: 'matryoshka:event:progress',
  openWarning: 'matryoshka:event:open-warning',
} as const;

/** Name of the global the preload exposes the API under (`window.matryoshka` in the desktop app). */
export const API_GLOBAL_NAME = 'matryoshka';
