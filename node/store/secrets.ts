/**
 * RPC URLs can carry API keys (`https://mainnet.infura.io/v3/<key>`). When the face passes an
 * `encryptSecret` (the desktop app: Electron safeStorage), each user endpoint is written as
 * `{ "sealed": "<encryptSecret(url)>" }`; without one (web host, CLI), URLs are written as they
 * are, readable by anyone who can read the settings file. A sealed endpoint that cannot be opened
 * (locked keychain, another machine, a face without `decryptSecret`) is not used but is written
 * back unchanged, until the settings no longer list that chain in `rpcEndpoints` at all.
 */
import type { StoreDocument } from '../../shared/settings/settings';

export type SealSecret = (plain: string) => string;
/** Opens a sealed secret; null (or a throw) when it cannot be opened here. */
export type OpenSecret = (sealed: string) => string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sealed endpoints that could not be opened here, per chain id: written back as they were. */
export type KeptSecrets = Readonly<Record<string, readonly string[]>>;

/**
 * The document as written to disk: user RPC endpoints sealed when `seal` is given, plus the sealed
 * endpoints this machine could not open (`kept`), unchanged, so a locked keyring never costs them.
 */
export function sealSecrets(document: StoreDocument, seal: SealSecret | undefined, kept: KeptSecrets = {}): unknown {
  if (seal === undefined && Object.keys(kept).length === 0) return document;
  const endpoints: Record<string, Array<string | { sealed: string }>> = {};
  for (const [chainId, urls] of Object.entries(document.settings.rpcEndpoints)) {
    endpoints[chainId] = urls.map((url) => (seal === undefined ? url : { sealed: seal(url) }));
  }
  for (const [chainId, sealed] of Object.entries(kept)) {
    if (!(chainId in document.settings.rpcEndpoints)) continue;
    endpoints[chainId] = [...(endpoints[chainId] ?? []), ...sealed.map((value) => ({ sealed: value }))];
  }
  return { ...document, settings: { ...document.settings, rpcEndpoints: endpoints } };
}

export interface OpenSecretsResult {
  readonly raw: unknown;
  /** Plain-words problems: endpoints that could not be unsealed (and were left out). */
  readonly problems: readonly string[];
  /** The sealed endpoints left out, to be written back by `sealSecrets`. */
  readonly kept: KeptSecrets;
}

/**
 * The raw document with sealed RPC endpoints opened. An endpoint that cannot be opened (no
 * `open` given, or it throws: another machine's key, a locked keyring) is left out and named in
 * `problems`, so the user knows to enter it again.
 */
export function openSecrets(raw: unknown, open: OpenSecret | undefined): OpenSecretsResult {
  if (!isRecord(raw) || !isRecord(raw['settings']) || !isRecord(raw['settings']['rpcEndpoints'])) return { raw, problems: [], kept: {} };
  const problems: string[] = [];
  const kept: Record<string, string[]> = {};
  const opened: Record<string, unknown> = {};
  for (const [chainId, urls] of Object.entries(raw['settings']['rpcEndpoints'])) {
    if (!Array.isArray(urls)) {
      opened[chainId] = urls;
      continue;
    }
    const list: unknown[] = [];
    for (const entry of urls) {
      if (!isRecord(entry) || typeof entry['sealed'] !== 'string') {
        list.push(entry);
        continue;
      }
      try {
        if (open === undefined) throw new Error('no way to decrypt on this face');
        const plain = open(entry['sealed']);
        if (plain === null) throw new Error('cannot be decrypted here');
        list.push(plain);
      } catch {
        kept[chainId] = [...(kept[chainId] ?? []), entry['sealed']];
        problems.push(
          `An encrypted RPC endpoint for chain ${chainId} could not be decrypted on this machine (is the system keychain locked?). It is not used now but stays saved; enter it again if this persists.`,
        );
      }
    }
    opened[chainId] = list;
  }
  return { raw: { ...raw, settings: { ...raw['settings'], rpcEndpoints: opened } }, problems, kept };
}
