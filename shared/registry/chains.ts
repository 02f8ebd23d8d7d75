/** Chains the app reads, with built-in public endpoints so a new user needs no key. */
import type { ChainInfo } from './types';

export const chains = [
  {
    id: 1,
    name: 'Ethereum',
    blockTimeSeconds: 12,
    defaultRpcs: ['https://ethereum-rpc.publicnode.com', 'https://eth.llamarpc.com', 'https://1rpc.io/eth', 'https://cloudflare-eth.com'],
    explorer: 'https://etherscan.io',
    eigenLayer: true,
    bridge: null,
  },
  {
    id: 42161,
    name: 'Arbitrum One',
    blockTimeSeconds: 0.25,
    defaultRpcs: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com', 'https://1rpc.io/arb'],
    explorer: 'https://arbiscan.io',
    eigenLayer: false,
    bridge: 'Arbitrum bridge / LayerZero OFT',
  },
  {
    id: 8453,
    name: 'Base',
    blockTimeSeconds: 2,
    defaultRpcs: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com', 'https://1rpc.io/base'],
    explorer: 'https://basescan.org',
    eigenLayer: false,
    bridge: 'Base bridge / LayerZero OFT',
  },
  {
    id: 59144,
    name: 'Linea',
    blockTimeSeconds: 2,
    defaultRpcs: ['https://rpc.linea.build', 'https://linea-rpc.publicnode.com', 'https://1rpc.io/linea'],
    explorer: 'https://lineascan.build',
    eigenLayer: false,
    bridge: 'Linea bridge / LayerZero OFT',
  },
] as const satisfies readonly ChainInfo[];

export type SupportedChainId = (typeof chains)[number]['id'];
