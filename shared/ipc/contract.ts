/**
 * The API between the app's core and its views: the channels, a schema for every request,
 * response and pushed event, and the `MatryoshkaApi` type every face implements (the Electron
 * preload, the web host's WebSocket client, the typed mock for renderer tests).
 *
 * Everything here is plain JSON: bigints travel as tagged decimal strings (see ./codec), and the
 * report travels encoded; views decode it with `decodeBigints` in one place.
 */
import { z } from 'zod';
import { addressSchema, rpcUrlSchema, settingsSchema, walletSchema } from '../settings/settings';
import { historyPointSchema } from '../history/history-point';
import { parseWalletInput } from '../wallet-input';
import { API_CHANNELS, EVENT_CHANNELS } from './channels';
import type { EncodedBigint } from './codec';
import { settingsPatchSchema } from './settings-patch';

/** The closed set of error codes a call can fail with. */
export const API_ERROR_CODES = ['invalid-input', 'not-found', 'duplicate', 'ens-unresolved', 'rpc-error', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.strictObject({
  code: z.enum(API_ERROR_CODES),
  message: z.string().max(2000),
});
/** A failed call, as the caller sees it. */
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

/** What every call returns: a value, or a typed error (never a thrown exception across the boundary). */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData };

/** Schema of an `ApiResult` whose value matches `value`. */
export function apiResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: apiErrorSchema }),
  ]);
}

/** A bigint on the wire (see ./codec). */
export const encodedBigintSchema = z.custom<EncodedBigint>((v) => typeof v === 'string' && /^-?\d+n$/.test(v), 'not an encoded bigint');

/** A wallet as typed by the user: an address or an ENS name, checked by shared/wallet-input. */
const walletInputSchema = z
  .string()
  .max(255)
  .superRefine((text, ctx) => {
    const parsed = parseWalletInput(text);
    if (parsed.kind === 'error') ctx.addIssue({ code: 'custom', message: parsed.message });
  });

/** A watched wallet (the store's schema: checksummed address, ISO `addedAt`). */
export type Wallet = z.output<typeof walletSchema>;

export const CHAIN_PROGRESS_STATES = ['pending', 'reading', 'done', 'failed'] as const;

/** Blocks an event-log scan has read out of those it has to read (block counts fit a JSON number). */
export const scanProgressSchema = z
  .strictObject({
    scannedBlocks: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    totalBlocks: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .refine((p) => p.scannedBlocks <= p.totalBlocks, { message: 'more blocks scanned than there are to scan' });
export type ScanProgress = z.infer<typeof scanProgressSchema>;

/** Progress of the current (or last) refresh. */
export const progressSchema = z.strictObject({
  /** A refresh is running. */
  running: z.boolean(),
  /** Unix milliseconds of the start of the current or last refresh. */
  startedAt: z.number().int().nonnegative().nullable(),
  /** Unix milliseconds of the end of the last finished refresh. */
  finishedAt: z.number().int().nonnegative().nullable(),
  chains: z.array(
    z.strictObject({
      chainId: z.number().int().positive(),
      state: z.enum(CHAIN_PROGRESS_STATES),
      /** Why the chain failed, when it did. */
      error: z.string().max(2000).nullable(),
      /** While `reading`: how far the chain's redemption log scan has got (a first scan is many eth_getLogs calls). Absent otherwise, and from older cores. */
      scan: scanProgressSchema.optional(),
    }),
  ),
});
export type Progress = z.infer<typeof progressSchema>;

/** Something the user must be told that is not a risk warning (e.g. the store was restored from a backup). */
export const problemSchema = z.strictObject({
  code: z.string().min(1).max(100),
  message: z.string().max(2000),
});
export type Problem = z.infer<typeof problemSchema>;

/**
 * The risk report on the wire: a JSON object, produced by `encodeBigints(report)` and turned back
 * into the domain report by `decodeBigints`. Its shape is the engine's; here it is only checked
 * to be JSON.
 */
export const encodedReportSchema = z.record(z.string(), z.json());
export type EncodedReport = z.infer<typeof encodedReportSchema>;

export const appStateSchema = z.strictObject({
  wallets: z.array(walletSchema),
  settings: settingsSchema,
  report: encodedReportSchema.nullable(),
  progress: progressSchema,
  problems: z.array(problemSchema),
  paused: z.boolean(),
  /** Persisted history points (shared/history), oldest first, so charts survive restarts. */
  history: z.array(historyPointSchema).max(10_000),
});
/** Everything a view needs to draw itself after (re)connecting. */
export type AppState = z.infer<typeof appStateSchema>;

const noRequest = z.undefined();
const noValue = z.null();

/**
 * Request/response schemas and channel of every call. A call takes exactly one argument (its
 * request, `undefined` when it has none) and answers with an `ApiResult` of its response.
 */
export const API_METHODS = {
  getState: { channel: API_CHANNELS.getState, request: noRequest, response: appStateSchema },
  addWallet: {
    channel: API_CHANNELS.addWallet,
    request: z.strictObject({
      /** An address or an ENS name. */
      input: walletInputSchema,
      label: z.string().trim().max(100).optional(),
    }),
    response: walletSchema,
  },
  removeWallet: { channel: API_CHANNELS.removeWallet, request: z.strictObject({ address: addressSchema }), response: noValue },
  renameWallet: {
    channel: API_CHANNELS.renameWallet,
    request: z.strictObject({ address: addressSchema, label: z.string().trim().max(100) }),
    response: walletSchema,
  },
  updateSettings: { channel: API_CHANNELS.updateSettings, request: settingsPatchSchema, response: settingsSchema },
  refreshNow: { channel: API_CHANNELS.refreshNow, request: noRequest, response: noValue },
  setPaused: { channel: API_CHANNELS.setPaused, request: z.strictObject({ paused: z.boolean() }), response: z.strictObject({ paused: z.boolean() }) },
  testRpc: {
    channel: API_CHANNELS.testRpc,
    request: z.strictObject({ chainId: z.number().int().positive(), url: rpcUrlSchema }),
    response: z.strictObject({ chainId: z.number().int().positive(), blockNumber: encodedBigintSchema }),
  },
  muteKind: {
    channel: API_CHANNELS.muteKind,
    request: z.strictObject({ kind: z.string().min(1).max(100), muted: z.boolean() }),
    response: settingsSchema,
  },
} as const satisfies { readonly [M in keyof typeof API_CHANNELS]: { readonly channel: (typeof API_CHANNELS)[M]; readonly request: z.ZodType; readonly response: z.ZodType } };

export type ApiMethod = keyof typeof API_METHODS;
/** The request a method takes (what the caller passes, before parsing). */
export type ApiRequest<M extends ApiMethod> = z.input<(typeof API_METHODS)[M]['request']>;
/** The request a method's handler receives, after parsing. */
export type ApiParsedRequest<M extends ApiMethod> = z.output<(typeof API_METHODS)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<(typeof API_METHODS)[M]['response']>;

/** Events the core pushes to every open view. */
export const API_EVENTS = {
  report: { channel: EVENT_CHANNELS.report, payload: encodedReportSchema },
  progress: { channel: EVENT_CHANNELS.progress, payload: progressSchema },
  /** The user clicked a notification: show this warning. */
  openWarning: { channel: EVENT_CHANNELS.openWarning, payload: z.strictObject({ warningId: z.string().min(1).max(500) }) },
} as const satisfies { readonly [E in keyof typeof EVENT_CHANNELS]: { readonly channel: (typeof EVENT_CHANNELS)[E]; readonly payload: z.ZodType } };

export type ApiEvent = keyof typeof API_EVENTS;
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof API_EVENTS)[E]['payload']>;

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** The API every face implements. */
export interface MatryoshkaApi {
  getState(): Promise<ApiResult<AppState>>;
  addWallet(request: ApiRequest<'addWallet'>): Promise<ApiResult<Wallet>>;
  removeWallet(request: ApiRequest<'removeWallet'>): Promise<ApiResult<null>>;
  renameWallet(request: ApiRequest<'renameWallet'>): Promise<ApiResult<Wallet>>;
  updateSettings(patch: ApiRequest<'updateSettings'>): Promise<ApiResult<ApiResponse<'updateSettings'>>>;
  refreshNow(): Promise<ApiResult<null>>;
  setPaused(request: ApiRequest<'setPaused'>): Promise<ApiResult<ApiResponse<'setPaused'>>>;
  testRpc(request: ApiRequest<'testRpc'>): Promise<ApiResult<ApiResponse<'testRpc'>>>;
  muteKind(request: ApiRequest<'muteKind'>): Promise<ApiResult<ApiResponse<'muteKind'>>>;
  onReport(listener: (report: EncodedReport) => void): Unsubscribe;
  onProgress(listener: (progress: Progress) => void): Unsubscribe;
  onOpenWarning(listener: (event: ApiEventPayload<'openWarning'>) => void): Unsubscribe;
}
