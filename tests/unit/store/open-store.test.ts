import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../node/store/open-store';
import type { Store } from '../../../node/store/open-store';
import { StoreError } from '../../../node/store/store-error';
import { diffReports } from '../../../shared/notify/diff-reports';
import type { Warning } from '../../../shared/report';
import { defaultThresholds } from '../../../shared/settings/thresholds';

const ALICE = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const CAROL = '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB';
const FIXED = new Date('2026-11-25T06:00:00.000Z');
const clock = (): Date => FIXED;

let dir: string;
const opened: Store[] = [];

function open(options: Partial<Parameters<typeof openStore>[0]> = {}): Store {
  const store = openStore({ dir, clock, ...options });
  opened.push(store);
  return store;
}

function file(name = 'config.json'): string {
  return path.join(dir, name);
}

function walletJson(address: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { address, label: 'w', ensName: null, chains: [1], addedAt: FIXED.toISOString(), ...extra };
}

function backups(label: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith(`config.${label}-`));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matryoshka-store-'));
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openStore: normal use', () => {
  it('starts empty in a fresh folder and keeps changes across a restart', () => {
    const store = open();
    expect(store.problems).toEqual([]);
    expect(store.persistent).toBe(true);
    store.addWallet({ address: ALICE.toLowerCase(), label: 'cold', ensName: 'alice.eth' });
    store.updateSettings((settings) => ({ ...settings, language: 'zh-CN', notifications: { ...settings.notifications, cooldownSeconds: 60 } }));
    store.close();

    const again = open();
    expect(again.problems).toEqual([]);
    expect(again.get().wallets).toEqual([{ address: ALICE, label: 'cold', ensName: 'alice.eth', chains: [1, 42161, 8453, 59144], addedAt: FIXED.toISOString() }]);
    expect(again.get().settings.language).toBe('zh-CN');
    expect(again.get().settings.notifications.cooldownSeconds).toBe(60);
  });

  it('writes by replacing the file (atomic rename), leaves no temporary file, and refreshes the last good copy', () => {
    const store = open();
    store.addWallet({ address: ALICE });
    const before = fs.statSync(file()).ino;
    store.addWallet({ address: BOB });
    const after = fs.statSync(file()).ino;
    expect(after).not.toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'config.last-good.json']);
    expect(fs.readFileSync(file('config.last-good.json'), 'utf8')).toBe(fs.readFileSync(file(), 'utf8'));
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).wallets).toHaveLength(2);
  });

  it('writes a plain conf (electron-store) file that conf reads back as the same document', () => {
    const store = open();
    store.addWallet({ address: ALICE, label: 'cold' });
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config' });
    expect(conf.store).toEqual(store.get());
    expect(conf.get('wallets.0.address')).toBe(ALICE);
  });

  it('holds thousands of wallets', { timeout: 30_000 }, () => {
    const store = open();
    const many = Array.from({ length: 3000 }, (_, i) => ({ address: `0x${(i + 1).toString(16).padStart(40, '0')}`, addedAt: FIXED.toISOString() }));
    store.update((draft) => ({ ...draft, wallets: many.map((wallet) => ({ ...wallet, label: '', ensName: null, chains: [1] })) }));
    const again = open();
    expect(again.problems).toEqual([]);
    expect(again.get().wallets).toHaveLength(3000);
  });

  it('a second store sees changes made by the first without changing anything itself', () => {
    const reader = open();
    const writer = open();
    writer.addWallet({ address: ALICE });
    expect(reader.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
  });

  it('refuses an invalid change and a duplicate wallet without writing anything', () => {
    const store = open();
    store.addWallet({ address: ALICE });
    const text = fs.readFileSync(file(), 'utf8');
    expect(() => store.addWallet({ address: ALICE.toLowerCase() })).toThrow(StoreError);
    expect(() => store.addWallet({ address: '0x1234' })).toThrow(/not valid/);
    expect(() => store.updateSettings((settings) => ({ ...settings, refresh: { ...settings.refresh, pollIntervalSeconds: -1 } }))).toThrow(StoreError);
    expect(() => store.update((draft) => ({ ...draft, wallets: [...draft.wallets, ...draft.wallets] }))).toThrow(StoreError);
    expect(fs.readFileSync(file(), 'utf8')).toBe(text);
    expect(store.get().wallets).toHaveLength(1);
  });

  it('removes a wallet given in any case', () => {
    const store = open();
    store.addWallet({ address: ALICE });
    store.addWallet({ address: BOB });
    store.removeWallet(ALICE.toLowerCase());
    expect(open().get().wallets.map((wallet) => wallet.address)).toEqual([BOB]);
  });

  it('keeps the last report with its bigints', () => {
    const store = open();
    store.saveReport({ totalValueEth: 10n ** 30n, label: '123n', nested: [{ wei: -5n }] });
    expect(open().getLastReport()).toEqual({ totalValueEth: 10n ** 30n, label: '123n', nested: [{ wei: -5n }] });
  });

  it('bounds the history', () => {
    const store = open({ historyMaxPoints: 10 });
    const now = Math.floor(FIXED.getTime() / 1000);
    for (let i = 0; i < 30; i += 1) {
      store.appendHistory({ t: now - 3000 + i * 100, totalValueEth: String(i), riskScore: i, exposure: { layer: {}, protocol: {} }, warnings: { info: 0, warning: 0, critical: 0 } });
    }
    const history = open().getHistory();
    expect(history.length).toBeLessThanOrEqual(10);
    expect(history[history.length - 1]?.totalValueEth).toBe('29');
  });
});

describe('openStore: concurrent writers', () => {
  it('two stores on one file alternating changes lose nothing', { timeout: 30_000 }, () => {
    const first = open();
    const second = open();
    const addresses = Array.from({ length: 40 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);
    addresses.forEach((address, i) => (i % 2 === 0 ? first : second).addWallet({ address, label: `#${i}` }));
    second.updateSettings((settings) => ({ ...settings, closeToTray: false }));
    first.updateSettings((settings) => ({ ...settings, launchAtLogin: true }));
    const final = open().get();
    expect(final.wallets).toHaveLength(40);
    expect(final.wallets.map((wallet) => wallet.label)).toEqual(addresses.map((_, i) => `#${i}`));
    expect(final.settings.closeToTray).toBe(false);
    expect(final.settings.launchAtLogin).toBe(true);
  });

  // Every save is fsync'ed (atomic and durable), about 10-25 ms each on a slow disk.
  it('rapid updates all land', { timeout: 30_000 }, () => {
    const store = open();
    for (let i = 0; i < 100; i += 1) store.update((draft) => void draft.settings.notifications.mutedKinds.splice(0, 1, `kind-${i}`));
    for (let i = 0; i < 30; i += 1) store.addWallet({ address: `0x${(i + 1).toString(16).padStart(40, 'a')}` });
    const final = open().get();
    expect(final.settings.notifications.mutedKinds).toEqual(['kind-99']);
    expect(final.wallets).toHaveLength(30);
  });
});

describe('openStore: damaged files', () => {
  function writeGood(): void {
    const store = open();
    store.addWallet({ address: ALICE, label: 'alice' });
    store.updateSettings((settings) => ({ ...settings, language: 'zh-CN' }));
    store.close();
  }

  it('a truncated file is kept aside and the last good copy restored', () => {
    writeGood();
    const original = fs.readFileSync(file(), 'utf8');
    fs.writeFileSync(file(), original.slice(0, Math.floor(original.length / 2)));
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['corrupted']);
    expect(store.problems[0]?.message).toMatch(/not valid JSON/);
    expect(store.problems[0]?.message).toMatch(/last good copy was restored/);
    const backup = store.problems[0]?.backupPath ?? '';
    expect(fs.readFileSync(backup, 'utf8')).toBe(original.slice(0, Math.floor(original.length / 2)));
    expect(store.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
    expect(store.get().settings.language).toBe('zh-CN');
    // The repaired file is valid again: the next start has nothing to report.
    store.close();
    expect(open().problems).toEqual([]);
  });

  it('without a good copy, wallets still readable in a truncated file are recovered', () => {
    const doc = { version: 1, wallets: [walletJson(ALICE), walletJson(BOB), walletJson(CAROL)] };
    const text = JSON.stringify(doc, null, '\t');
    const cut = text.indexOf(CAROL);
    fs.writeFileSync(file(), text.slice(0, cut));
    const store = open();
    expect(store.problems[0]?.code).toBe('corrupted');
    expect(store.problems[0]?.message).toMatch(/2 wallets could be recovered/);
    expect(store.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE, BOB]);
    expect(backups('corrupt')).toHaveLength(1);
  });

  it.each([
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x12, 0x80])],
    ['an empty file', Buffer.from('')],
    ['a JSON array', Buffer.from('[1,2,3]')],
    ['JSON null', Buffer.from('null')],
  ])('%s starts from defaults with a backup and a problem', (_label, bytes) => {
    fs.writeFileSync(file(), bytes);
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['corrupted']);
    expect(store.get().wallets).toEqual([]);
    expect(backups('corrupt')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups('corrupt')[0] ?? ''))).toEqual(bytes);
    expect(open().get().version).toBe(1);
  });

  it('a wrong schema restores the last good copy and adds back wallets only the damaged file had', () => {
    writeGood();
    const damaged = JSON.parse(fs.readFileSync(file(), 'utf8'));
    damaged.wallets.push(walletJson(BOB, { label: 'bob' }));
    damaged.settings.refresh = { pollIntervalSeconds: 'fast' };
    fs.writeFileSync(file(), JSON.stringify(damaged));
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['corrupted']);
    expect(store.problems[0]?.message).toMatch(/1 wallet found only in the damaged file was added back/);
    expect(store.problems[0]?.message).toContain('refresh.pollIntervalSeconds');
    expect(store.get().wallets.map((wallet) => wallet.label)).toEqual(['alice', 'bob']);
    expect(store.get().settings.refresh.pollIntervalSeconds).toBe(12);
  });

  it('without a good copy, a partly wrong file keeps everything that can be read', () => {
    fs.writeFileSync(
      file(),
      JSON.stringify({ version: 1, wallets: [walletJson(ALICE), walletJson('0xnope')], settings: { language: 'zh-CN', thresholds: { depegWarning: 'high' } } }),
    );
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['corrupted']);
    expect(store.problems[0]?.message).toMatch(/everything that could be read from it was kept \(1 wallet\)/);
    expect(store.problems[0]?.message).toContain('0xnope');
    expect(store.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
    expect(store.get().settings.language).toBe('zh-CN');
    expect(store.get().settings.thresholds.depegWarning).toBe(defaultThresholds.depegWarning);
  });

  it('a file from a newer version is kept aside and its wallets kept', () => {
    fs.writeFileSync(file(), JSON.stringify({ version: 2, wallets: [walletJson(ALICE)], settings: { futureOption: true }, somethingNew: {} }));
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['newer-version']);
    expect(store.problems[0]?.message).toMatch(/newer version of Matryoshka \(format 2\)/);
    expect(backups('newer')).toHaveLength(1);
    expect(store.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
  });

  it('a missing file with a last good copy is restored from it', () => {
    writeGood();
    fs.rmSync(file());
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['restored-last-good']);
    expect(store.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
    expect(fs.existsSync(file())).toBe(true);
  });

  it('an unreadable file (a folder in its place) still lets the app start with the last good copy', () => {
    writeGood();
    fs.rmSync(file());
    fs.mkdirSync(file());
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toContain('unreadable');
    expect(store.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
  });
});

describe('openStore: migrations', () => {
  it('migrates a format 0 file (no version, no chains per wallet) to format 1, keeping the old file', () => {
    const v0 = {
      wallets: [{ address: ALICE.toLowerCase(), label: 'old', ens: 'alice.eth', addedAt: '2025-01-01T00:00:00.000Z' }, { address: BOB, addedAt: '2025-02-01T00:00:00.000Z' }],
      settings: { rpcUrls: { '1': ['https://rpc.example/key'] }, language: 'zh-CN' },
    };
    fs.writeFileSync(file(), JSON.stringify(v0));
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['migrated']);
    expect(store.get().wallets).toEqual([
      { address: ALICE, label: 'old', ensName: 'alice.eth', chains: [1], addedAt: '2025-01-01T00:00:00.000Z' },
      { address: BOB, label: '', ensName: null, chains: [1], addedAt: '2025-02-01T00:00:00.000Z' },
    ]);
    expect(store.get().settings.rpcEndpoints).toEqual({ '1': ['https://rpc.example/key'] });
    expect(store.get().settings.language).toBe('zh-CN');
    expect(JSON.parse(fs.readFileSync(path.join(dir, backups('format-0')[0] ?? ''), 'utf8'))).toEqual(v0);
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).version).toBe(1);
    store.close();
    expect(open().problems).toEqual([]);
  });

  it('a format 0 file that does not match format 0 is treated as damaged, keeping what parses', () => {
    fs.writeFileSync(file(), JSON.stringify({ wallets: 'nope', settings: { language: 'zh-CN' } }));
    const store = open();
    expect(store.problems.map((problem) => problem.code)).toEqual(['corrupted']);
    expect(store.problems[0]?.message).toMatch(/format 0/);
    expect(store.get().wallets).toEqual([]);
  });
});

describe('openStore: unwritable folder', () => {
  it('works in memory and says so when the folder cannot be created', () => {
    // Tests may run as root, where chmod does not stop writes: a path under a regular file cannot be a folder for anyone.
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const store = openStore({ dir: path.join(blocker, 'store'), clock });
    opened.push(store);
    expect(store.persistent).toBe(false);
    expect(store.problems.map((problem) => problem.code)).toEqual(['unwritable']);
    expect(store.problems[0]?.message).toMatch(/changes will be lost when it closes/);
    store.addWallet({ address: ALICE });
    expect(store.get().wallets).toHaveLength(1);
  });

  it('reports a failed save and keeps the change in memory', () => {
    const store = open();
    store.addWallet({ address: ALICE });
    // Replace the folder by a file: every later write fails.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, 'x');
    store.addWallet({ address: BOB });
    expect(store.get().wallets).toHaveLength(2);
    expect(store.problems.map((problem) => problem.code)).toEqual(['write-failed']);
    fs.rmSync(dir, { force: true });
  });
});

describe('openStore: secrets', () => {
  const seal = (plain: string): string => `sealed:${Buffer.from(plain).toString('base64')}`;
  const unseal = (sealed: string): string => {
    if (!sealed.startsWith('sealed:')) throw new Error('not mine');
    return Buffer.from(sealed.slice(7), 'base64').toString();
  };
  const url = 'https://mainnet.infura.io/v3/SECRETKEY';

  it('seals RPC URLs on disk and opens them again', () => {
    const store = open({ encryptSecret: seal, decryptSecret: unseal });
    store.updateSettings((settings) => ({ ...settings, rpcEndpoints: { '1': [url] } }));
    expect(fs.readFileSync(file(), 'utf8')).not.toContain('SECRETKEY');
    expect(fs.readFileSync(file('config.last-good.json'), 'utf8')).not.toContain('SECRETKEY');
    const again = open({ encryptSecret: seal, decryptSecret: unseal });
    expect(again.problems).toEqual([]);
    expect(again.get().settings.rpcEndpoints).toEqual({ '1': [url] });
  });

  it('stores URLs as they are without encryptSecret', () => {
    open().updateSettings((settings) => ({ ...settings, rpcEndpoints: { '1': [url] } }));
    expect(fs.readFileSync(file(), 'utf8')).toContain('SECRETKEY');
  });

  it('an endpoint that cannot be decrypted is left out with a problem; wallets are untouched', () => {
    const store = open({ encryptSecret: seal, decryptSecret: unseal });
    store.addWallet({ address: ALICE });
    store.updateSettings((settings) => ({ ...settings, rpcEndpoints: { '1': [url] } }));
    store.close();
    const other = open();
    expect(other.problems.map((problem) => problem.code)).toEqual(['secret-unreadable']);
    expect(other.problems[0]?.message).toMatch(/chain 1/);
    expect(other.get().settings.rpcEndpoints).toEqual({ '1': [] });
    expect(other.get().wallets).toHaveLength(1);
    // A change made where the key is missing keeps the sealed endpoint for a machine that can open it.
    other.addWallet({ address: BOB });
    other.close();
    const back = open({ encryptSecret: seal, decryptSecret: unseal });
    expect(back.problems).toEqual([]);
    expect(back.get().settings.rpcEndpoints).toEqual({ '1': [url] });
    expect(back.get().wallets).toHaveLength(2);
  });

  it('a decryptSecret that answers null (no keychain) counts as not decryptable', () => {
    open({ encryptSecret: seal, decryptSecret: unseal }).updateSettings((settings) => ({ ...settings, rpcEndpoints: { '1': [url] } }));
    const other = open({ encryptSecret: seal, decryptSecret: () => null });
    expect(other.problems.map((problem) => problem.code)).toEqual(['secret-unreadable']);
    expect(other.get().settings.rpcEndpoints).toEqual({ '1': [] });
  });
});

describe('openStore: notification state', () => {
  it('a restart never re-notifies what was already said', () => {
    const warnings: Warning[] = [
      { id: 'depeg:ezETH', kind: 'depeg', severity: 'critical', title: 'ezETH depeg', subject: 'ezETH', value: 0.05, threshold: 0.03, explanation: 'x', action: 'y' },
    ];
    const settings = open().get().settings;
    const ctx = { now: 1_800_000_000n, settings: settings.notifications, thresholds: defaultThresholds, localMinutesOfDay: 600 };
    const store = open();
    const first = diffReports(store.getNotifyState(), warnings, ctx);
    expect(first.notifications).toHaveLength(1);
    store.setNotifyState(first.state);
    store.close();

    const restarted = open();
    const second = diffReports(restarted.getNotifyState(), warnings, { ...ctx, now: ctx.now + 60n });
    expect(second.events).toEqual([]);
    expect(second.notifications).toEqual([]);
  });
});
