/**
 * Parses what a user typed as a wallet: a hex address or an ENS name. Pure: resolving a name to an
 * address needs the chain and lives in node/tracker/resolve-ens.ts.
 */
import { getAddress, type Address } from 'viem';
import { normalize } from 'viem/ens';

export type WalletInput =
  | { readonly kind: 'address'; readonly address: Address }
  | { readonly kind: 'ens'; readonly name: string }
  | { readonly kind: 'error'; readonly message: string };

const HEX_BODY = /^[0-9a-fA-F]*$/;

/** Shortens long input for an error message. */
function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}..."` : `"${text}"`;
}

function parseHexAddress(text: string): WalletInput {
  const body = text.slice(2);
  if (!HEX_BODY.test(body)) return { kind: 'error', message: `${quote(text)} is not a valid address: it contains characters that are not hexadecimal` };
  if (body.length !== 40) {
    return { kind: 'error', message: `${quote(text)} is not a valid address: expected 40 hexadecimal digits after 0x, got ${body.length}` };
  }
  const candidate = `0x${body}` as const;
  const checksummed = getAddress(candidate.toLowerCase());
  // All-lowercase or all-uppercase carries no checksum (EIP-55); mixed case must match it exactly.
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && candidate !== checksummed) {
    return { kind: 'error', message: `${text} has an invalid checksum (EIP-55): check for a typo; the checksummed form of these digits is ${checksummed}` };
  }
  return { kind: 'address', address: checksummed };
}

/**
 * Classifies and validates a wallet typed by the user.
 *
 * - `0x` + 40 hex digits: an address. All-lowercase and all-uppercase digits are accepted and
 *   returned checksummed; mixed case must carry a valid EIP-55 checksum (a wrong one is an error
 *   naming the input, since it usually means a typo).
 * - Anything containing a dot: an ENS name, returned normalised (ENSIP-15).
 * - Anything else: an error saying why.
 */
export function parseWalletInput(text: string): WalletInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'error', message: 'Enter an address (0x…) or an ENS name (name.eth)' };
  if (/^0x/i.test(trimmed) && !trimmed.includes('.')) return parseHexAddress(`0x${trimmed.slice(2)}`);
  if (!trimmed.includes('.')) {
    return { kind: 'error', message: `${quote(trimmed)} is neither an address (0x followed by 40 hexadecimal digits) nor an ENS name (like name.eth)` };
  }
  try {
    const name = normalize(trimmed);
    if (name.split('.').some((label) => label === '')) return { kind: 'error', message: `${quote(trimmed)} is not a valid ENS name: it has an empty label` };
    return { kind: 'ens', name };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'error', message: `${quote(trimmed)} is not a valid ENS name: ${reason}` };
  }
}
