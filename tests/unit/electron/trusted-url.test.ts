import { describe, expect, it } from 'vitest';
import { isExplorerUrl, isTrustedAppOrigin, isTrustedAppUrl } from '../../../electron/trusted-url';

describe('isTrustedAppUrl', () => {
  it.each([
    ['app://matryoshka/index.html', true],
    ['app://matryoshka/', true],
    ['app://matryoshka/assets/index-abc.js?v=1#x', true],
    // Misleading URLs: every one of these contains the trusted origin as a substring.
    ['app://matryoshka.evil.com/index.html', false],
    ['app://matryoshka@evil.com/index.html', false],
    ['app://evil.com/app://matryoshka/index.html', false],
    ['https://evil.com/?next=app://matryoshka/index.html', false],
    ['https://matryoshka/index.html', false],
    ['http://matryoshka/', false],
    ['file:///app://matryoshka/index.html', false],
    ['app://user:pass@matryoshka/index.html', false],
    ['app://matryoshka:8080/index.html', false],
    ['app:matryoshka/index.html', false],
    ['app:///matryoshka/index.html', false],
    ['javascript:app://matryoshka/', false],
    ['data:text/html,app://matryoshka/', false],
    ['app://matryoshkaa/', false],
    ['app://xmatryoshka/', false],
    ['APP://evil/matryoshka', false],
    ['', false],
    ['not a url', false],
  ])('%s -> %s', (url, trusted) => {
    expect(isTrustedAppUrl(url)).toBe(trusted);
  });
});

describe('isTrustedAppOrigin', () => {
  it.each([
    ['app://matryoshka', true],
    ['app://matryoshka/', true],
    ['app://matryoshka/index.html', false],
    ['app://matryoshka.evil.com', false],
    ['https://matryoshka', false],
    ['null', false],
    ['', false],
  ])('%s -> %s', (origin, trusted) => {
    expect(isTrustedAppOrigin(origin)).toBe(trusted);
  });
});

describe('isExplorerUrl', () => {
  it.each([
    ['https://etherscan.io/address/0x00000000219ab540356cBB839Cbe05303d7705Fa', true],
    ['https://basescan.org/tx/0xabc', true],
    ['https://arbiscan.io/', true],
    ['https://lineascan.build/address/0x1', true],
    ['http://etherscan.io/address/0x1', false],
    ['https://etherscan.io.evil.com/address/0x1', false],
    ['https://evil.com/etherscan.io', false],
    ['https://evil.com/?u=https://etherscan.io', false],
    ['https://etherscan.io@evil.com/', false],
    ['https://user@etherscan.io/', false],
    ['https://etherscan.io:8443/', false],
    ['https://xetherscan.io/', false],
    ['javascript://etherscan.io/%0aalert(1)', false],
    ['file://etherscan.io/etc/passwd', false],
    ['app://matryoshka/index.html', false],
    ['', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isExplorerUrl(url)).toBe(allowed);
  });
});
