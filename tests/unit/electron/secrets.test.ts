import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { decryptSecret, encryptSecret, isEncryptedSecret } = await import('../../../electron/secrets');

const URL_WITH_KEY = 'https://mainnet.infura.io/v3/0123456789abcdef';

describe('secrets', () => {
  beforeEach(() => safeStorage.isEncryptionAvailable.mockReturnValue(true));

  it('encrypts with safeStorage when available: the key is not in the stored text', () => {
    const stored = encryptSecret(URL_WITH_KEY);
    expect(isEncryptedSecret(stored)).toBe(true);
    expect(stored).not.toContain('0123456789abcdef');
    expect(decryptSecret(stored)).toBe(URL_WITH_KEY);
  });

  it('stores the value as it is where encryption is unavailable, and reads it back', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const stored = encryptSecret(URL_WITH_KEY);
    expect(stored).toBe(URL_WITH_KEY);
    expect(decryptSecret(stored)).toBe(URL_WITH_KEY);
  });

  it('throws, without the secret in the message, for an encrypted value it cannot decrypt', () => {
    const stored = encryptSecret(URL_WITH_KEY);
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(() => decryptSecret(stored)).toThrow(/keychain/);
    safeStorage.isEncryptionAvailable.mockReturnValue(true);
    expect(() => decryptSecret(`safe:v1:${Buffer.from('garbage').toString('base64')}`)).toThrow(/another key/);
  });

  it('fits the store: sealSecrets/openSecrets round-trip user endpoints through it', async () => {
    const { openSecrets, sealSecrets } = await import('../../../node/store/secrets');
    const { emptyStoreDocument } = await import('../../../shared/settings/settings');
    const empty = emptyStoreDocument();
    const document = { ...empty, settings: { ...empty.settings, rpcEndpoints: { '1': [URL_WITH_KEY] } } };
    const onDisk = JSON.stringify(sealSecrets(document, encryptSecret));
    expect(onDisk).not.toContain('0123456789abcdef');
    const opened = openSecrets(JSON.parse(onDisk), decryptSecret);
    expect(opened.problems).toEqual([]);
    expect((opened.raw as typeof document).settings.rpcEndpoints).toEqual({ '1': [URL_WITH_KEY] });
  });
});
