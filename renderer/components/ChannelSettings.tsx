// The "Notification channels" part of the Settings view (issue 11): the desktop notifier on/off and
// the webhook list. Every change is saved at once through updateSettings; the list shown is always
// the saved settings. A webhook's URL may carry a token and its secret is an HMAC key, so once saved
// neither is ever rendered: a row shows only scheme://host/…, the format and whether it is signed.
import { useId, useState } from 'react';
import { SEVERITIES, type Severity } from '../../shared/report';
import { MAX_WEBHOOKS, WEBHOOK_FORMATS, webhookConfigSchema, type Settings, type WebhookConfig, type WebhookFormat } from '../../shared/settings/settings';
import { useApp } from '../app-context';
import { safeText } from '../display/safe-text';
import type { CatalogKey } from '../i18n/catalog';
import { SEVERITY_KEY } from './SeverityBadge';
import { ResultMessage } from './ResultMessage';

interface Props {
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
}

const FORMAT_KEY = { json: 'chFormat_json', ntfy: 'chFormat_ntfy', discord: 'chFormat_discord', slack: 'chFormat_slack' } as const satisfies Record<WebhookFormat, CatalogKey>;

/** `scheme://host/…`: no user info, path, query or fragment (any of them may be a token); node/channels/redact-url.ts does the same for logs. */
function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '…';
  }
}

type Draft = { url: string; format: WebhookFormat; secret: string; minimumSeverity: Severity | 'all' };
const EMPTY_DRAFT: Draft = { url: '', format: 'json', secret: '', minimumSeverity: 'all' };
type Message = { readonly ok: boolean; readonly text: string };

export function ChannelSettings({ settings, onSaved }: Props) {
  const { api, t } = useApp();
  const id = useId();
  const { desktop, webhooks } = settings.channels;
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [secretError, setSecretError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const full = webhooks.length >= MAX_WEBHOOKS;

  async function save(patch: { desktop: { enabled: boolean } } | { webhooks: WebhookConfig[] }, done: CatalogKey | null): Promise<boolean> {
    setBusy(true);
    try {
      const result = await api.updateSettings({ channels: patch });
      if (!result.ok) {
        setMessage({ ok: false, text: t('saveFailed', { message: safeText(result.error.message, 400) }) });
        return false;
      }
      setMessage(done === null ? null : { ok: true, text: t(done) });
      onSaved(result.value);
      return true;
    } catch (error) {
      setMessage({ ok: false, text: t('saveFailed', { message: safeText(error instanceof Error ? error.message : String(error), 400) }) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(): Promise<void> {
    if (full) return;
    const url = draft.url.trim();
    const urlOk = webhookConfigSchema.shape.url.safeParse(url).success;
    const secretOk = draft.secret === '' || webhookConfigSchema.shape.secret.safeParse(draft.secret).success;
    setUrlError(urlOk ? null : t('chBadUrl'));
    setSecretError(secretOk ? null : t('chBadSecret'));
    if (!urlOk || !secretOk) return;
    if (webhooks.some((w) => w.url === url && w.format === draft.format)) {
      setUrlError(t('chDuplicate'));
      return;
    }
    const webhook: WebhookConfig = {
      url,
      format: draft.format,
      secret: draft.secret === '' ? null : draft.secret,
      minimumSeverity: draft.minimumSeverity === 'all' ? null : draft.minimumSeverity,
    };
    // Arrays in a settings patch are replaced whole: send the saved list plus the new one.
    if (await save({ webhooks: [...webhooks, webhook] }, 'chAdded')) setDraft(EMPTY_DRAFT);
  }

  function remove(index: number): void {
    void save({ webhooks: webhooks.filter((_, i) => i !== index) }, 'chRemoved');
  }

  // The add fields sit inside the Settings form: Enter adds the webhook instead of saving the form.
  const onEnter = (event: React.KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };

  return (
    <section className="card channels" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('chTitle')}</h2>
      <p className="muted small">{t('chHelp')}</p>
      <label>
        <input type="checkbox" checked={desktop.enabled} disabled={busy} onChange={(e) => void save({ desktop: { enabled: e.target.checked } }, 'saved')} /> {t('chDesktop')}
      </label>
      <h3>{t('chWebhooks')}</h3>
      {webhooks.length === 0 ? (
        <p className="muted">{t('chNoWebhooks')}</p>
      ) : (
        <ul className="webhook-list">
          {webhooks.map((w, index) => (
            // The URL is not a usable key (never rendered, may repeat with another format).
            <li className="webhook-item" key={index}>
              <code className="webhook-url">{safeText(redactWebhookUrl(w.url), 80)}</code>
              <span className="webhook-meta">
                {t(FORMAT_KEY[w.format])} · {w.secret === null ? t('chUnsigned') : t('chSigned')} ·{' '}
                {w.minimumSeverity === null ? t('chRowAll') : t('chRowMin', { severity: t(SEVERITY_KEY[w.minimumSeverity]) })}
              </span>
              <button type="button" disabled={busy} aria-label={t('chRemoveLabel', { n: index + 1 })} onClick={() => remove(index)}>
                {t('chRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="webhook-add" disabled={busy}>
        <legend>{t('chAddTitle')}</legend>
        {full && (
          <p className="field-error" role="alert">
            ✕ {t('chMax', { max: MAX_WEBHOOKS })}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('chUrl')}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://ntfy.sh/…"
            value={draft.url}
            aria-invalid={urlError !== null}
            aria-describedby={urlError === null ? undefined : `${id}-url-error`}
            disabled={full}
            onKeyDown={onEnter}
            onChange={(e) => {
              setDraft({ ...draft, url: e.target.value });
              setUrlError(null);
            }}
          />
          {urlError !== null && (
            <span className="field-error" id={`${id}-url-error`} role="alert">
              ✕ {urlError}
            </span>
          )}
        </div>
        <div className="webhook-add-row">
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('chFormat')}</label>
            <select id={`${id}-format`} value={draft.format} disabled={full} onChange={(e) => setDraft({ ...draft, format: WEBHOOK_FORMATS.find((f) => f === e.target.value) ?? 'json' })}>
              {WEBHOOK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(FORMAT_KEY[f])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-sev`}>{t('chMinSeverity')}</label>
            <select
              id={`${id}-sev`}
              value={draft.minimumSeverity}
              disabled={full}
              onChange={(e) => setDraft({ ...draft, minimumSeverity: SEVERITIES.find((s) => s === e.target.value) ?? 'all' })}
            >
              <option value="all">{t('chSeverityAll')}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(SEVERITY_KEY[s])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-secret`}>{t('chSecret')}</label>
            <input
              id={`${id}-secret`}
              type="password"
              autoComplete="new-password"
              value={draft.secret}
              aria-invalid={secretError !== null}
              disabled={full}
              onKeyDown={onEnter}
              onChange={(e) => {
                setDraft({ ...draft, secret: e.target.value });
                setSecretError(null);
              }}
            />
            {secretError !== null && (
              <span className="field-error" role="alert">
                ✕ {secretError}
              </span>
            )}
          </div>
        </div>
        <button type="button" disabled={full || busy} onClick={() => void add()}>
          {busy ? t('chAdding') : t('chAdd')}
        </button>
      </fieldset>
      {message !== null && <ResultMessage result={message} />}
    </section>
  );
}
