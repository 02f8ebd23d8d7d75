/**
 * Starts a real local Ethereum node (anvil, from the npm package @foundry-rs/anvil) on a free
 * loopback port, with chain id 1 so the app's mainnet address book and chain checks apply.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createServer } from 'node:net';

export interface AnvilOptions {
  readonly chainId?: number;
  readonly port?: number;
  /** Genesis timestamp (unix seconds). */
  readonly timestamp?: bigint;
  /**
   * Genesis block number. Default 24,000,000, a realistic mainnet height (anvil's own default is 0,
   * before the canonical Multicall3 and ENS Universal Resolver existed on mainnet).
   */
  readonly genesisBlockNumber?: bigint;
  /** Seconds between blocks; default: a block per transaction (automine). */
  readonly blockTime?: number;
}

export interface Anvil {
  readonly rpcUrl: string;
  readonly port: number;
  readonly chainId: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** Path of the anvil binary shipped in the platform package. */
export function anvilBinary(): string {
  const pkg = `@foundry-rs/anvil-${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const bin = join(dirname(pkgJson), 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
  if (!existsSync(bin)) throw new Error(`anvil binary not found at ${bin}; run npm install`);
  return bin;
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts anvil and resolves once it answers JSON-RPC. */
export async function startAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  const chainId = options.chainId ?? 1;
  const port = options.port ?? (await freePort());
  const args = [
    '--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId),
    '--disable-code-size-limit', '--gas-limit', '1000000000', '--silent', '--accounts', '4',
  ];
  args.push('--number', (options.genesisBlockNumber ?? 24_000_000n).toString());
  if (options.timestamp !== undefined) args.push('--timestamp', options.timestamp.toString());
  if (options.blockTime !== undefined) args.push('--block-time', String(options.blockTime));
  const child: ChildProcess = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}: ${stderr.trim()}`);
    try {
      const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) });
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`anvil did not start within 20 s: ${stderr.trim()}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    rpcUrl, port, chainId,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    }),
  };
}
