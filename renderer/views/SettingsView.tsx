import { useId, useState } from 'react';
import { SEVERITIES, type Severity } from '../../shared/report';
import { chains } from '../../shared/registry/chains';
import { DEFAULT_LOG_BLOCK_RANGE, LANGUAGES, logBlockRangeSchema, MAX_LOG_BLOCK_RANGE, MIN_LOG_BLOCK_RANGE, type Language, type Settings } from '../../shared/settings/settings';
import { defaultThresholds, type Thresholds } from '../../shared/settings/thresholds';
import { useApp } from '../app-context';
import { ChannelSettings } from '../components/ChannelSettings';
import { SEVERITY_KEY } from '../components/SeverityBadge';
import { safeText } from '../display/safe-text';
import { en, type CatalogKey } from '../i18n/catalog';
import { ResultMessage } from '../components/ResultMessage';

interface Props {
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
  /** Shown in the web face only: the page itself shows notifications there. */
  readonly browserNotifications: boolean;
  /** The desktop app's own settings (tray, login item): shown only there. */
  readonly desktopApp?: boolean;
}

const THRESHOLD_KEYS = Object.keys(defaultThresholds) as (keyof Thresholds)[]; // Object.keys loses the key type.
const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '简体中文' } as const satisfies Record<Language, string>;

function isCatalogKey(key: string): key is CatalogKey {
  return key in en;
}

function thresholdLabel(key: string): CatalogKey {
  const candidate = `th${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  return isCatalogKey(candidate) ? candidate : 'thresholds';
}

type TestResult = { readonly url: string; readonly text: string; readonly ok: boolean };

/** A chain's eth_getLogs range field: empty (the default) or a range the settings schema accepts. */
function logRangeValid(text: string): boolean {
  return text.trim() === '' || (/^\d+$/.test(text.trim()) && logBlockRangeSchema.safeParse(Number(text.trim())).success);
}

export function SettingsView({ settings, onSaved, browserNotifications, desktopApp = false }: Props) {
  const { api, t } = useApp();
  const id = useId();
  const [rpc, setRpc] = useState<Record<string, string>>(() =>
    Object.fromEntries(chains.map((c) => [String(c.id), (settings.rpcEndpoints[String(c.id)] ?? []).join('\n')])),
  );
  const [tests, setTests] = useState<Record<string, readonly TestResult[] | 'running'>>({});
  const [refresh, setRefresh] = useState(() => ({ ...settings.refresh }));
  const [logRange, setLogRange] = useState<Record<string, string>>(() =>
    Object.fromEntries(chains.map((c) => [String(c.id), String(settings.logBlockRange[String(c.id)] ?? '')])),
  );
  const [thresholds, setThresholds] = useState<Record<string, string>>(() => Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, String(settings.thresholds[k])])));
  const [notify, setNotify] = useState(() => ({ ...settings.notifications, quietHours: { ...settings.notifications.quietHours } }));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [permission, setPermission] = useState<string>(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));

  const urlsOf = (chainId: number): string[] =>
    (rpc[String(chainId)] ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== '');

  async function test(chainId: number, fallback: string): Promise<void> {
    const urls = urlsOf(chainId);
    const list = urls.length > 0 ? urls : [fallback];
    setTests((s) => ({ ...s, [chainId]: 'running' }));
    const results: TestResult[] = [];
    for (const url of list) {
      const result = await api.testRpc({ chainId, url });
      if (!result.ok) results.push({ url, ok: false, text: t('rpcFailed', { message: safeText(result.error.message, 300) }) });
      else if (result.value.chainId !== chainId) results.push({ url, ok: false, text: t('rpcWrongChain', { chainId: result.value.chainId, expected: chainId }) });
      else results.push({ url, ok: true, text: t('rpcOk', { chainId: result.value.chainId, block: BigInt(result.value.blockNumber.slice(0, -1)).toLocaleString('en-US') }) });
    }
    setTests((s) => ({ ...s, [chainId]: results }));
  }

  const badThresholds = THRESHOLD_KEYS.filter((k) => !Number.isFinite(Number.parseFloat(thresholds[k] ?? '')));
  const badLogRanges = chains.filter((c) => !logRangeValid(logRange[String(c.id)] ?? '')).map((c) => c.id);

  async function save(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    if (badThresholds.length > 0 || badLogRanges.length > 0) return;
    const rpcEndpoints: Record<string, string[]> = {};
    for (const c of chains) {
      const urls = urlsOf(c.id);
      if (urls.length > 0) rpcEndpoints[String(c.id)] = urls;
    }
    const parsedThresholds = Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, Number.parseFloat(thresholds[k] ?? '')]));
    // A patch merges per chain and cannot delete a key: a cleared field stores the default explicitly.
    const logBlockRange: Record<string, number> = {};
    for (const c of chains) {
      const text = (logRange[String(c.id)] ?? '').trim();
      if (text !== '') logBlockRange[String(c.id)] = Number(text);
      else if (settings.logBlockRange[String(c.id)] !== undefined) logBlockRange[String(c.id)] = DEFAULT_LOG_BLOCK_RANGE;
    }
    const result = await api.updateSettings({
      rpcEndpoints,
      refresh,
      thresholds: parsedThresholds,
      logBlockRange,
      notifications: { enabled: notify.enabled, minimumSeverity: notify.minimumSeverity, quietHours: notify.quietHours },
    });
    if (result.ok) {
      setStatus({ ok: true, text: t('saved') });
      onSaved(result.value);
    } else setStatus({ ok: false, text: t('saveFailed', { message: safeText(result.error.message, 400) }) });
  }

  /** Saves a change at once (language, tray, login item), outside the form's Save. */
  async function saveNow(patch: Parameters<typeof api.updateSettings>[0]): Promise<void> {
    const result = await api.updateSettings(patch);
    if (result.ok) onSaved(result.value);
    else setStatus({ ok: false, text: t('saveFailed', { message: safeText(result.error.message, 400) }) });
  }

  async function askPermission(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  }

  const numberField = (key: keyof typeof refresh, label: CatalogKey) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <input id={`${id}-${key}`} type="number" min={1} value={refresh[key]} onChange={(e) => setRefresh({ ...refresh, [key]: Number(e.target.value) })} />
    </div>
  );

  return (
    <form className="settings" onSubmit={(e) => void save(e)} noValidate>
      <section className="card">
        <h2 id={`${id}-lang`}>{t('language')}</h2>
        <label htmlFor={`${id}-language`}>{t('language')}</label>
        <select id={`${id}-language`} value={settings.language} onChange={(e) => void saveNow({ language: LANGUAGES.find((l) => l === e.target.value) ?? 'en' })}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </section>
      {desktopApp && (
        <section className="card" aria-labelledby={`${id}-desktop`}>
          <h2 id={`${id}-desktop`}>{t('desktopApp')}</h2>
          <p className="muted small">{t('desktopAppHelp')}</p>
          <div>
            <label>
              <input type="checkbox" checked={settings.closeToTray} onChange={(e) => void saveNow({ closeToTray: e.target.checked })} /> {t('closeToTray')}
            </label>
          </div>
          <div>
            <label>
              <input type="checkbox" checked={settings.launchAtLogin} onChange={(e) => void saveNow({ launchAtLogin: e.target.checked })} /> {t('launchAtLogin')}
            </label>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby={`${id}-rpc`}>
        <h2 id={`${id}-rpc`}>{t('rpcEndpoints')}</h2>
        <p className="muted small">{t('rpcHelp')}</p>
        {chains.map((c) => {
          const result = tests[c.id];
          return (
            <div className="field rpc" key={c.id}>
              <label htmlFor={`${id}-rpc-${c.id}`}>{t('rpcFor', { chain: c.name })}</label>
              <textarea id={`${id}-rpc-${c.id}`} rows={2} placeholder={c.defaultRpcs[0]} value={rpc[String(c.id)] ?? ''} onChange={(e) => setRpc({ ...rpc, [String(c.id)]: e.target.value })} />
              <button type="button" onClick={() => void test(c.id, c.defaultRpcs[0])} disabled={result === 'running'}>
                {result === 'running' ? t('rpcTesting') : t('rpcTest')} <span className="sr-only">{c.name}</span>
              </button>
              {result !== undefined && result !== 'running' && (
                <ul className="rpc-results" aria-live="polite">
                  {result.map((r) => (
                    <li key={r.url} className={r.ok ? 'field-ok' : 'field-error'}>
                      {r.ok ? '✓' : '✕'} <code>{safeText(r.url.replace(/\/\/[^/]*@/, '//'), 60)}</code> {r.text}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </section>
      <section className="card" aria-labelledby={`${id}-refresh`}>
        <h2 id={`${id}-refresh`}>{t('refreshPolicy')}</h2>
        {numberField('pollIntervalSeconds', 'pollInterval')}
        {numberField('minRefreshIntervalSeconds', 'minRefresh')}
        {numberField('backoffMaxSeconds', 'backoffMax')}
      </section>
      <section className="card" aria-labelledby={`${id}-logs`}>
        <h2 id={`${id}-logs`}>{t('logRangeTitle')}</h2>
        <p className="muted small">{t('logRangeHelp', { default: DEFAULT_LOG_BLOCK_RANGE })}</p>
        {chains.map((c) => {
          const bad = badLogRanges.includes(c.id);
          return (
            <div className="field" key={c.id}>
              <label htmlFor={`${id}-logs-${c.id}`}>{t('logRangeFor', { chain: c.name })}</label>
              <input
                id={`${id}-logs-${c.id}`} type="number" min={MIN_LOG_BLOCK_RANGE} max={MAX_LOG_BLOCK_RANGE} step={1} placeholder={String(DEFAULT_LOG_BLOCK_RANGE)}
                value={logRange[String(c.id)] ?? ''} aria-invalid={bad} onChange={(e) => setLogRange({ ...logRange, [String(c.id)]: e.target.value })}
              />
              {bad && <span className="field-error">✕ {t('logRangeInvalid', { min: MIN_LOG_BLOCK_RANGE, max: MAX_LOG_BLOCK_RANGE })}</span>}
            </div>
          );
        })}
      </section>
      <section className="card" aria-labelledby={`${id}-th`}>
        <h2 id={`${id}-th`}>{t('thresholds')}</h2>
        <div className="threshold-grid">
          {THRESHOLD_KEYS.map((k) => {
            const bad = badThresholds.includes(k);
            return (
              <div className="field" key={k}>
                <label htmlFor={`${id}-th-${k}`}>{t(thresholdLabel(k))}</label>
                <input id={`${id}-th-${k}`} type="number" step="any" min={0} value={thresholds[k] ?? ''} aria-invalid={bad} onChange={(e) => setThresholds({ ...thresholds, [k]: e.target.value })} />
                {bad && <span className="field-error">✕ {t('invalidNumber')}</span>}
              </div>
            );
          })}
        </div>
      </section>
      <section className="card" aria-labelledby={`${id}-notify`}>
        <h2 id={`${id}-notify`}>{t('notifications')}</h2>
        <label>
          <input type="checkbox" checked={notify.enabled} onChange={(e) => setNotify({ ...notify, enabled: e.target.checked })} /> {t('notificationsEnabled')}
        </label>
        <div className="field">
          <label htmlFor={`${id}-minsev`}>{t('minimumSeverity')}</label>
          <select id={`${id}-minsev`} value={notify.minimumSeverity} onChange={(e) => setNotify({ ...notify, minimumSeverity: SEVERITIES.find((s): s is Severity => s === e.target.value) ?? 'warning' })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(SEVERITY_KEY[s])}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('quietHours')}</legend>
          <label>
            <input type="checkbox" checked={notify.quietHours.enabled} onChange={(e) => setNotify({ ...notify, quietHours: { ...notify.quietHours, enabled: e.target.checked } })} /> {t('quietEnabled')}
          </label>
          <label>
            {t('quietStart')} <input type="time" value={notify.quietHours.start} onChange={(e) => setNotify({ ...notify, quietHours: { ...notify.quietHours, start: e.target.value } })} />
          </label>
          <label>
            {t('quietEnd')} <input type="time" value={notify.quietHours.end} onChange={(e) => setNotify({ ...notify, quietHours: { ...notify.quietHours, end: e.target.value } })} />
          </label>
        </fieldset>
        {browserNotifications && (
          <div className="field">
            <h3>{t('browserNotifications')}</h3>
            {permission === 'granted' ? (
              <p className="field-ok">✓ {t('notificationsGranted')}</p>
            ) : permission === 'denied' ? (
              <p className="field-error">✕ {t('notificationsDenied')}</p>
            ) : permission === 'unsupported' ? (
              <p>{t('notificationsUnsupported')}</p>
            ) : (
              <button type="button" onClick={() => void askPermission()}>
                {t('allowNotifications')}
              </button>
            )}
          </div>
        )}
      </section>
      <ChannelSettings settings={settings} onSaved={onSaved} />
      <div className="save-bar">
        <button type="submit" disabled={badThresholds.length > 0 || badLogRanges.length > 0}>
          {t('saveSettings')}
        </button>
        {status !== null && <ResultMessage result={status} inline />}
      </div>
    </form>
  );
}
