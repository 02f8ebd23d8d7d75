/**
 * A connection to the simulated world's node: clients, compiled fixtures, and the few
 * primitives every fixture deployer uses (place code at a mainnet address, send a fixture-only
 * setter transaction, mine blocks).
 */
import {
  createPublicClient, createTestClient, createWalletClient, http, type Abi, type Address, type Hex,
  type PublicClient, type TestClient, type WalletClient, type Chain, type Account,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { mainnet } from 'viem/chains';
import { compileWorld, type Artifacts } from './compile';

/** anvil's first default account (public test key, funded on every anvil node). */
const ADMIN_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

export interface WorldContext {
  readonly rpcUrl: string;
  readonly chain: Chain;
  readonly publicClient: PublicClient;
  readonly testClient: TestClient;
  readonly walletClient: WalletClient;
  readonly admin: Account;
  readonly artifacts: Artifacts;
  /** Places the runtime code of a compiled fixture at an address (constructor storage does not carry over). */
  place(contract: string, at: Address): Promise<void>;
  /** Sends a transaction to a fixture and waits for it to be mined; throws on revert. */
  write(contract: string, at: Address, functionName: string, args?: readonly unknown[], value?: bigint): Promise<void>;
  /** Reads a fixture view. */
  read(contract: string, at: Address, functionName: string, args?: readonly unknown[]): Promise<unknown>;
  /** Mines `blocks` empty blocks (and advances time by 12 s per block). */
  mine(blocks: number): Promise<void>;
  abi(contract: string): Abi;
}

/** Connects to a running anvil node (chain id 1) and compiles the fixtures. */
export function connectWorld(rpcUrl: string): WorldContext {
  const artifacts = compileWorld();
  const chain: Chain = { ...mainnet, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl, { batch: false });
  const publicClient = createPublicClient({ chain, transport });
  const testClient = createTestClient({ chain, transport, mode: 'anvil' });
  const admin = privateKeyToAccount(ADMIN_KEY);
  const walletClient = createWalletClient({ chain, transport, account: admin });
  const abi = (contract: string): Abi => {
    const a = artifacts[contract];
    if (!a) throw new Error(`no compiled fixture named ${contract}`);
    return a.abi;
  };
  // Writes from one admin account must not race for a nonce: they go out one after another.
  let writes: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const next = writes.then(task, task);
    writes = next.catch(() => undefined);
    return next;
  };
  return {
    rpcUrl, chain, publicClient, testClient, walletClient, admin, artifacts, abi,
    async place(contract, at) {
      const a = artifacts[contract];
      if (!a) throw new Error(`no compiled fixture named ${contract}`);
      await testClient.setCode({ address: at, bytecode: a.deployedBytecode });
    },
    write(contract, at, functionName, args = [], value) {
      return serialised(async () => {
        const hash = await walletClient.writeContract({
          address: at, abi: abi(contract), functionName, args: [...args], account: admin, chain,
          ...(value === undefined ? {} : { value }),
        });
        const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
        if (receipt.status !== 'success') throw new Error(`${contract}.${functionName} reverted`);
      });
    },
    async read(contract, at, functionName, args = []) {
      return publicClient.readContract({ address: at, abi: abi(contract), functionName, args: [...args] });
    },
    async mine(blocks) {
      await testClient.mine({ blocks, interval: 12 });
    },
  };
}
