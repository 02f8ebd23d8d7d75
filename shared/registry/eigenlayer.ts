/**
 * EigenLayer core on Ethereum mainnet. Source of every address:
 * Layr-Labs/eigenlayer-contracts@f84a5151080cdf0b77b9b6e46506cde723d06c28:README.md (mainnet v1.12.0)
 * and script/configs/mainnet/mainnet-addresses.config.json, as collected in ../shared/reference.
 */
import type { EigenLayerInfo } from './types';

const EL = 'Layr-Labs/eigenlayer-contracts@f84a5151080cdf0b77b9b6e46506cde723d06c28';
const strategySource = [`${EL}:script/configs/mainnet/mainnet-addresses.config.json`];

export const eigenLayer = {
  chainId: 1,
  strategyManager: '0x858646372CC42E1A627fcE94aa7A7033e7CF075A',
  delegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
  allocationManager: '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39',
  eigenPodManager: '0x91E677b07F7AF907ec9a428aafA9fc14a0d3A338',
  avsDirectory: '0x135DDa560e946695d6f155dACaFC6f1F25C1F5AF',
  rewardsCoordinator: '0x7750d328b314EfFa365A0402CcfD489B80B0adda',
  beaconChainEthStrategy: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0',
  strategies: [
    { address: '0x93c4b944D05dfe6df7645A86cd2206016c51564D', underlying: 'stETH@1', label: 'stETH strategy', sources: strategySource, confidence: 'primary' },
    { address: '0x1BeE69b7dFFfA4E2d53C2a2Df135C388AD25dCD2', underlying: 'rETH@1', label: 'rETH strategy', sources: strategySource, confidence: 'primary' },
    { address: '0x54945180dB7943c0ed0FEE7EdaB2Bd24620256bc', underlying: 'cbETH@1', label: 'cbETH strategy', sources: strategySource, confidence: 'primary' },
    { address: '0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d', underlying: 'ETHx@1', label: 'ETHx strategy', sources: strategySource, confidence: 'primary' },
    { address: '0xaCB55C530Acdb2849e6d4f36992Cd8c9D50ED8F7', underlying: 'EIGEN', label: 'EIGEN strategy', sources: strategySource, confidence: 'primary' },
  ],
  avss: [
    { address: '0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0', name: 'EigenDA', sources: ['Layr-Labs/eigenda README (mainnet EigenDAServiceManager)'], confidence: 'secondary' },
  ],
  defaultMinWithdrawalDelayBlocks: 100800,
  sources: [`${EL}:README.md (Mainnet Ethereum tables)`, `${EL}:docs/core/DelegationManager.md`],
  confidence: 'primary',
} as const satisfies EigenLayerInfo;
