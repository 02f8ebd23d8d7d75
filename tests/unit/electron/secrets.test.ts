import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  const HOOK_TOKEN = 'discordTOKENabc123';
  const HMAC_KEY = 'hmac-key-556677';
  const webhook = { url: `https://discord.com/api/webhooks/1/${HOOK_TOKEN}`, format: 'discord' as const, secret: HMAC_KEY, minimumSeverity: null };

  it('seals webhook URLs and HMAC keys too, and opens them again', async () => {
    const { openSecrets, sealSecrets } = await import('../../../node/store/secrets');
    const { emptyStoreDocument } = await import('../../../shared/settings/settings');
    const empty = emptyStoreDocument();
    const document = { ...empty, settings: { ...empty.settings, channels: { desktop: { enabled: true }, webhooks: [webhook, { ...webhook, url: 'https://ntfy.sh/alerts', format: 'ntfy' as const, secret: null }] } } };
    const onDisk = JSON.stringify(sealSecrets(document, encryptSecret));
    expect(onDisk).not.toContain(HOOK_TOKEN);
    expect(onDisk).not.toContain(HMAC_KEY);
    expect(onDisk).not.toContain('ntfy.sh/alerts');
    const opened = openSecrets(JSON.parse(onDisk), decryptSecret);
    expect(opened.problems).toEqual([]);
    expect((opened.raw as typeof document).settings.channels).toEqual(document.settings.channels);
  });
});

describe('secrets in the store file (openStore with safeStorage)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const HOOK_TOKEN = 'slackTOKENxyz789';
  const HMAC_KEY = 'hmac-key-998877';
  const webhook = { url: `https://hooks.slack.com/services/T/B/${HOOK_TOKEN}`, format: 'slack' as const, secret: HMAC_KEY, minimumSeverity: 'critical' as const };

  it('a webhook never reaches the disk in clear; one this machine cannot open is left out, reported, and kept for one that can', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(true);
    const { openStore } = await import('../../../node/store/open-store');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matryoshka-secrets-'));
    dirs.push(dir);
    const store = openStore({ dir, encryptSecret, decryptSecret });
    store.updateSettings((settings) => ({ ...settings, channels: { ...settings.channels, webhooks: [webhook] } }));
    store.close();
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      expect(text).not.toContain(HOOK_TOKEN);
      expect(text).not.toContain(HMAC_KEY);
    }

    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const locked = openStore({ dir, encryptSecret, decryptSecret });
    expect(locked.get().settings.channels.webhooks).toEqual([]);
    expect(locked.problems.map((problem) => problem.message).join(' ')).toMatch(/encrypted notification webhook could not be decrypted/);
    locked.updateSettings((settings) => ({ ...settings, language: 'zh-CN' }));
    locked.close();

    safeStorage.isEncryptionAvailable.mockReturnValue(true);
    const back = openStore({ dir, encryptSecret, decryptSecret });
    expect(back.problems).toEqual([]);
    expect(back.get().settings.language).toBe('zh-CN');
    expect(back.get().settings.channels.webhooks).toEqual([webhook]);
    back.close();
  });
});
