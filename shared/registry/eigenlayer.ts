/**
 * EigenLayer core on Ethereum mainnet. Source of every address:
 * Layr-Labs/eigenlayer-contracts@f84a5151080cdf0b77b9b6e46506cde723d06c28:README.md (mainnet v1.12.0)
 * and script/configs/mainnet/mainnet-addresses.config.json, as collected in ../shared/reference.
 */
import type { Address } from 'viem';
import type { AvsInfo, EigenLayerInfo } from './types';

const EL = 'Layr-Labs/eigenlayer-contracts@f84a5151080cdf0b77b9b6e46506cde723d06c28';
const strategySource = [`${EL}:script/configs/mainnet/mainnet-addresses.config.json`];
/** AVS service managers (the `avs` address an operator set or AVSDirectory registration names). */
const IVYNET = 'ivy-net/Ivynet@065cda0da50a471251d911d51a2d051fb60e0e34:ivynet-node-type/src/directory.rs (ALL_MAINNET_AVSES)';
const L2BEAT_EIGENDA = 'l2beat/l2beat@049f90fa3bff189a32d706a40727f4bfff8f5152:packages/backend/discovery/eigenda/ethereum/config.jsonc (eigenDAServiceManager)';
const avs = (address: Address, name: string): AvsInfo => ({ address, name, sources: [IVYNET], confidence: 'thirdParty' });

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
    { address: '0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0', name: 'EigenDA', sources: [L2BEAT_EIGENDA, IVYNET], confidence: 'secondary' },
    avs('0x22CAc0e6A1465F043428e8AeF737b3cb09D0eEDa', 'Lagrange ZK Coprocessor'),
    avs('0x35F4f28A8d3Ff20EEd10e087e8F96Ea2641E6AA2', 'Lagrange State Committees'),
    avs('0x23221c5bB90C7c57ecc1E75513e2E4257673F0ef', 'eoracle'),
    avs('0xe8E59c6C8B56F2c178f63BCFC4ce5e5e2359c8fc', 'Hyperlane'),
    avs('0x83742C346E9f305dcA94e20915aB49A483d33f3E', 'K3 Labs'),
    avs('0xD25c2c5802198CB8541987b73A8db4c9BCaE5cC7', 'Witness Chain'),
    avs('0x18343Aa10e3D2F3A861e5649627324aEAD987Adf', 'Ava Protocol'),
    avs('0xaCB91045B8bBa06f9026e1A30855B6C4A1c5BaC6', 'Predicate'),
    avs('0x9FC952BdCbB7Daca7d420fA55b942405B073A89d', 'Brevis coChain'),
    avs('0x71a77037870169d47aad6c2C9360861A4C0df2bF', 'AltLayer MACH'),
    avs('0x6026b61bDD2252160691CB3F6005B6B72E0Ec044', 'Xterio MACH (AltLayer)'),
    avs('0xed2f4d90b073128ae6769a9A8D51547B1Df766C8', 'Omni'),
    avs('0xE5445838C475A2980e6a88054ff1514230b83aEb', 'Automata Multi-Prover'),
    avs('0xd50E0931703302B080880C45148F5D83ea66aE2a', 'DODOchain MACH (AltLayer)'),
    avs('0xF7fcff55d5FDAf2C3Bbeb140Be5e62a2c7D26Db3', 'OpenLayer'),
    avs('0x1F2c296448f692af840843d993fFC0546619Dcdb', 'Cyber MACH (AltLayer)'),
    avs('0x1DE75EaAb2df55d467494A172652579E6FA4540E', 'ARPA Network'),
    avs('0xb3AcAF09a1B801E36655B786da4EAA6aE9F5DC37', 'GM Network MACH (AltLayer)'),
    avs('0x2d86E90ED40a034C753931eE31b1bD5E1970113d', 'UniFi AVS (Puffer)'),
    avs('0xe008064DF9f019d0BFF0735fe6887d70b23825Ca', 'Skate (Base)'),
    avs('0xFC569B3b74e15cf48AA684144e072e839Fd89380', 'Skate (Mantle)'),
    avs('0xb73a87E8F7f9129816d40940Ca19DFa396944C71', 'Chainbase Network'),
    avs('0xa3F64D3102a035db35c42A9001BBc83e08c7a366', 'GoPlus'),
    avs('0xB3e069FD6dDA251AcBDE09eDa547e0AB207016ee', 'Ungate InfiniRoute (Base)'),
    avs('0xF75Bc9850F4C44E682537C477c4Bb08f71f695Da', 'Ungate InfiniRoute (Polygon)'),
    avs('0xBc77233855e3274E1903771675Eb71E602D9DC2e', 'Primev mev-commit'),
    avs('0xeF2A435e5EE44B2041100EF8cbC8ae035166606c', 'Aligned Layer'),
    avs('0x9A986296d45C327dAa5998519AE1B3757F1e6Ba1', 'Gasp'),
  ],
  defaultMinWithdrawalDelayBlocks: 100800,
  sources: [`${EL}:README.md (Mainnet Ethereum tables)`, `${EL}:docs/core/DelegationManager.md`],
  confidence: 'primary',
} as const satisfies EigenLayerInfo;
