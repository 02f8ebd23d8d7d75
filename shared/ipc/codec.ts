/**
 * The one place where `bigint` values are turned into JSON-safe strings and back.
 *
 * Convention (tagged decimal strings): a bigint `123n` crosses a process boundary as the string
 * `"123n"` (a decimal integer, optional leading `-`, followed by exactly one `n`). The wire form is
 * plain JSON, so the same encoding works over Electron IPC, a WebSocket and a file.
 *
 * Strings that already look like a tag would be ambiguous, so they are escaped with one extra `n`:
 * the string `"123n"` is sent as `"123nn"`, `"123nn"` as `"123nnn"`, and so on. Decoding removes
 * exactly one `n` from such strings, so every value round-trips: `decodeBigints(encodeBigints(x))`
 * equals `x` for any JSON-like value holding bigints. No schema of the value is needed, which keeps
 * the report's wire form independent of changes to the report type.
 */

/** A bigint on the wire: decimal digits followed by `n`. */
export type EncodedBigint = `${bigint}n`;

/** The wire form of `T`: every bigint replaced by its tagged string; everything else unchanged. */
export type Encoded<T> = T extends bigint
  ? EncodedBigint
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Encoded<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Encoded<T[K]> }
        : T;

/** A tagged bigint: `-?digits` + one `n`. */
const TAG = /^-?\d+n$/;
/** A string that needs escaping, or an escaped one: `-?digits` + one or more `n`. */
const TAG_LIKE = /^-?\d+n+$/;
/** An escaped string: `-?digits` + two or more `n`. */
const ESCAPED = /^-?\d+nn+$/;

/** True when `value` is the wire form of a bigint. */
export function isEncodedBigint(value: unknown): value is EncodedBigint {
  return typeof value === 'string' && TAG.test(value);
}

/** Encodes one bigint as its tagged decimal string, e.g. `-5n` -> `"-5n"`. */
export function encodeBigint(value: bigint): EncodedBigint {
  return `${value}n`;
}

/** Decodes one tagged decimal string, e.g. `"-5n"` -> `-5n`; throws on anything else. */
export function decodeBigint(value: string): bigint {
  if (!TAG.test(value)) throw new TypeError(`not an encoded bigint: ${JSON.stringify(value)}`);
  return BigInt(value.slice(0, -1));
}

function encodeAny(value: unknown): unknown {
  if (typeof value === 'bigint') return encodeBigint(value);
  if (typeof value === 'string') return TAG_LIKE.test(value) ? `${value}n` : value;
  if (Array.isArray(value)) return value.map(encodeAny);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // `undefined` is not JSON: drop the key, as JSON.stringify would.
      if (item !== undefined) out[key] = encodeAny(item);
    }
    return out;
  }
  return value;
}

function decodeAny(value: unknown): unknown {
  if (typeof value === 'string') {
    if (TAG.test(value)) return BigInt(value.slice(0, -1));
    if (ESCAPED.test(value)) return value.slice(0, -1);
    return value;
  }
  if (Array.isArray(value)) return value.map(decodeAny);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = decodeAny(item);
    return out;
  }
  return value;
}

/**
 * Encodes a value for a process boundary: bigints become tagged strings, tag-like strings are
 * escaped, objects and arrays are copied (the input is never modified), `undefined` properties
 * are dropped.
 */
export function encodeBigints<T>(value: T): Encoded<T> {
  // The walk above maps exactly as `Encoded<T>` describes; TypeScript cannot follow a recursive walk.
  return encodeAny(value) as Encoded<T>;
}

/**
 * Decodes what {@link encodeBigints} produced: tagged strings become bigints, escaped strings lose
 * their extra `n`. The inverse of `encodeBigints` for every JSON-like value.
 */
export function decodeBigints<T>(value: Encoded<T>): T {
  // Inverse of `encodeBigints`; the type is carried by the caller's `Encoded<T>`.
  return decodeAny(value) as T;
}
