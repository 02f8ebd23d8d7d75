import { safeStorage } from 'electron';

/** Marks a value encrypted with safeStorage (no RPC or webhook URL starts like this: they are http(s) or ws(s)). */
const PREFIX = 'safe:v1:';

/** True when `stored` was produced by `encryptSecret` with encryption. */
export function isEncryptedSecret(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/**
 * Encrypts a secret (an RPC URL with an API key, a webhook URL or HMAC key) with the OS keychain through safeStorage. Where
 * encryption is not available the value is returned unchanged, so it is still stored (plain).
 */
export function encryptSecret(plain: string): string {
  if (!safeStorage.isEncryptionAvailable()) return plain;
  return PREFIX + safeStorage.encryptString(plain).toString('base64');
}

/**
 * Reverses `encryptSecret`. A plain value comes back unchanged; an encrypted one that cannot be
 * decrypted here (no keychain, another machine's key) throws, so the store leaves that endpoint or
 * webhook out and tells the user to enter it again (node/store/secrets.ts `OpenSecret`).
 */
export function decryptSecret(stored: string): string {
  if (!isEncryptedSecret(stored)) return stored;
  if (!safeStorage.isEncryptionAvailable()) throw new Error('this saved secret (an RPC endpoint or a webhook) was encrypted with the system keychain, which is not available now');
  try {
    return safeStorage.decryptString(Buffer.from(stored.slice(PREFIX.length), 'base64'));
  } catch (error) {
    throw new Error('this saved secret (an RPC endpoint or a webhook) was encrypted with another key (another machine or user) and cannot be read', { cause: error });
  }
}
