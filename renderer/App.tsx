import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { shortAddress } from '../shared/format';
import type { MatryoshkaApi } from '../shared/ipc/contract';
import type { WsNotification } from '../shared/ipc/ws-protocol';
import type { Language } from '../shared/settings/settings';
import { AppContext, type AppContextValue } from './app-context';
import { EmptyState } from './components/EmptyState';
import { StatusBanners } from './components/StatusBanners';
import { safeText } from './display/safe-text';
import { translate, type CatalogKey } from './i18n/catalog';
import { showBrowserNotification } from './notify/show-browser-notification';
import { useAppModel } from './use-app-model';
import { OverviewView } from './views/OverviewView';
import { PositionsView } from './views/PositionsView';
import { SettingsView } from './views/SettingsView';
import { WalletsView } from './views/WalletsView';
import { WarningsView } from './views/WarningsView';
import { WithdrawalsView } from './views/WithdrawalsView';

export const TABS = ['overview', 'wallets', 'positions', 'withdrawals', 'warnings', 'settings'] as const;
export type Tab = (typeof TABS)[number];
const TAB_KEY = {
  overview: 'tabOverview',
  wallets: 'tabWallets',
  positions: 'tabPositions',
  withdrawals: 'tabWithdrawals',
  warnings: 'tabWarnings',
  settings: 'tabSettings',
} as const satisfies Record<Tab, CatalogKey>;

interface Props {
  readonly api: MatryoshkaApi;
  /** The web face's pushed notifications; absent in the desktop app (main shows them). */
  readonly onNotification?: (listener: (notification: WsNotification) => void) => () => void;
  /** Clock for countdowns (tests pass a fixed one). */
  readonly clock?: () => number;
  readonly initialTab?: Tab;
}

export function App({ api, onNotification, clock = Date.now, initialTab = 'overview' }: Props) {
  const model = useAppModel(api);
  const [tab, setTab] = useState<Tab>(initialTab);
  const [focusWarning, setFocusWarning] = useState<string | null>(null);
  const [now, setNow] = useState(clock);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(timer);
  }, [clock]);

  const openWarning = useCallback((warningId: string | null) => {
    setFocusWarning(warningId);
    setTab('warnings');
  }, []);

  useEffect(() => api.onOpenWarning((e) => openWarning(e.warningId)), [api, openWarning]);
  useEffect(() => (onNotification === undefined ? undefined : onNotification((n) => void showBrowserNotification(n, openWarning))), [onNotification, openWarning]);

  const language: Language = model.state?.settings.language ?? 'en';
  const context = useMemo<AppContextValue>(() => ({ api, language, now, t: (key, params) => translate(language, key, params) }), [api, language, now]);
  const t = context.t;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const walletName = useCallback(
    (address: string): string => {
      const wallet = model.state?.wallets.find((w) => w.address.toLowerCase() === address.toLowerCase());
      if (wallet === undefined) return shortAddress(address);
      return wallet.label !== '' ? safeText(wallet.label, 30) : wallet.ensName !== null ? safeText(wallet.ensName, 30) : shortAddress(address);
    },
    [model.state],
  );

  function onTabKey(event: React.KeyboardEvent, index: number): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let next: number | null = step === 0 ? null : (index + step + TABS.length) % TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[next] ?? 'overview';
    setTab(target);
    tabRefs.current[target]?.focus();
  }

  const { state, report } = model;
  let body: React.ReactNode;
  if (state === null) {
    body =
      model.loadError !== null ? (
        <div className="card" role="alert">
          <p>✕ {t('connectionError', { message: safeText(model.loadError, 300) })}</p>
          <button type="button" onClick={() => void model.reload()}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('loading')}</p>
      );
  } else if (tab === 'wallets') {
    body = <WalletsView wallets={state.wallets} report={report} onChanged={() => void model.reload()} />;
  } else if (tab === 'settings') {
    body = <SettingsView settings={state.settings} onSaved={model.setSettings} browserNotifications={onNotification !== undefined} desktopApp={onNotification === undefined} />;
  } else if (state.wallets.length === 0) {
    body = <EmptyState onAddWallet={() => setTab('wallets')} />;
  } else if (report === null) {
    body = <p className="card">{t('noReport')}</p>;
  } else if (tab === 'overview') {
    body = <OverviewView report={report} history={model.history} onShowWarnings={() => setTab('warnings')} />;
  } else if (tab === 'positions') {
    body = <PositionsView report={report} walletName={walletName} />;
  } else if (tab === 'withdrawals') {
    body = <WithdrawalsView report={report} walletName={walletName} />;
  } else {
    body = (
      <WarningsView
        report={report}
        mutedKinds={state.settings.notifications.mutedKinds}
        onMuted={(mutedKinds) => model.setSettings({ ...state.settings, notifications: { ...state.settings.notifications, mutedKinds: [...mutedKinds] } })}
        focusId={focusWarning}
      />
    );
  }

  return (
    <AppContext value={context}>
      <header className="app-header">
        <div>
          <h1>{t('appTitle')}</h1>
          <p className="muted small">{t('appTagline')}</p>
        </div>
        {state !== null && (
          <div className="header-actions">
            <button type="button" onClick={() => void api.refreshNow()} disabled={model.progress?.running === true}>
              ⟳ {t('refreshNow')}
            </button>
            <button
              type="button"
              aria-pressed={state.paused}
              onClick={() => void api.setPaused({ paused: !state.paused }).then(() => model.reload())}
            >
              {state.paused ? `▶ ${t('resume')}` : `❚❚ ${t('pause')}`}
            </button>
          </div>
        )}
      </header>
      <nav>
        <div role="tablist" aria-label={t('tabsLabel')} className="tabs">
          {TABS.map((name, index) => (
            <button
              key={name}
              ref={(el) => {
                tabRefs.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              {t(TAB_KEY[name])}
              {name === 'warnings' && report !== null && report.warnings.length > 0 && <span className="count"> ({report.warnings.length})</span>}
            </button>
          ))}
        </div>
      </nav>
      {state !== null && (
        <StatusBanners progress={model.progress} report={report} staleSeconds={state.settings.thresholds.staleDataSeconds} problems={state.problems} paused={state.paused} />
      )}
      <main role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {body}
      </main>
    </AppContext>
  );
}
