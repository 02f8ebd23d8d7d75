import { useId, useState } from 'react';
import { formatEth, shortAddress } from '../../shared/format';
import type { Wallet } from '../../shared/ipc/contract';
import type { RiskReport } from '../../shared/report';
import { parseWalletInput } from '../../shared/wallet-input';
import { useApp } from '../app-context';
import { safeText } from '../display/safe-text';

interface Props {
  readonly wallets: readonly Wallet[];
  readonly report: RiskReport | null;
  readonly onChanged: () => void;
}

type Feedback = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

function walletName(wallet: Wallet): string {
  return wallet.label !== '' ? safeText(wallet.label, 40) : wallet.ensName !== null ? safeText(wallet.ensName, 40) : shortAddress(wallet.address);
}

export function WalletsView({ wallets, report, onChanged }: Props) {
  const { api, t } = useApp();
  const inputId = useId();
  const [input, setInput] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const parsed = input.trim() === '' ? null : parseWalletInput(input);
  const duplicate = parsed?.kind === 'address' && wallets.some((w) => w.address === parsed.address);
  const ensDuplicate = parsed?.kind === 'ens' && wallets.some((w) => w.ensName === parsed.name);
  const validation =
    parsed === null
      ? null
      : parsed.kind === 'error'
        ? { error: true, text: safeText(parsed.message, 300) }
        : duplicate || ensDuplicate
          ? { error: true, text: t('walletDuplicate') }
          : parsed.kind === 'ens'
            ? { error: false, text: t('walletLooksEns', { name: safeText(parsed.name, 60) }) }
            : { error: false, text: t('walletLooksAddress', { address: parsed.address }) };

  async function add(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    if (parsed === null || parsed.kind === 'error' || validation?.error === true) return;
    setBusy(true);
    setFeedback(null);
    const trimmed = label.trim();
    const result = await api.addWallet(trimmed === '' ? { input: input.trim() } : { input: input.trim(), label: trimmed });
    setBusy(false);
    if (result.ok) {
      setFeedback({ kind: 'ok', text: t('walletAdded', { wallet: walletName(result.value) }) });
      setInput('');
      setLabel('');
      onChanged();
    } else if (result.error.code === 'duplicate') {
      setFeedback({ kind: 'error', text: t('walletDuplicate') });
    } else if (result.error.code === 'ens-unresolved') {
      setFeedback({ kind: 'error', text: t('walletEnsFailed', { message: safeText(result.error.message, 300) }) });
    } else {
      setFeedback({ kind: 'error', text: t('walletAddFailed', { message: safeText(result.error.message, 300) }) });
    }
  }

  async function rename(address: Wallet['address']): Promise<void> {
    const result = await api.renameWallet({ address, label: newLabel });
    if (result.ok) {
      setRenaming(null);
      onChanged();
    } else setFeedback({ kind: 'error', text: t('saveFailed', { message: safeText(result.error.message, 300) }) });
  }

  async function remove(address: Wallet['address']): Promise<void> {
    const result = await api.removeWallet({ address });
    setConfirming(null);
    if (result.ok) onChanged();
    else setFeedback({ kind: 'error', text: t('saveFailed', { message: safeText(result.error.message, 300) }) });
  }

  return (
    <div className="wallets">
      <form className="card add-wallet" onSubmit={(e) => void add(e)} aria-labelledby="add-h" noValidate>
        <h2 id="add-h">{t('addWallet')}</h2>
        <label htmlFor={inputId}>{t('walletInput')}</label>
        <input
          id={inputId}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={validation?.error === true}
          aria-describedby={`${inputId}-help ${inputId}-val`}
        />
        <p id={`${inputId}-help`} className="muted small">
          {t('walletInputHelp')}
        </p>
        <p id={`${inputId}-val`} className={validation?.error === true ? 'field-error' : 'field-ok'} role={validation?.error === true ? 'alert' : undefined}>
          {validation !== null && (validation.error ? '✕ ' : '✓ ')}
          {validation?.text}
        </p>
        <label htmlFor={`${inputId}-label`}>{t('walletLabel')}</label>
        <input id={`${inputId}-label`} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" disabled={busy || parsed === null || validation?.error === true}>
          {busy ? t('walletAdding') : t('addWallet')}
        </button>
        {feedback !== null && (
          <p className={feedback.kind === 'error' ? 'field-error' : 'field-ok'} role={feedback.kind === 'error' ? 'alert' : 'status'}>
            {feedback.kind === 'error' ? '✕ ' : '✓ '}
            {feedback.text}
          </p>
        )}
      </form>
      <section className="card" aria-labelledby="wl-h">
        <h2 id="wl-h">{t('wallets')}</h2>
        {wallets.length === 0 ? (
          <p>{t('walletNone')}</p>
        ) : (
          <ul className="wallet-list">
            {wallets.map((w) => {
              const summary = report?.wallets.find((s) => s.address === w.address);
              return (
                <li key={w.address} className="wallet-item">
                  <div>
                    <strong>{walletName(w)}</strong>{' '}
                    <code title={w.address}>{shortAddress(w.address)}</code>
                    {w.ensName !== null && w.label !== '' && <span className="muted"> {safeText(w.ensName, 40)}</span>}
                  </div>
                  {summary !== undefined && (
                    <div className="muted">
                      {t('walletValue', { value: formatEth(summary.valueEth) })} · {t('walletPositions', { count: summary.positionCount })}
                    </div>
                  )}
                  {renaming === w.address ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void rename(w.address);
                      }}
                    >
                      <label>
                        {t('newLabel', { wallet: shortAddress(w.address) })}
                        <input value={newLabel} maxLength={100} onChange={(e) => setNewLabel(e.target.value)} autoFocus />
                      </label>
                      <button type="submit">{t('save')}</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('cancel')}
                      </button>
                    </form>
                  ) : confirming === w.address ? (
                    <div role="alertdialog" aria-label={t('remove')}>
                      <p>{t('removeConfirm', { wallet: walletName(w) })}</p>
                      <button type="button" className="danger" onClick={() => void remove(w.address)}>
                        {t('removeYes')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)} autoFocus>
                        {t('cancel')}
                      </button>
                    </div>
                  ) : (
                    <div className="actions">
                      <button
                        type="button"
                        onClick={() => {
                          setRenaming(w.address);
                          setNewLabel(w.label);
                        }}
                      >
                        {t('rename')}
                      </button>
                      <button type="button" onClick={() => setConfirming(w.address)}>
                        {t('remove')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
