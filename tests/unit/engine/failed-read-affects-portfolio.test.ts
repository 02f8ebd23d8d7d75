import { describe, expect, it } from 'vitest';
import { failedReadAffectsPortfolio } from '../../../shared/engine/failed-read-affects-portfolio';

describe('failedReadAffectsPortfolio', () => {
  const held = new Set(['weETH@1', 'eETH@1']);
  it.each([
    ['token.redemptionDelay:ezETH@1', false],
    ['token.nav:weETH@1', true],
    ['token.market:eETH@1', true],
    ['token.paused:rsETH@1', false],
    ['balance:0xabc:ezETH@1', true],
    ['eigen.deposits:0xabc', true],
    ['operator.maxMagnitudes:0xabc', true],
    ['block', true],
  ])('%s -> %s', (key, expected) => {
    expect(failedReadAffectsPortfolio(key, held)).toBe(expected);
  });
});
