import { useApp } from '../app-context';

export function EmptyState({ onAddWallet }: { readonly onAddWallet: () => void }) {
  const { t } = useApp();
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyBody')}</p>
      <p>
        <code>{t('emptyDemo')}</code>
      </p>
      <button type="button" onClick={onAddWallet}>
        {t('emptyGoWallets')}
      </button>
    </section>
  );
}
