/**
 * A viem PublicClient for one chain over a list of JSON-RPC endpoints, tried in order:
 * - before an endpoint is used, its eth_chainId must be the configured chain, or it is refused for
 *   the client's lifetime with a message naming both chains;
 * - each HTTP request has a timeout and is retried with exponential backoff on network errors, 429
 *   (honouring Retry-After) and 5xx, by viem's http transport;
 * - an endpoint that still fails hands over to the next one, which then stays in use;
 * - a call the node answered (e.g. execution reverted) is an answer, not an endpoint failure;
 * - URLs are only ever shown redacted (no keys in logs, snapshots or the UI).
 * It also counts HTTP requests, for the snapshot's rpcRequests and the benchmark.
 */
import { BaseError, createPublicClient, custom, defineChain, hexToNumber, http, HttpRequestError, isHex, shouldThrow, type Chain, type EIP1193RequestFn, type PublicClient } from 'viem';
import { arbitrum, base, linea, mainnet } from 'viem/chains';
import { chains } from '../../shared/registry/chains';
import { describeError } from './describe-error';
import { redactUrl } from './redact-url';

export interface CreateChainClientOptions {
  readonly chainId: number;
  /** Endpoints in order of preference (the user's own first, then the built-in public ones). */
  readonly urls: readonly string[];
  /** Per HTTP request. Default 10 s. */
  readonly timeoutMs?: number;
  /** Retries per HTTP request on one endpoint before moving to the next. Default 2. */
  readonly retryCount?: number;
  /** First backoff step; doubles per retry unless the server sends Retry-After. Default 200 ms. */
  readonly retryDelayMs?: number;
  /** For tests and proxies; default global fetch. */
  readonly fetchFn?: typeof fetch;
}

export type EndpointState = 'unchecked' | 'ok' | 'refused' | 'failing';

export interface EndpointStatus {
  /** Redacted URL. */
  readonly url: string;
  readonly state: EndpointState;
  readonly error: string | null;
}

/** What a refresh reports about its transport. */
export interface RpcStats {
  /** HTTP requests sent so far (retries and chain-id checks included). */
  httpRequests(): number;
  /** Redacted URL of the endpoint that answered last; null before any answer. */
  activeEndpoint(): string | null;
}

export interface ChainClient extends RpcStats {
  readonly chainId: number;
  readonly client: PublicClient;
  endpoints(): readonly EndpointStatus[];
}

const HEX_ANSWERS: ReadonlySet<string> = new Set(['eth_call', 'eth_chainId', 'eth_blockNumber', 'eth_getBalance', 'eth_getCode', 'eth_getStorageAt', 'eth_gasPrice']);

/**
 * What is wrong with an answer whose shape the method fixes (a compromised or broken endpoint may
 * send a number where hex is due), or null when it is well-formed. Such an endpoint is treated as
 * failing, so the next one takes over instead of the refresh failing on a decode error.
 */
function malformedAnswer(method: string, result: unknown): string | null {
  if (HEX_ANSWERS.has(method)) return isHex(result, { strict: true }) ? null : `a ${result === null ? 'null' : typeof result} instead of hex data`;
  if (method === 'eth_getBlockByNumber' || method === 'eth_getBlockByHash') {
    return result === null || (typeof result === 'object' && !Array.isArray(result)) ? null : `a ${typeof result} instead of a block`;
  }
  if (method === 'eth_getLogs') return Array.isArray(result) ? null : `a ${typeof result} instead of a list of logs`;
  return null;
}

/** An error the caller can show as is: every endpoint was refused or failed. */
export class ChainEndpointsError extends BaseError {
  constructor(message: string) {
    super(message, { name: 'ChainEndpointsError' });
  }
}

const VIEM_CHAINS: Readonly<Record<number, Chain>> = { 1: mainnet, 42161: arbitrum, 8453: base, 59144: linea };

/** The chain's display name, e.g. `1 (Ethereum)`. */
function chainLabel(chainId: number): string {
  const name = chains.find((c) => c.id === chainId)?.name;
  return name ? `${chainId} (${name})` : String(chainId);
}

function chainFor(chainId: number, urls: readonly string[]): Chain {
  const known = VIEM_CHAINS[chainId];
  const rpcUrls = { default: { http: [...urls] } };
  if (known) return { ...known, rpcUrls };
  return defineChain({ id: chainId, name: chainLabel(chainId), nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls });
}

function isTooLarge(error: Error): boolean {
  return error instanceof BaseError && error.walk((e) => e instanceof HttpRequestError && e.status === 413) !== null;
}

interface Endpoint {
  readonly url: string;
  readonly display: string;
  state: EndpointState;
  error: string | null;
  readonly request: EIP1193RequestFn | null;
}

/** A PublicClient over `urls` with chain-id checks, timeouts, retries, fallback and request counting. */
export function createChainClient(options: CreateChainClientOptions): ChainClient {
  const { chainId } = options;
  const chain = chainFor(chainId, options.urls);
  const timeout = options.timeoutMs ?? 10_000;
  const retryCount = options.retryCount ?? 2;
  const baseFetch = options.fetchFn ?? fetch;
  let requests = 0;
  let active = 0;
  let answered: string | null = null;
  const countingFetch: typeof fetch = (input, init) => {
    requests += 1;
    return baseFetch(input, init);
  };

  const endpoints: Endpoint[] = options.urls.map((url) => {
    const display = redactUrl(url);
    let protocol = '';
    try { protocol = new URL(url).protocol; } catch { /* reported below */ }
    if (protocol !== 'http:' && protocol !== 'https:') {
      return { url, display, state: 'refused', error: `endpoint ${display} is not an http(s) URL`, request: null };
    }
    const transport = http(url, { batch: false, timeout, retryCount, retryDelay: options.retryDelayMs ?? 200, fetchFn: countingFetch });
    return { url, display, state: 'unchecked', error: null, request: transport({ chain, retryCount, timeout }).request };
  });

  /** Checks the endpoint's chain id; returns why it is refused, or null when it is the right chain. */
  async function refusal(ep: Endpoint, request: EIP1193RequestFn): Promise<string | null> {
    const answer: unknown = await request({ method: 'eth_chainId' });
    if (!isHex(answer, { strict: true })) return `endpoint ${ep.display} gave an invalid eth_chainId answer`;
    const got = hexToNumber(answer);
    return got === chainId ? null : `endpoint ${ep.display} answers for chain ${chainLabel(got)}, expected ${chainLabel(chainId)}`;
  }

  const request: EIP1193RequestFn = async (args, requestOptions) => {
    const errors: string[] = [];
    for (let k = 0; k < endpoints.length; k += 1) {
      const i = (active + k) % endpoints.length;
      const ep = endpoints[i];
      if (!ep) continue;
      if (ep.state === 'refused' || !ep.request) {
        errors.push(ep.error ?? `${ep.display} refused`);
        continue;
      }
      try {
        if (ep.state !== 'ok') {
          const refused = await refusal(ep, ep.request);
          if (refused) {
            ep.state = 'refused';
            ep.error = refused;
            errors.push(refused);
            continue;
          }
          ep.state = 'ok';
          ep.error = null;
        }
        const result: unknown = await ep.request(args, requestOptions);
        const malformed = malformedAnswer(args.method, result);
        if (malformed) throw new Error(`endpoint ${ep.display} answered ${args.method} with ${malformed}`);
        active = i;
        answered = ep.display;
        // Same request function, same result type: viem types it from `args`.
        return result as never;
      } catch (error) {
        // The node answered (reverted, invalid params, request too large): that is the result, not a
        // failing endpoint; the caller decides (the multicall reader splits a batch that is too large).
        if (error instanceof Error && (shouldThrow(error) || isTooLarge(error))) throw error;
        ep.state = 'failing';
        ep.error = `${ep.display}: ${describeError(error)}`;
        errors.push(ep.error);
      }
    }
    throw new ChainEndpointsError(endpoints.length === 0
      ? `no RPC endpoint configured for chain ${chainLabel(chainId)}`
      : `no working RPC endpoint for chain ${chainLabel(chainId)}: ${errors.join('; ')}`);
  };

  const client = createPublicClient({ chain, transport: custom({ request }, { retryCount: 0, key: 'matryoshka', name: 'Matryoshka fallback' }) });
  return {
    chainId,
    client,
    endpoints: () => endpoints.map((e) => ({ url: e.display, state: e.state, error: e.error })),
    httpRequests: () => requests,
    activeEndpoint: () => answered,
  };
}
