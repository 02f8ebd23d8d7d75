/**
 * LSTs and LRTs the app recognises, per chain. Facts from ../shared/reference/lrt_registry.json
 * (each with its source and confidence mark) and the protocols' public contracts.
 * Defaults (confidence `default`) are used only where no contract exposes the value; the UI marks them.
 */
import type { Address } from 'viem';
import type { DelaySource, NavSource, Redemption, TokenInfo, ViewCall } from './types';

const DAY = 86_400;
const ETHERFI = 'etherfi-protocol/smart-contracts@b4a0968087b178bc346cdf6bee6c0597bf4c42c7';
const RENZO = 'Renzo-Protocol/contracts-public@fc8c8e083852339fbddc7339287e54db77ff3959';
const KELP = 'Kelp-DAO/LRT-rsETH@c289b815eb8f3300ed9feab13ef6b8b05515a15c';
const PUFFER = 'PufferFinance/puffer-contracts@380600060cd231fd8616ba167e674d4140486dbb';
const SWELL = 'SwellNetwork/v3-core-public@ba1eeff12ab994a26492fa5dcd0aa8937733dbb4';
const MELLOW = 'mellow-finance/simple-lrt@a185256422179271c32be703311097480151cf1f';
const BALANCER = 'balancer/code-review@cb07c6456af95b4c85e5d3374f8f3085d66d4dfb:rate-providers/registry.json';
const VEDA = 'Veda-Labs/boring-vault@45243c1473d601d18d561397a59f5941b13aa57c:test/resources/ChainValues.sol';

const view = (address: Address, signature: string, args: ViewCall['args'] = 'none'): ViewCall => ({ address, signature, args });
const oneToOne = (unit: string, sources: readonly string[]): NavSource => ({ unit, rate: null, amount: null, sources, confidence: 'primary' });
const defaultDelay = (days: number, note: string, sources: readonly string[]): DelaySource => ({
  kind: 'default', seconds: days * DAY, note, sources, confidence: 'default',
});
const noLookThrough = null;
const pausedView = (address: Address) => view(address, 'function paused() view returns (bool)');

export const ADDR = {
  stETH: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84',
  wstETH: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
  rETH: '0xae78736Cd615f374D3085123A210448E74Fc6393',
  cbETH: '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704',
  ETHx: '0xA35b1B31Ce002FBF2058D22F30f95D405200A15b',
  staderStakePoolsManager: '0xcf5EA1b38380f6aF39068375516Daf40Ed70D299',
  lidoWithdrawalQueue: '0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1',
  eETH: '0x35fA164735182de50811E8e2E824cFb9B6118ac2',
  weETH: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
  etherfiLiquidityPool: '0x308861A430be4cce5502d0A12724771Fc6DaF216',
  etherfiWithdrawRequestNFT: '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c',
  ezETH: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110',
  renzoRateProvider: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C',
  renzoRestakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5',
  renzoWithdrawQueue: '0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918',
  rsETH: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7',
  kelpOracle: '0x349A73444b1a310BAe67ef67973022020d70020d',
  kelpDepositPool: '0x036676389e48133B63a802f8635AD39E752D375D',
  kelpWithdrawalManager: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16',
  pufETH: '0xD9A442856C234a39a81a089C06451EBAa4306a72',
  pufferWithdrawalManager: '0xDdA0483184E75a5579ef9635ED14BacCf9d50283',
  rswETH: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0',
  rswEXIT: '0x58749C46Ffe97e4d79508a2C781C440f4756f064',
  rstETH: '0x7a4EffD87C2f3C55CA251080b1343b605f327E3a',
  feedWeEthEth: '0x5c9C449BbC9a6075A2c061dF312a35fd1E05fF22',
  feedEzEthEth: '0x636A000262F6aA9e1F094ABF0aD8f645C44f641C',
  feedRsEthEth: '0x03c68933f7a3F76875C0bc670a58e69294cDFD01',
  feedStEthEth: '0x86392dC19c0b719886221c78AB11eb8Cf5c52812',
  feedEthUsd: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419',
  curveRswEthWeth: '0xeE04382c4cA6c450213923fE0f0daB19b0ff3939',
} as const satisfies Record<string, Address>;

const lidoRedemption: Redemption = {
  mechanism: 'Lido WithdrawalQueue: requestWithdrawals mints an unstETH NFT, finalized by the oracle report, then claimWithdrawal.',
  contract: ADDR.lidoWithdrawalQueue,
  delay: defaultDelay(5, 'Lido does not expose a per-request delay; its docs give 1-5 days in normal conditions.', ['docs.lido.fi/guides/lido-tokens-integration-guide (withdrawals)']),
  requestsTracked: false,
  sources: ['lidofinance/core: contracts/0.8.9/WithdrawalQueue.sol'],
  confidence: 'secondary',
};

const etherfiRedemption: Redemption = {
  mechanism: 'LiquidityPool.requestWithdraw mints a WithdrawRequestNFT, finalized by EtherFiAdmin reports, claimed with claimWithdraw(tokenId). Instant path: EtherFiRedemptionManager with a fee.',
  contract: ADDR.etherfiWithdrawRequestNFT,
  delay: defaultDelay(5, 'ether.fi exposes no delay getter; a third-party guide says the standard withdrawal normally takes 5 days.', ['docs.latch.io (third party)']),
  requestsTracked: true,
  sources: [`${ETHERFI}:src/withdrawals/WithdrawRequestNFT.sol`, `${ETHERFI}:script/deploys/Deployed.s.sol`],
  confidence: 'primary',
};

/** Mainnet tokens. */
const mainnet: readonly TokenInfo[] = [
  {
    id: 'stETH@1', symbol: 'stETH', name: 'Lido Staked ETH', kind: 'lst', protocol: 'Lido', chainId: 1, address: ADDR.stETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: oneToOne('ETH', ['lidofinance/core: contracts/0.4.24/Lido.sol (balanceOf = pooled ETH of the holder\'s shares)']),
    market: { kind: 'chainlink', address: ADDR.feedStEthEth, decimals: 18, description: 'STETH / ETH', sources: [VEDA + ' line 410'], confidence: 'thirdParty' },
    paused: null, redemption: lidoRedemption, lookThrough: noLookThrough, venue: null,
    sources: ['lidofinance/core README (mainnet addresses)'], confidence: 'primary',
  },
  {
    id: 'wstETH@1', symbol: 'wstETH', name: 'Wrapped stETH', kind: 'lst', protocol: 'Lido', chainId: 1, address: ADDR.wstETH, decimals: 18,
    wraps: 'stETH@1', bridgedFrom: null,
    nav: {
      unit: 'stETH@1',
      rate: view(ADDR.wstETH, 'function getStETHByWstETH(uint256) view returns (uint256)', 'one'),
      amount: { address: ADDR.wstETH, signature: 'function getStETHByWstETH(uint256) view returns (uint256)' },
      sources: ['mellow-finance/mellow-lrt@c37fad554231b6ce63f7416e408dba165222a3af:src/interfaces/external/lido/IWSteth.sol'], confidence: 'primary',
    },
    market: null, paused: null, redemption: lidoRedemption, lookThrough: noLookThrough, venue: null,
    sources: ['../shared/reference/lrt_registry.json (rstETH underlying)'], confidence: 'primary',
  },
  {
    id: 'rETH@1', symbol: 'rETH', name: 'Rocket Pool ETH', kind: 'lst', protocol: 'Rocket Pool', chainId: 1, address: ADDR.rETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: {
      unit: 'ETH',
      rate: view(ADDR.rETH, 'function getExchangeRate() view returns (uint256)'),
      amount: { address: ADDR.rETH, signature: 'function getEthValue(uint256) view returns (uint256)' },
      sources: ['rocket-pool/rocketpool: contracts/contract/token/RocketTokenRETH.sol'], confidence: 'primary',
    },
    market: null, paused: null,
    redemption: {
      mechanism: 'RocketTokenRETH.burn for ETH while the deposit pool and rETH contract hold enough collateral; otherwise sale on a DEX.',
      contract: ADDR.rETH, delay: defaultDelay(0, 'Burn is instant when collateral is available; no delay getter exists.', ['rocket-pool/rocketpool: RocketTokenRETH.sol burn()']),
      requestsTracked: false, sources: ['rocket-pool/rocketpool: contracts/contract/token/RocketTokenRETH.sol'], confidence: 'primary',
    },
    lookThrough: noLookThrough, venue: null, sources: ['rocket-pool docs (mainnet rETH)'], confidence: 'primary',
  },
  {
    id: 'cbETH@1', symbol: 'cbETH', name: 'Coinbase Wrapped Staked ETH', kind: 'lst', protocol: 'Coinbase', chainId: 1, address: ADDR.cbETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: { unit: 'ETH', rate: view(ADDR.cbETH, 'function exchangeRate() view returns (uint256)'), amount: null, sources: ['coinbase/wrapped-tokens-os: contracts/wrapped-tokens/staking/StakedTokenV1.sol'], confidence: 'primary' },
    market: null, paused: pausedView(ADDR.cbETH),
    redemption: {
      mechanism: 'Unwrap and unstake through a Coinbase account (off-chain).', contract: null,
      delay: defaultDelay(7, 'Off-chain Coinbase unstaking; no on-chain getter.', ['help.coinbase.com (cbETH unwrapping)']),
      requestsTracked: false, sources: ['help.coinbase.com (cbETH)'], confidence: 'secondary',
    },
    lookThrough: noLookThrough, venue: null, sources: ['coinbase/wrapped-tokens-os README'], confidence: 'primary',
  },
  {
    id: 'ETHx@1', symbol: 'ETHx', name: 'Stader ETHx', kind: 'lst', protocol: 'Stader', chainId: 1, address: ADDR.ETHx, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: { unit: 'ETH', rate: view(ADDR.staderStakePoolsManager, 'function getExchangeRate() view returns (uint256)'), amount: null, sources: ['stader-labs/ethx: contracts/StaderStakePoolsManager.sol'], confidence: 'secondary' },
    market: null, paused: pausedView(ADDR.ETHx),
    redemption: {
      mechanism: 'UserWithdrawalManager.requestWithdraw, finalized by Stader, then claim.', contract: null,
      delay: defaultDelay(10, 'Stader docs give 7-10 days; no per-request delay getter.', ['staderlabs.gitbook.io (ETHx withdrawals)']),
      requestsTracked: false, sources: ['stader-labs/ethx: contracts/UserWithdrawalManager.sol'], confidence: 'secondary',
    },
    lookThrough: noLookThrough, venue: null, sources: ['stader-labs/ethx README'], confidence: 'secondary',
  },
  {
    id: 'eETH@1', symbol: 'eETH', name: 'ether.fi ETH', kind: 'lrt', protocol: 'ether.fi', chainId: 1, address: ADDR.eETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: oneToOne('ETH', [`${ETHERFI}:src/core/EETH.sol (balanceOf = LiquidityPool.getTotalEtherClaimOf)`]),
    market: null, paused: null, redemption: etherfiRedemption,
    lookThrough: { stakers: [], discover: null, sources: [`${ETHERFI}:src/EtherFiNodesManager.sol`], confidence: 'primary' },
    venue: 'EigenLayer', sources: [`${ETHERFI}:script/deploys/Deployed.s.sol`], confidence: 'primary',
  },
  {
    id: 'weETH@1', symbol: 'weETH', name: 'Wrapped eETH', kind: 'lrt', protocol: 'ether.fi', chainId: 1, address: ADDR.weETH, decimals: 18,
    wraps: 'eETH@1', bridgedFrom: null,
    nav: {
      unit: 'eETH@1',
      rate: view(ADDR.weETH, 'function getRate() view returns (uint256)'),
      amount: { address: ADDR.weETH, signature: 'function getEETHByWeETH(uint256) view returns (uint256)' },
      sources: [`${ETHERFI}:src/core/WeETH.sol`, BALANCER], confidence: 'primary',
    },
    market: { kind: 'chainlink', address: ADDR.feedWeEthEth, decimals: 18, description: 'weETH / ETH', sources: ['compound-finance comet migration constants (third party)'], confidence: 'thirdParty' },
    paused: null, redemption: etherfiRedemption,
    lookThrough: { stakers: [], discover: null, sources: [`${ETHERFI}:src/EtherFiNodesManager.sol`], confidence: 'primary' },
    venue: 'EigenLayer', sources: [`${ETHERFI}:script/deploys/Deployed.s.sol (WEETH)`], confidence: 'primary',
  },
  {
    id: 'ezETH@1', symbol: 'ezETH', name: 'Renzo Restaked ETH', kind: 'lrt', protocol: 'Renzo', chainId: 1, address: ADDR.ezETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: { unit: 'ETH', rate: view(ADDR.renzoRateProvider, 'function getRate() view returns (uint256)'), amount: null, sources: [`${RENZO}:contracts/RateProvider/BalancerRateProvider.sol`, BALANCER], confidence: 'secondary' },
    market: { kind: 'chainlink', address: ADDR.feedEzEthEth, decimals: 18, description: 'ezETH / ETH', sources: ['Venus Protocol VIP text; compound comet migration (third party)'], confidence: 'thirdParty' },
    paused: pausedView(ADDR.ezETH),
    redemption: {
      mechanism: 'WithdrawQueue.withdraw locks ezETH and records a request; claim after coolDownPeriod.',
      contract: ADDR.renzoWithdrawQueue,
      delay: { kind: 'seconds-call', call: view(ADDR.renzoWithdrawQueue, 'function coolDownPeriod() view returns (uint256)'), sources: [`${RENZO}:contracts/Withdraw/WithdrawQueueStorage.sol`], confidence: 'thirdParty' },
      requestsTracked: true, sources: [`${RENZO}:contracts/Withdraw/WithdrawQueue.sol`], confidence: 'thirdParty',
    },
    lookThrough: { stakers: [], discover: null, sources: [`${RENZO}:contracts/RestakeManager.sol (operatorDelegators)`], confidence: 'primary' },
    venue: 'EigenLayer', sources: [`${RENZO}:contracts/Oracle/RiskOracle/RiskOracleMiddleware.sol (EZETH_ADDRESS)`], confidence: 'primary',
  },
  {
    id: 'rsETH@1', symbol: 'rsETH', name: 'Kelp rsETH', kind: 'lrt', protocol: 'Kelp DAO', chainId: 1, address: ADDR.rsETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: { unit: 'ETH', rate: view(ADDR.kelpOracle, 'function rsETHPrice() view returns (uint256)'), amount: null, sources: [`${KELP}:contracts/LRTOracle.sol`], confidence: 'primary' },
    market: { kind: 'chainlink', address: ADDR.feedRsEthEth, decimals: 18, description: 'rsETH / ETH', sources: ['compound comet migration (third party); may be decommissioned, staleness is checked'], confidence: 'thirdParty' },
    paused: pausedView(ADDR.rsETH),
    redemption: {
      mechanism: 'LRTWithdrawalManager.initiateWithdrawal, unlocked by the operator, completeWithdrawal once block.number >= start + withdrawalDelayBlocks.',
      contract: ADDR.kelpWithdrawalManager,
      delay: { kind: 'blocks-call', call: view(ADDR.kelpWithdrawalManager, 'function withdrawalDelayBlocks() view returns (uint256)'), sources: [`${KELP}:contracts/LRTWithdrawalManager.sol`], confidence: 'primary' },
      requestsTracked: true, sources: [`${KELP}:contracts/LRTWithdrawalManager.sol`], confidence: 'primary',
    },
    lookThrough: {
      stakers: [],
      discover: view(ADDR.kelpDepositPool, 'function getNodeDelegatorQueue() view returns (address[])'),
      sources: [`${KELP}:contracts/LRTDepositPool.sol`, `${KELP}:README.md (LRTDepositPool)`], confidence: 'primary',
    },
    venue: 'EigenLayer', sources: [`${KELP}:README.md (ETH Mainnet table)`], confidence: 'primary',
  },
  {
    id: 'pufETH@1', symbol: 'pufETH', name: 'Puffer pufETH', kind: 'lrt', protocol: 'Puffer', chainId: 1, address: ADDR.pufETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: {
      unit: 'ETH',
      rate: view(ADDR.pufETH, 'function convertToAssets(uint256) view returns (uint256)', 'one'),
      amount: { address: ADDR.pufETH, signature: 'function convertToAssets(uint256) view returns (uint256)' },
      sources: [`${PUFFER}:mainnet-contracts/src/PufferVaultV5.sol`], confidence: 'primary',
    },
    market: null, paused: null,
    redemption: {
      mechanism: '1-step: ERC4626 redeem on the vault with an exit fee, limited by liquidity. 2-step: PufferWithdrawalManager.requestWithdrawal, batch finalization, completeQueuedWithdrawal.',
      contract: ADDR.pufferWithdrawalManager,
      delay: defaultDelay(14, 'No delay getter; a third-party guide gives ~14 days for the fee-free 2-step withdrawal.', ['third party: puffer-plugin guide']),
      requestsTracked: false, sources: [`${PUFFER}:mainnet-contracts/src/PufferWithdrawalManager.sol`], confidence: 'primary',
    },
    lookThrough: { stakers: [], discover: null, sources: [`${PUFFER}:mainnet-contracts/src/PufferModuleManager.sol`], confidence: 'primary' },
    venue: 'EigenLayer', sources: [`${PUFFER}:README.md (Contract addresses)`], confidence: 'primary',
  },
  {
    id: 'rswETH@1', symbol: 'rswETH', name: 'Swell Restaked ETH', kind: 'lrt', protocol: 'Swell', chainId: 1, address: ADDR.rswETH, decimals: 18,
    wraps: 'ETH', bridgedFrom: null,
    nav: { unit: 'ETH', rate: view(ADDR.rswETH, 'function getRate() view returns (uint256)'), amount: null, sources: [`${SWELL}:contracts/lrt/contracts/implementations/RswETH.sol`, BALANCER], confidence: 'primary' },
    market: { kind: 'curve', address: ADDR.curveRswEthWeth, i: 0, j: 1, sources: [VEDA + ' line 745 (Curve rswETH/WETH)'], confidence: 'thirdParty' },
    paused: null,
    redemption: {
      mechanism: 'rswEXIT ERC-721 withdrawal request, processed by Swell, then finalizeWithdrawal(tokenId).',
      contract: ADDR.rswEXIT,
      delay: defaultDelay(12, 'No delay getter and no published figure found; 12 days assumed (EigenLayer delay plus processing).', ['no source: conservative default']),
      requestsTracked: false, sources: [`${SWELL}:contracts/lrt/contracts/implementations/RswEXIT.sol`], confidence: 'thirdParty',
    },
    lookThrough: { stakers: [], discover: null, sources: [`${SWELL}:contracts/lrt/contracts/implementations/EigenLayerManager.sol`], confidence: 'primary' },
    venue: 'EigenLayer', sources: [BALANCER], confidence: 'secondary',
  },
  {
    id: 'rstETH@1', symbol: 'rstETH', name: 'Mellow Restaked stETH', kind: 'lrt', protocol: 'Mellow', chainId: 1, address: ADDR.rstETH, decimals: 18,
    wraps: 'wstETH@1', bridgedFrom: null,
    nav: {
      unit: 'wstETH@1',
      rate: view(ADDR.rstETH, 'function convertToAssets(uint256) view returns (uint256)', 'one'),
      amount: { address: ADDR.rstETH, signature: 'function convertToAssets(uint256) view returns (uint256)' },
      sources: [`${MELLOW}:test/migration/StorageSlotsTest.t.sol`], confidence: 'secondary',
    },
    market: null, paused: null,
    redemption: {
      mechanism: 'ERC4626 redeem; assets not idle are withdrawn from the Symbiotic vault and claimable after the next epoch ends.',
      contract: ADDR.rstETH,
      delay: defaultDelay(14, 'Symbiotic epoch of 7 days; a withdrawal becomes claimable after the next epoch ends (up to two epochs).', [`${MELLOW}:scripts/mainnet/MigrationContracts.s.sol (EPOCH_DURATION = 7 days)`]),
      requestsTracked: false, sources: [`${MELLOW}:src/MellowSymbioticVault.sol`], confidence: 'secondary',
    },
    lookThrough: noLookThrough, venue: 'Symbiotic', sources: ['../shared/reference/lrt_registry.json (rstETH)'], confidence: 'secondary',
  },
];

const l2Source = (s: string) => [s];
const bridged = (symbol: string, chainId: number, address: Address, from: string, rate: Address | null, sources: readonly string[]): TokenInfo => ({
  id: `${symbol}@${chainId}`, symbol, name: `${symbol} (bridged)`, kind: 'lrt', protocol: mainnet.find((t) => t.id === from)?.protocol ?? symbol,
  chainId, address, decimals: 18, wraps: from, bridgedFrom: from,
  nav: rate
    ? { unit: 'ETH', rate: view(rate, 'function getRate() view returns (uint256)'), amount: null, sources, confidence: 'secondary' }
    : { unit: from, rate: null, amount: null, sources: ['bridged 1:1 with the mainnet token'], confidence: 'primary' },
  market: null, paused: null, redemption: null, lookThrough: null, venue: null, sources, confidence: 'secondary',
});

/** L2 deployments (../shared/reference/lrt_registry.json l2Deployments). */
const l2: readonly TokenInfo[] = [
  bridged('weETH', 42161, '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe', 'weETH@1', '0xCd9e3fb32c8F258555b8292531112bBb5B87E2F4', l2Source(BALANCER)),
  bridged('weETH', 8453, '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A', 'weETH@1', '0x5a7A419C59eAAdec8Dc00bc93ac95612e6e154Cf', l2Source('etherfi-protocol/weETH-cross-chain@29ea6b7a54c09087343e400d99aced3ac17bef86:README.md')),
  bridged('weETH', 59144, '0x1Bf74C010E6320bab11e2e5A532b5AC15e0b8aA6', 'weETH@1', null, l2Source('etherfi-protocol/weETH-cross-chain@29ea6b7a54c09087343e400d99aced3ac17bef86:README.md')),
  bridged('ezETH', 42161, '0x2416092f143378750bb29b79eD961ab195CcEea5', 'ezETH@1', '0xf25484650484DE3d554fB0b7125e7696efA4ab99', l2Source(BALANCER)),
  bridged('ezETH', 8453, '0x2416092f143378750bb29b79eD961ab195CcEea5', 'ezETH@1', '0x6ac3b3BeCE5AA61C6AB5d50ecd2D47b1f18ACe49', l2Source(BALANCER)),
  bridged('rsETH', 42161, '0x4186BFC76E2E237523CBC30FD220FE055156b41F', 'rsETH@1', '0x3222d3De5A9a3aB884751828903044CC4ADC627e', l2Source(`${KELP}:README.md (LayerZero RSETH_OFT)`)),
  bridged('rsETH', 8453, '0x1Bc71130A0e39942a7658878169764Bbd8A45993', 'rsETH@1', '0x7781ae9B47FeCaCEAeCc4FcA8d0b6187E3eF9ba7', l2Source(`${KELP}:README.md (LayerZero RSETH_OFT)`)),
  bridged('rsETH', 59144, '0x4186BFC76E2E237523CBC30FD220FE055156b41F', 'rsETH@1', '0x81E5c1483c6869e95A4f5B00B41181561278179F', l2Source(`${KELP}:README.md (LayerZero RSETH_OFT)`)),
  bridged('pufETH', 8453, '0x23dA5F2d509cb43A59d43C108a43eDf34510eff1', 'pufETH@1', null, l2Source('PufferFinance/Deployments-and-ACL@aa610bc83e976eb92bc3f03affdf260f7904c338:docs/deployments/base.md')),
  bridged('pufETH', 42161, '0x37D6382B6889cCeF8d6871A8b60E667115eDDBcF', 'pufETH@1', null, l2Source('PufferFinance/Deployments-and-ACL@aa610bc83e976eb92bc3f03affdf260f7904c338:docs/deployments/arbitrum.md')),
  bridged('pufETH', 59144, '0x37D6382B6889cCeF8d6871A8b60E667115eDDBcF', 'pufETH@1', null, l2Source('PufferFinance/Deployments-and-ACL@aa610bc83e976eb92bc3f03affdf260f7904c338:docs/deployments/linea.md')),
];

export const tokens: readonly TokenInfo[] = [...mainnet, ...l2];
