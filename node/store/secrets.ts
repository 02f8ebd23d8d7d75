/**
 * RPC URLs can carry API keys (`https://mainnet.infura.io/v3/<key>`), webhook URLs carry tokens
 * and webhooks may have an HMAC secret. When the face passes an `encryptSecret` (the desktop app:
 * Electron safeStorage), each user endpoint is written as `{ "sealed": "<encryptSecret(url)>" }`,
 * and so are each webhook's `url` and `secret`; without one (web host, CLI), they are written as
 * they are, readable by anyone who can read the settings file (0600). A sealed endpoint that
 * cannot be opened (locked keychain, another machine, a face without `decryptSecret`) is not used
 * but is written back unchanged, until the settings no longer list that chain in `rpcEndpoints`
 * at all; a sealed webhook that cannot be opened is not used and is written back unchanged.
 */
import { MAX_WEBHOOKS, type StoreDocument } from '../../shared/settings/settings';

export type SealSecret = (plain: string) => string;
/** Opens a sealed secret; null (or a throw) when it cannot be opened here. */
export type OpenSecret = (sealed: string) => string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sealed endpoints that could not be opened here, per chain id, and under `webhooks` the sealed
 * webhooks (each as its JSON text): written back as they were.
 */
export type KeptSecrets = Readonly<Record<string, readonly string[]>>;

/** The key of `KeptSecrets` that holds webhooks (chain ids are digits only). */
const KEPT_WEBHOOKS = 'webhooks';

type SealedOr = string | { sealed: string };

function sealWebhooks(document: StoreDocument, seal: SealSecret | undefined, kept: KeptSecrets): unknown[] {
  const webhooks: unknown[] = document.settings.channels.webhooks.map((webhook) =>
    seal === undefined
      ? webhook
      : { ...webhook, url: { sealed: seal(webhook.url) }, secret: webhook.secret === null ? null : { sealed: seal(webhook.secret) } },
  );
  for (const text of kept[KEPT_WEBHOOKS] ?? []) {
    if (webhooks.length >= MAX_WEBHOOKS) break;
    try {
      webhooks.push(JSON.parse(text));
    } catch {
      // Not ours to repair; dropped.
    }
  }
  return webhooks;
}

/**
 * The document as written to disk: user RPC endpoints sealed when `seal` is given, plus the sealed
 * endpoints this machine could not open (`kept`), unchanged, so a locked keyring never costs them.
 */
export function sealSecrets(document: StoreDocument, seal: SealSecret | undefined, kept: KeptSecrets = {}): unknown {
  if (seal === undefined && Object.keys(kept).length === 0) return document;
  const endpoints: Record<string, SealedOr[]> = {};
  for (const [chainId, urls] of Object.entries(document.settings.rpcEndpoints)) {
    endpoints[chainId] = urls.map((url) => (seal === undefined ? url : { sealed: seal(url) }));
  }
  for (const [chainId, sealed] of Object.entries(kept)) {
    if (chainId === KEPT_WEBHOOKS || !(chainId in document.settings.rpcEndpoints)) continue;
    endpoints[chainId] = [...(endpoints[chainId] ?? []), ...sealed.map((value) => ({ sealed: value }))];
  }
  const channels = { ...document.settings.channels, webhooks: sealWebhooks(document, seal, kept) };
  return { ...document, settings: { ...document.settings, rpcEndpoints: endpoints, channels } };
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
  if (!isRecord(raw) || !isRecord(raw['settings'])) return { raw, problems: [], kept: {} };
  const problems: string[] = [];
  const kept: Record<string, string[]> = {};
  const unseal = (sealed: string): string => {
    if (open === undefined) throw new Error('no way to decrypt on this face');
    const plain = open(sealed);
    if (plain === null) throw new Error('cannot be decrypted here');
    return plain;
  };
  let settings: Record<string, unknown> = raw['settings'];

  const rpcEndpoints = settings['rpcEndpoints'];
  if (isRecord(rpcEndpoints)) {
    const opened: Record<string, unknown> = {};
    for (const [chainId, urls] of Object.entries(rpcEndpoints)) {
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
          list.push(unseal(entry['sealed']));
        } catch {
          kept[chainId] = [...(kept[chainId] ?? []), entry['sealed']];
          problems.push(
            `An encrypted RPC endpoint for chain ${chainId} could not be decrypted on this machine (is the system keychain locked?). It is not used now but stays saved; enter it again if this persists.`,
          );
        }
      }
      opened[chainId] = list;
    }
    settings = { ...settings, rpcEndpoints: opened };
  }

  const channels = settings['channels'];
  if (isRecord(channels) && Array.isArray(channels['webhooks'])) {
    const webhooks: unknown[] = [];
    for (const entry of channels['webhooks']) {
      if (!isRecord(entry)) {
        webhooks.push(entry);
        continue;
      }
      const field = (value: unknown): unknown => (isRecord(value) && typeof value['sealed'] === 'string' ? unseal(value['sealed']) : value);
      try {
        webhooks.push({ ...entry, url: field(entry['url']), secret: field(entry['secret'] ?? null) });
      } catch {
        kept[KEPT_WEBHOOKS] = [...(kept[KEPT_WEBHOOKS] ?? []), JSON.stringify(entry)];
        problems.push('An encrypted notification webhook could not be decrypted on this machine (is the system keychain locked?). It is not used now but stays saved; enter it again if this persists.');
      }
    }
    settings = { ...settings, channels: { ...channels, webhooks } };
  }
  return { raw: { ...raw, settings }, problems, kept };
}
