/**
 * Wallet input to an address: a hex address is checked and checksummed (shared/wallet-input), an
 * ENS name is resolved on mainnet through viem's getEnsAddress (Universal Resolver), and an address
 * can be looked up for its primary name, for display.
 */
import type { Address, PublicClient } from 'viem';
import { getEnsAddress, getEnsName } from 'viem/actions';
import { parseWalletInput } from '../../shared/wallet-input';
import { describeError } from './describe-error';

export interface ResolvedWallet {
  readonly address: Address;
  /** The normalised ENS name the user typed; null when they typed an address. */
  readonly ens: string | null;
}

/** A wallet input that cannot become an address; `message` is fit to show the user. */
export class WalletInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WalletInputError';
  }
}

/**
 * Resolves what the user typed to an address. Throws WalletInputError with a readable message for
 * a malformed address, an invalid name, a name that does not resolve, or a failed lookup.
 */
export async function resolveWalletInput(client: PublicClient, input: string): Promise<ResolvedWallet> {
  const parsed = parseWalletInput(input);
  if (parsed.kind === 'error') throw new WalletInputError(parsed.message);
  if (parsed.kind === 'address') return { address: parsed.address, ens: null };
  let address: Address | null;
  try {
    address = await getEnsAddress(client, { name: parsed.name });
  } catch (error) {
    throw new WalletInputError(`could not resolve ENS name ${parsed.name}: ${describeError(error)}`, { cause: error });
  }
  if (!address) throw new WalletInputError(`ENS name ${parsed.name} does not resolve to an address`);
  return { address, ens: parsed.name };
}

/** The address's primary ENS name (reverse record, verified forward by the resolver), or null. */
export async function lookupEnsName(client: PublicClient, address: Address): Promise<string | null> {
  return getEnsName(client, { address });
}
