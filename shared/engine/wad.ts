/** 1e18: the unit of EigenLayer magnitudes and of per-token NAV rates. */
export const WAD = 10n ** 18n;
