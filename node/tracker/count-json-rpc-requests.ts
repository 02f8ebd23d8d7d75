/**
 * Wraps a PublicClient so the JSON-RPC requests made through it are counted. Used when the client
 * does not come from createChainClient (which counts HTTP requests itself); with viem's http
 * transport unbatched, one JSON-RPC request is one HTTP request (retries aside).
 */
import type { EIP1193RequestFn, PublicClient } from 'viem';

export interface CountedClient {
  readonly client: PublicClient;
  count(): number;
}

/** A copy of `client` whose JSON-RPC requests are counted. */
export function countJsonRpcRequests(client: PublicClient): CountedClient {
  let n = 0;
  const inner: EIP1193RequestFn = client.request;
  const request: EIP1193RequestFn = (args, options) => {
    n += 1;
    return inner(args, options);
  };
  // viem actions reach the node only through `client.request`; everything else is configuration.
  return { client: { ...client, request }, count: () => n };
}
