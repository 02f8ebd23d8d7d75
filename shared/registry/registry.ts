/** The built-in registry: chains, EigenLayer, tokens. */
import type { Registry } from './types';
import { chains } from './chains';
import { eigenLayer } from './eigenlayer';
import { ADDR, tokens } from './tokens';

export const registry: Registry = {
  chains,
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
  eigenLayer,
  tokens,
  ethUsdFeed: {
    address: ADDR.feedEthUsd,
    decimals: 8,
    heartbeatSeconds: 3600,
    sources: [
      'Veda-Labs/boring-vault ChainValues.sol (WETH_USD_FEED), many integrators',
      'https://data.chain.link/feeds/ethereum/mainnet/eth-usd (heartbeat 3600 s, deviation 0.5%)',
    ],
    confidence: 'thirdParty',
  },
};
