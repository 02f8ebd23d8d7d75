/**
 * Fuzzing every IPC handler (the ones Electron's main process and the web host register): 1,300
 * random payloads per method (11,700 in all) plus hostile strings and objects whose getters throw.
 * Each payload the contract's schema rejects must come back as a typed `invalid-input`
 * `{ code, message }` without reaching the service; no handler may throw; afterwards the handlers
 * still serve valid calls.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../shared/ipc/app-services';
import { API_ERROR_CODES, API_METHODS, type ApiMethod } from '../../../shared/ipc/contract';
import { createApiHandlers } from '../../../shared/ipc/create-api-handlers';
import { createInMemoryServices } from '../../../shared/ipc/in-memory-services';

const RUNS_PER_METHOD = 1_300;
/** Malformed payloads rejected across the file (the issue asks for at least 10,000). */
let totalRejected = 0;
const WALLET = '0x00000000219ab540356cBB839Cbe05303d7705Fa';
const METHODS = Object.keys(API_METHODS) as ApiMethod[];

/** Strings a hostile page, chain or file could carry. */
const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u202Ehte.0x\u202C',
  '\u2066\u2067\u2068\u2069\u200F\u200E',
  '\u0000\u0001\u001F',
  '__proto__',
  'constructor',
  'prototype',
  '0x' + 'f'.repeat(39),
  '0x' + 'f'.repeat(41),
  '0x00000000219ab540356cbb839cbe05303d7705fa'.toUpperCase(),
  '0x00000000219Ab540356cBB839Cbe05303d7705Fa',
  'vitalik..eth',
  '.eth',
  'a'.repeat(100_000),
  '\uD800',
  '🪆'.repeat(1000),
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data',
] as const;

/** Every key any request of the contract uses, so generated objects often look almost right. */
const KEYS = ['input', 'label', 'address', 'paused', 'chainId', 'url', 'kind', 'muted', 'refresh', 'notifications', 'thresholds', 'rpcEndpoints', 'enabledChains', 'language', '__proto__', 'constructor'] as const;

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string(), fc.string({ unit: 'binary', maxLength: 200 }));
const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt(), fc.constant(Number.NaN));
const anything = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
  withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true, maxDepth: 4,
});
const lookalike = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(leaf, anything, fc.dictionary(fc.constantFrom(...KEYS), leaf)), { maxKeys: 5 });

/** Objects that fight back: throwing getters, a throwing toJSON, a Proxy that throws on every trap. */
function trapObjects(): unknown[] {
  const throwing = new Proxy({}, {
    get() { throw new Error('trap get'); },
    has() { throw new Error('trap has'); },
    ownKeys() { throw new Error('trap ownKeys'); },
    getOwnPropertyDescriptor() { throw new Error('trap descriptor'); },
    getPrototypeOf() { throw new Error('trap prototype'); },
  });
  return [
    { get input(): string { throw new Error('getter'); } },
    { toJSON(): never { throw new Error('toJSON'); } },
    Object.create(null) as unknown,
    JSON.parse('{"__proto__":{"polluted":true},"input":"0x00000000219ab540356cBB839Cbe05303d7705Fa"}') as unknown,
    throwing,
    [WALLET],
    new Array(1_000_000),
  ];
}

const payload = fc.oneof({ weight: 3, arbitrary: anything }, { weight: 3, arbitrary: lookalike }, { weight: 1, arbitrary: leaf });

/** The in-memory services, counting calls that reach them. */
function countingServices(): { services: AppServices<{ total: bigint }>; calls: () => number } {
  const base = createInMemoryServices<{ total: bigint }>({ now: () => 1_700_000_000_000 });
  let calls = 0;
  const counted: Record<string, unknown> = { ...base };
  for (const method of METHODS) {
    const original = base[method] as (...args: unknown[]) => unknown;
    counted[method] = (...args: unknown[]): unknown => {
      calls += 1;
      return original(...args);
    };
  }
  // Every method of AppServices was copied above and the listener methods are the base's own.
  return { services: counted as unknown as AppServices<{ total: bigint }>, calls: () => calls };
}

function expectTypedError(result: unknown, label: string): void {
  expect(result, label).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  if (typeof result === 'object' && result !== null && 'error' in result) {
    const error = result.error as { code: string; message: string };
    expect(API_ERROR_CODES as readonly string[]).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

/** Whether the contract's schema takes the payload (a schema that throws on it does not). */
function accepts(schema: { safeParse(value: unknown): { success: boolean } }, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

function labelOf(value: unknown): string {
  try {
    return String(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).slice(0, 200);
  } catch {
    return '<unprintable>';
  }
}

describe('fuzzing the IPC handlers', () => {
  it.each(METHODS)('%s: every malformed payload is a typed invalid-input, never reaches the service, never throws', async (method) => {
    const { services, calls } = countingServices();
    const handlers = createApiHandlers(services);
    const schema = API_METHODS[method].request;
    let rejected = 0;
    await fc.assert(fc.asyncProperty(payload, async (raw) => {
      const valid = accepts(schema, raw);
      const before = calls();
      const result = await handlers[method](raw);
      if (valid) {
        // A payload that happens to be well-formed: answered with a value or a typed error.
        if (!result.ok) expectTypedError(result, labelOf(raw));
        return;
      }
      rejected += 1;
      expectTypedError(result, labelOf(raw));
      expect(result.ok === false && result.error.code).toBe('invalid-input');
      expect(calls()).toBe(before);
    }), { numRuns: RUNS_PER_METHOD, seed: 8_2026 });
    // Most generated payloads are malformed (an empty settings patch, for one, is valid).
    expect(rejected).toBeGreaterThan(RUNS_PER_METHOD * 0.7);
    totalRejected += rejected;

    for (const trap of trapObjects()) {
      const before = calls();
      const result = await handlers[method](trap);
      // An object without own keys is a valid (empty) settings patch; everything else is malformed.
      if (accepts(schema, trap)) continue;
      expectTypedError(result, `${method} trap`);
      expect(calls()).toBe(before);
      totalRejected += 1;
    }

    // Still serving.
    const state = await handlers.getState(undefined);
    expect(state.ok).toBe(true);
    const added = await handlers.addWallet({ input: WALLET, label: 'after the fuzz' });
    expect(added).toMatchObject({ ok: true, value: { address: WALLET, label: 'after the fuzz' } });
  }, 60_000);

  it('hostile strings in otherwise well-formed requests are stored verbatim (inert data) or rejected with a typed error', async () => {
    const { services } = countingServices();
    const handlers = createApiHandlers(services);
    const first = await handlers.addWallet({ input: WALLET });
    expect(first.ok).toBe(true);
    await fc.assert(fc.asyncProperty(hostileString, async (text) => {
      for (const result of [
        await handlers.addWallet({ input: text, label: text }),
        await handlers.renameWallet({ address: WALLET, label: text }),
        await handlers.muteKind({ kind: text, muted: true }),
        await handlers.testRpc({ chainId: 1, url: text }),
      ]) {
        if (!result.ok) expectTypedError(result, labelOf(text));
      }
      const renamed = await handlers.renameWallet({ address: WALLET, label: text });
      if (renamed.ok) expect(renamed.value.label).toBe(text.trim());
    }), { numRuns: 300, seed: 8_2027 });
    const state = await handlers.getState(undefined);
    expect(state.ok && state.value.wallets.map((w) => w.address)).toEqual([WALLET]);
  }, 60_000);

  it('rejected at least 10,000 malformed payloads in all', () => {
    expect(totalRejected).toBeGreaterThanOrEqual(10_000);
  });
});
