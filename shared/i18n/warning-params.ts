/**
 * The catalog keys of warning text and the parameters each takes. One table drives both the types
 * the engine builds messages with and the check `warningText` makes on a message read back from a
 * stored report (a key or parameter from another version of the app is refused, never rendered as
 * `undefined`).
 *
 * Parameters are language-neutral: ETH amounts as plain decimal strings (`12.3456`), shares as
 * fractions (0.25), days and counts as numbers, symbols, labels and short addresses as strings.
 * A name ending in `?` in the table is optional.
 */

type ParamType = 'string' | 'number' | 'string?' | 'number?';

/** Up to five listed reads (`read1`…`read5`, each with the wallet it was for, if any) and how many more. */
const READ_LIST = {
  read1: 'string?', wallet1: 'string?', read2: 'string?', wallet2: 'string?', read3: 'string?', wallet3: 'string?',
  read4: 'string?', wallet4: 'string?', read5: 'string?', wallet5: 'string?', more: 'number',
} as const;

/** The parameter names of each listed read, in order. */
const READ_SLOTS = [['read1', 'wallet1'], ['read2', 'wallet2'], ['read3', 'wallet3'], ['read4', 'wallet4'], ['read5', 'wallet5']] as const;

/** How many reads a `failed-reads` message lists by name. */
export const READ_LIST_LIMIT = READ_SLOTS.length;

const concentration = { share: 'number', label: 'string', valueEth: 'string', totalEth: 'string', threshold: 'number' } as const;

export const WARNING_PARAMS = {
  'depeg': { symbol: 'string', discount: 'number', marketEth: 'string', navEth: 'string', protocol: 'string?', exitDays: 'number?' },
  'nav-drop': { symbol: 'string', drop: 'number', previousEth: 'string', currentEth: 'string' },
  'concentration-protocol': concentration,
  'concentration-venue': concentration,
  'concentration-operator': concentration,
  'concentration-avs': concentration,
  'concentration-hhi-protocol': { hhi: 'number' },
  'concentration-hhi-operator': { hhi: 'number' },
  'slashable-exposure': { share: 'number', worstCaseEth: 'string' },
  'nominal-security': { share: 'number', nominalEth: 'string' },
  'operator-slashed': { operator: 'string', cut: 'number', exposureEth: 'string' },
  'operator-tiny-magnitude': { operator: 'string', maxMagnitude: 'number' },
  'restaking-leverage-sets': { operator: 'string', sets: 'number', exposureEth: 'string' },
  'restaking-leverage-magnitude': { operator: 'string', magnitudeSum: 'number', exposureEth: 'string' },
  'exit-mismatch': { share: 'number', horizonDays: 'number', beyondEth: 'string' },
  'liquidity-locked': { share: 'number', lockedEth: 'string' },
  'withdrawal-claimable': { amountEth: 'string?', symbol: 'string', wallet: 'string', block: 'string?' },
  'token-paused': { symbol: 'string' },
  'chain-unreachable': { chainId: 'number', chain: 'string?' },
  'stale-data': { chainId: 'number', chain: 'string?', ageSeconds: 'number' },
  'failed-reads': { chainId: 'number', chain: 'string?', count: 'number', ...READ_LIST },
  'failed-reads-not-held': { chainId: 'number', chain: 'string?', count: 'number', ...READ_LIST },
  'redemption-claimable': { protocol: 'string', request: 'string', amount: 'string', asset: 'string', owner: 'string', queue: 'string' },
  'redemption-overdue': { protocol: 'string', request: 'string', waitedDays: 'number', expectedDays: 'number' },
  'redemption-overdue-documented': { protocol: 'string', request: 'string', waitedDays: 'number', expectedDays: 'number' },
} as const satisfies Record<string, Record<string, ParamType>>;

export type WarningKey = keyof typeof WARNING_PARAMS;

type Spec = Readonly<Record<string, ParamType>>;
type Base<T> = T extends 'string' | 'string?' ? string : number;
type RequiredNames<S extends Spec> = { [N in keyof S]: S[N] extends `${string}?` ? never : N }[keyof S];
type OptionalNames<S extends Spec> = Exclude<keyof S, RequiredNames<S>>;

/** The parameters of one key, with their types. */
export type WarningParams<K extends WarningKey> = {
  readonly [N in RequiredNames<(typeof WARNING_PARAMS)[K]>]: Base<(typeof WARNING_PARAMS)[K][N]>;
} & {
  readonly [N in OptionalNames<(typeof WARNING_PARAMS)[K]>]?: Base<(typeof WARNING_PARAMS)[K][N]>;
};

/** A message whose parameters are known to match its key. */
export interface TypedWarningMessage<K extends WarningKey> {
  readonly key: K;
  readonly params: WarningParams<K>;
}

/** Builds a message whose parameters match its key (the engine's one way to make one). */
export function warningMessage<K extends WarningKey>(key: K, params: WarningParams<K>): TypedWarningMessage<K> {
  return { key, params };
}

/** Whether `key` is one this version knows. */
export function isWarningKey(key: string): key is WarningKey {
  return Object.hasOwn(WARNING_PARAMS, key);
}

/**
 * Whether a message read back from a report has exactly the parameters its key takes: every
 * required one with its type, optional ones with their type when present, and nothing else.
 */
export function hasWarningParams<K extends WarningKey>(key: K, params: Readonly<Record<string, unknown>>): params is WarningParams<K> {
  const spec: Spec = WARNING_PARAMS[key];
  for (const [name, type] of Object.entries(spec)) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    const optional = type.endsWith('?');
    if (value === undefined) {
      if (!optional) return false;
      continue;
    }
    const base = optional ? type.slice(0, -1) : type;
    if (base === 'number' ? typeof value !== 'number' || !Number.isFinite(value) : typeof value !== 'string') return false;
  }
  return Object.keys(params).every((name) => Object.hasOwn(spec, name));
}

/** One read a `failed-reads` message names: its key, and the wallet it was for when it is a position that could not be read. */
export interface ListedRead {
  readonly read: string;
  readonly wallet: string | null;
}

/** The list parameters of a `failed-reads` message. */
export type ReadListParams = Pick<WarningParams<'failed-reads'>, keyof typeof READ_LIST>;

/** The list parameters for `items`: the first READ_LIST_LIMIT by name, and how many more there are. */
export function readListParams(items: readonly ListedRead[]): ReadListParams {
  const params: { -readonly [N in keyof ReadListParams]: ReadListParams[N] } = { more: Math.max(0, items.length - READ_LIST_LIMIT) };
  READ_SLOTS.forEach(([read, wallet], i) => {
    const item = items[i];
    if (item === undefined) return;
    params[read] = item.read;
    if (item.wallet !== null) params[wallet] = item.wallet;
  });
  return params;
}

/** The reads a `failed-reads` message names, in order. */
export function listedReads(params: ReadListParams): ListedRead[] {
  const out: ListedRead[] = [];
  for (const [read, wallet] of READ_SLOTS) {
    const r = params[read];
    if (r !== undefined) out.push({ read: r, wallet: params[wallet] ?? null });
  }
  return out;
}
