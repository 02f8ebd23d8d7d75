import type { RiskReport } from '../../shared/report';
import type { Store } from '../store/open-store';
import type { MonitorStore } from './create-monitor';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a stored report has the report's shape where the monitor relies on it (the store keeps
 * it as JSON; a report written by an older version may lack fields). A report that fails is
 * ignored: the next refresh rebuilds it.
 */
export function looksLikeRiskReport(value: unknown): value is RiskReport {
  if (!isObject(value)) return false;
  const metrics = value['metrics'];
  return (
    typeof value['generatedAt'] === 'bigint' &&
    Array.isArray(value['positions']) &&
    value['positions'].every((position: unknown) => isObject(position) && typeof position['id'] === 'string') &&
    Array.isArray(value['unread']) &&
    Array.isArray(value['warnings']) &&
    Array.isArray(value['chains']) &&
    Array.isArray(value['wallets']) &&
    Array.isArray(value['navRates']) &&
    isObject(metrics) &&
    typeof metrics['totalValueEth'] === 'bigint'
  );
}

/** The monitor's view of the persisted store (node/store). */
export function monitorStoreFrom(store: Store): MonitorStore {
  return {
    getWallets: () => store.get().wallets,
    getSettings: () => store.get().settings,
    getLastReport: () => {
      const stored = store.getLastReport();
      return looksLikeRiskReport(stored) ? stored : null;
    },
    getNotifyState: () => store.getNotifyState(),
    setNotifyState: (state) => store.setNotifyState(state),
    saveReport: (report) => store.saveReport(report),
    appendHistory: (point) => store.appendHistory(point),
    saveRefresh: (write) => store.saveRefresh(write).rejected,
  };
}
