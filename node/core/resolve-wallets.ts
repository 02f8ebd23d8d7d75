/**
 * Turns what the user typed (addresses, ENS names) into wallets, resolving names on mainnet and
 * looking up primary names of plain addresses for display. Duplicates are merged.
 */
import type { Address, PublicClient } from 'viem';
import { parseWalletInput } from '../../shared/wallet-input';
import { lookupEnsName, resolveWalletInput, WalletInputError } from '../tracker/resolve-ens';

export interface ResolvedInput {
  readonly address: Address;
  readonly ens: string | null;
}

export type ResolveWalletsResult =
  | { readonly ok: true; readonly wallets: readonly ResolvedInput[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Resolves every input; on any bad input, returns every error (nothing is half-resolved). */
export async function resolveWallets(mainnetClient: PublicClient | null, inputs: readonly string[]): Promise<ResolveWalletsResult> {
  const errors: string[] = [];
  const seen = new Map<string, ResolvedInput>();
  for (const input of inputs) {
    try {
      const parsed = parseWalletInput(input);
      if (parsed.kind === 'error') throw new WalletInputError(parsed.message);
      let r: ResolvedInput;
      if (parsed.kind === 'address') r = { address: parsed.address, ens: null };
      else if (!mainnetClient) throw new WalletInputError(`cannot resolve ENS name ${parsed.name}: no mainnet endpoint`);
      else r = await resolveWalletInput(mainnetClient, input);
      const key = r.address.toLowerCase();
      const prev = seen.get(key);
      seen.set(key, { address: r.address, ens: prev?.ens ?? r.ens });
    } catch (error) {
      errors.push(error instanceof WalletInputError ? error.message : `${input}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  const wallets: ResolvedInput[] = [];
  for (const w of seen.values()) {
    let ens = w.ens;
    if (ens === null && mainnetClient) {
      try { ens = await lookupEnsName(mainnetClient, w.address); } catch { ens = null; /* display only */ }
    }
    wallets.push({ address: w.address, ens });
  }
  return { ok: true, wallets };
}
