import { useCallback, useEffect, useState } from 'react';
import type { ApiResult, AppState, EncodedReport, MatryoshkaApi, Progress } from '../shared/ipc/contract';
import { decodeReport } from '../shared/ipc/decode-report';
import type { RiskReport } from '../shared/report';
import type { Settings } from '../shared/settings/settings';

export interface HistoryEntry {
  /** Unix seconds (the report's generatedAt). */
  readonly t: number;
  readonly valueEth: bigint;
  readonly riskScore: number;
}

export interface AppModel {
  readonly state: AppState | null;
  readonly report: RiskReport | null;
  readonly progress: Progress | null;
  /** Points collected from the reports seen while this view is open (AppState carries no history). */
  readonly history: readonly HistoryEntry[];
  readonly loadError: string | null;
  readonly reload: () => Promise<void>;
  readonly setSettings: (settings: Settings) => void;
}

function decodeOrNull(encoded: EncodedReport | null): RiskReport | null {
  if (encoded === null) return null;
  try {
    return decodeReport(encoded);
  } catch {
    return null;
  }
}

function addPoint(history: readonly HistoryEntry[], report: RiskReport | null): readonly HistoryEntry[] {
  if (report === null) return history;
  const t = Number(report.generatedAt);
  if (history.some((p) => p.t === t)) return history;
  return [...history, { t, valueEth: report.metrics.totalValueEth, riskScore: report.metrics.riskScore.score }].slice(-500);
}

/** Adds the store's history points (wei strings) to the ones already shown, by time. */
function mergeStored(history: readonly HistoryEntry[], stored: AppState['history']): readonly HistoryEntry[] {
  const known = new Set(history.map((p) => p.t));
  const added = stored.filter((p) => !known.has(p.t)).map((p) => ({ t: p.t, valueEth: BigInt(p.totalValueEth), riskScore: p.riskScore }));
  return [...history, ...added].sort((a, b) => a.t - b.t).slice(-500);
}

/** Loads the app state and follows the core's pushed reports and progress. */
export function useAppModel(api: MatryoshkaApi): AppModel {
  const [state, setState] = useState<AppState | null>(null);
  const [report, setReport] = useState<RiskReport | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  const apply = useCallback((result: ApiResult<AppState>) => {
    if (!result.ok) {
      setLoadError(result.error.message);
      return;
    }
    setLoadError(null);
    setState(result.value);
    setProgress(result.value.progress);
    const decoded = decodeOrNull(result.value.report);
    setReport(decoded);
    // The stored history first (it survives restarts), then the report just received.
    setHistory((h) => addPoint(mergeStored(h, result.value.history), decoded));
  }, []);

  const reload = useCallback(async () => {
    apply(await api.getState());
  }, [api, apply]);

  useEffect(() => {
    void api.getState().then(apply);
    const offReport = api.onReport((encoded) => {
      const decoded = decodeOrNull(encoded);
      setReport(decoded);
      setHistory((h) => addPoint(h, decoded));
      // Wallet list and labels may have changed with the report: pick them up too.
      void reload();
    });
    const offProgress = api.onProgress(setProgress);
    return () => {
      offReport();
      offProgress();
    };
  }, [api, apply, reload]);

  const setSettings = useCallback((settings: Settings) => {
    setState((s) => (s === null ? s : { ...s, settings }));
  }, []);

  return { state, report, progress, history, loadError, reload, setSettings };
}
