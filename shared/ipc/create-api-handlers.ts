import type { z } from 'zod';
import type { AppServices } from './app-services';
import { encodeBigints } from './codec';
import { API_METHODS, type ApiMethod, type ApiParsedRequest, type ApiResponse, type ApiResult } from './contract';
import { toApiError } from './to-api-error';

/** One function per API method: takes the raw, untrusted request and never throws. */
export type ApiHandlers = { readonly [M in ApiMethod]: (request: unknown) => Promise<ApiResult<ApiResponse<M>>> };

/**
 * Builds the handlers every face registers (Electron IPC, the web host's WebSocket). Each handler
 * parses its request with the contract's schema (`invalid-input` on failure), calls the service,
 * encodes bigints, checks the response against the contract (`internal` if the service broke it)
 * and maps anything thrown to a typed `{ code, message }`.
 */
export function createApiHandlers<TReport extends object>(services: AppServices<TReport>): ApiHandlers {
  return {
    getState: handler('getState', async () => {
      const state = await services.getState();
      return { ...state, problems: [...state.problems], report: state.report === null ? null : encodeBigints(state.report) };
    }),
    addWallet: handler('addWallet', (request) => services.addWallet(request)),
    removeWallet: handler('removeWallet', async (request) => {
      await services.removeWallet(request);
      return null;
    }),
    renameWallet: handler('renameWallet', (request) => services.renameWallet(request)),
    updateSettings: handler('updateSettings', (request) => services.updateSettings(request)),
    refreshNow: handler('refreshNow', async () => {
      await services.refreshNow();
      return null;
    }),
    setPaused: handler('setPaused', (request) => services.setPaused(request)),
    testRpc: handler('testRpc', async (request) => encodeBigints(await services.testRpc(request))),
    muteKind: handler('muteKind', (request) => services.muteKind(request)),
  };
}

function handler<M extends ApiMethod>(
  method: M,
  run: (request: ApiParsedRequest<M>) => Promise<unknown>,
): (request: unknown) => Promise<ApiResult<ApiResponse<M>>> {
  const spec = API_METHODS[method];
  // The table's entries are indexed by a generic key; TypeScript widens them to the union of all entries.
  const requestSchema = spec.request as unknown as z.ZodType<ApiParsedRequest<M>>;
  const responseSchema = spec.response as unknown as z.ZodType<ApiResponse<M>>;
  return async (raw) => {
    try {
      const request = requestSchema.parse(raw);
      const value = await run(request);
      const checked = responseSchema.safeParse(value);
      if (!checked.success) {
        return { ok: false, error: toApiError(new Error(`${method} returned a value outside the contract: ${checked.error.message}`)) };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };
}
