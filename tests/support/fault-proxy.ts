/**
 * A fault-injecting JSON-RPC proxy for tests: an HTTP server on 127.0.0.1 (a free port) that
 * forwards JSON-RPC (single calls and batches) to an upstream node (anvil) and, when told, answers
 * the way a broken or hostile endpoint would: late, never, by dropping the socket, with 429 and
 * Retry-After, with 500, with malformed JSON, with wrongly typed results, for another chain, from a
 * block far behind the head. `reorg` reorganises the upstream chain (anvil_reorg). Loopback only,
 * request bodies capped, every socket closed by `stop`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does to each request. */
export type Fault =
  | { readonly kind: 'none' }
  /** Waits `ms` before forwarding. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Accepts the request and never answers. */
  | { readonly kind: 'timeout' }
  /** Destroys the socket as soon as the request arrives. */
  | { readonly kind: 'drop' }
  /** 429 Too Many Requests with a Retry-After header. */
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  /** 500 Internal Server Error with an HTML body. */
  | { readonly kind: 'server-error' }
  /** 200 with a body that is not JSON. */
  | { readonly kind: 'malformed-json' }
  /** 200 with JSON-RPC results of the wrong type: eth_call a number, eth_blockNumber garbage, blocks a string. */
  | { readonly kind: 'wrong-types' }
  /** eth_chainId answers `chainId`; everything else is forwarded. */
  | { readonly kind: 'wrong-chain'; readonly chainId: number }
  /** Serves the chain as it was `blocks` blocks ago: eth_blockNumber and every `latest` tag are rewritten. */
  | { readonly kind: 'lag'; readonly blocks: number };

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  setFault(fault: Fault): void;
  /** Only for methods matching `methods` (others pass through); all methods when omitted. */
  setFaultFor(fault: Fault, methods: readonly string[]): void;
  /** HTTP requests received since the start or the last `resetCounts`. */
  requests(): number;
  /** JSON-RPC methods received (batch members counted one by one), in order, capped at 10,000. */
  methods(): readonly string[];
  resetCounts(): void;
  /** Replaces the last `depth` upstream blocks with empty ones (anvil_reorg). */
  reorg(depth: number): Promise<void>;
  /** Closes the server and every open socket. */
  stop(): Promise<void>;
}

export interface StartFaultProxyOptions {
  readonly upstream: string;
  /** Largest request body accepted, bytes. Default 8 MiB. */
  readonly maxBodyBytes?: number;
}

interface RpcRequest {
  readonly jsonrpc?: unknown;
  readonly id?: unknown;
  readonly method?: unknown;
  readonly params?: unknown;
}

const MAX_METHODS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > max) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function upstreamCall(upstream: string, body: unknown): Promise<unknown> {
  const response = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

/** The wrong type for a method's result; what a buggy or hostile endpoint might send. */
function wrongResult(method: string): unknown {
  if (method === 'eth_call') return 42;
  if (method === 'eth_blockNumber') return 'garbage';
  if (method === 'eth_chainId') return '0x1';
  if (method === 'eth_getBlockByNumber') return 'not a block';
  return { unexpected: true };
}

/** Starts the proxy in front of `upstream`. */
export async function startFaultProxy(options: StartFaultProxyOptions): Promise<FaultProxy> {
  const { upstream } = options;
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  let fault: Fault = { kind: 'none' };
  let only: ReadonlySet<string> | null = null;
  let requestCount = 0;
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const pending = new Set<ServerResponse>();

  const applies = (method: string): boolean => only === null || only.has(method);

  async function upstreamHead(): Promise<bigint> {
    const answer = await upstreamCall(upstream, { jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] });
    if (!isRecord(answer) || typeof answer.result !== 'string') throw new Error('upstream gave no block number');
    return BigInt(answer.result);
  }

  /** Rewrites one request for a lagging node; returns a local answer when there is one. */
  function lagged(call: RpcRequest, head: bigint, blocks: number): { readonly call: RpcRequest; readonly answer?: unknown } {
    const old = head > BigInt(blocks) ? head - BigInt(blocks) : 0n;
    const tag = `0x${old.toString(16)}`;
    const method = typeof call.method === 'string' ? call.method : '';
    if (method === 'eth_blockNumber') return { call, answer: { jsonrpc: '2.0', id: call.id ?? null, result: tag } };
    if (!Array.isArray(call.params)) return { call };
    const params: unknown[] = [...(call.params as readonly unknown[])];
    const at = method === 'eth_getBlockByNumber' ? 0 : method === 'eth_call' || method === 'eth_getBalance' || method === 'eth_getCode' || method === 'eth_getStorageAt' ? params.length - 1 : -1;
    if (at < 0) return { call };
    if (method === 'eth_call' && params.length === 1) params.push(tag);
    else if (params[at] === 'latest' || params[at] === 'pending' || params[at] === undefined) params[at] = tag;
    return { call: { ...call, params } };
  }

  async function answerOne(call: RpcRequest, head: bigint | null): Promise<unknown> {
    const method = typeof call.method === 'string' ? call.method : '';
    if (!applies(method)) return upstreamCall(upstream, call);
    if (fault.kind === 'wrong-types') return { jsonrpc: '2.0', id: call.id ?? null, result: wrongResult(method) };
    if (fault.kind === 'wrong-chain' && method === 'eth_chainId') return { jsonrpc: '2.0', id: call.id ?? null, result: `0x${fault.chainId.toString(16)}` };
    if (fault.kind === 'lag' && head !== null) {
      const rewritten = lagged(call, head, fault.blocks);
      return rewritten.answer ?? upstreamCall(upstream, rewritten.call);
    }
    return upstreamCall(upstream, call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requestCount += 1;
    const body = await readBody(req, maxBody);
    if (body === null) {
      res.writeHead(413, { 'content-type': 'text/plain' }).end('too large');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } }));
      return;
    }
    const calls: RpcRequest[] = (Array.isArray(parsed) ? parsed : [parsed]).filter(isRecord);
    const methodNames = calls.map((c) => (typeof c.method === 'string' ? c.method : ''));
    for (const m of methodNames) if (seen.length < MAX_METHODS) seen.push(m);
    const hit = methodNames.some(applies);
    const current = fault;

    if (hit && current.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (hit && current.kind === 'timeout') {
      pending.add(res);
      return;
    }
    if (hit && current.kind === 'rate-limit') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(current.retryAfterSeconds) })
        .end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: 429, message: 'Too Many Requests' } }));
      return;
    }
    if (hit && current.kind === 'server-error') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body><h1>500 Internal Server Error</h1></body></html>');
      return;
    }
    if (hit && current.kind === 'malformed-json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"result":"0x');
      return;
    }
    if (hit && current.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, current.ms));

    try {
      const head = hit && current.kind === 'lag' ? await upstreamHead() : null;
      const answers = await Promise.all(calls.map((c) => answerOne(c, head)));
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(parsed) ? answers : answers[0]));
    } catch (error) {
      if (res.destroyed) return;
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fault proxy has no TCP address');
  const { port } = address satisfies AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setFault(next) {
      fault = next;
      only = null;
      // Requests held by a timeout fault are released (as dropped connections) when the fault changes.
      for (const res of pending) res.destroy();
      pending.clear();
    },
    setFaultFor(next, methods) {
      fault = next;
      only = new Set(methods);
      for (const res of pending) res.destroy();
      pending.clear();
    },
    requests: () => requestCount,
    methods: () => [...seen],
    resetCounts() {
      requestCount = 0;
      seen.length = 0;
    },
    async reorg(depth) {
      const answer = await upstreamCall(upstream, { jsonrpc: '2.0', id: 1, method: 'anvil_reorg', params: [depth, []] });
      if (isRecord(answer) && answer.error !== undefined) throw new Error(`anvil_reorg failed: ${JSON.stringify(answer.error)}`);
    },
    async stop() {
      for (const res of pending) res.destroy();
      pending.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
