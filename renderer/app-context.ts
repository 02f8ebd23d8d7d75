import { createContext, useContext } from 'react';
import type { MatryoshkaApi } from '../shared/ipc/contract';
import type { Language } from '../shared/settings/settings';
import type { CatalogKey } from './i18n/catalog';

export interface AppContextValue {
  readonly api: MatryoshkaApi;
  readonly language: Language;
  readonly t: (key: CatalogKey, params?: Readonly<Record<string, string | number>>) => string;
  /** Unix milliseconds, ticking once a second (countdowns). */
  readonly now: number;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp outside <AppContext>');
  return value;
}
