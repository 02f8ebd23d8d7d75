import { describe, expect, it } from 'vitest';
import { en, translate, zhCN } from '../../renderer/i18n/catalog';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('catalog', () => {
  it('has every English key in simplified Chinese, non-empty, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const zh = zhCN[key];
      expect(typeof zh, key).toBe('string');
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(zh), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'walletAdded', { wallet: 'Main' })).toBe('Added Main.');
    expect(translate('zh-CN', 'walletAdded', { wallet: 'Main' })).toBe('已添加 Main。');
    expect(translate('en', 'walletAdded')).toBe('Added {wallet}.');
  });
});
