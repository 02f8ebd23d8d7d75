/**
 * The redemption queues' view functions the tracker calls, as the protocols' sources declare them
 * (docs/registry-sources.md section 3 names each source file at its pinned commit).
 */
import { parseAbi } from 'viem';

/** ether.fi WithdrawRequestNFT (src/withdrawals/WithdrawRequestNFT.sol, interfaces/IWithdrawRequestNFT.sol). */
export const etherfiWithdrawRequestNftAbi = parseAbi([
  'struct WithdrawRequest { uint96 amountOfEEth; uint96 shareOfEEth; bool isValid; uint32 feeGwei; }',
  'function getRequest(uint256 requestId) view returns (WithdrawRequest)',
  'function isFinalized(uint256 requestId) view returns (bool)',
  'function isValid(uint256 requestId) view returns (bool)',
  'function getClaimableAmount(uint256 tokenId) view returns (uint256)',
  'function ownerOf(uint256 tokenId) view returns (address)',
  'function balanceOf(address owner) view returns (uint256)',
  'function lastFinalizedRequestId() view returns (uint32)',
  'function nextRequestId() view returns (uint32)',
  'error RequestNotFinalized()',
  'error RequestNotFound()',
]);

/** Renzo WithdrawQueue (contracts/Withdraw/WithdrawQueue.sol, WithdrawQueueStorage.sol). */
export const renzoWithdrawQueueAbi = parseAbi([
  'function getOutstandingWithdrawRequests(address user) view returns (uint256)',
  'function withdrawRequests(address, uint256) view returns (address collateralToken, uint256 withdrawRequestID, uint256 amountToRedeem, uint256 ezETHLocked, uint256 createdAt)',
  'function coolDownPeriod() view returns (uint256)',
  'function riskOracleMiddleware() view returns (address)',
]);

/** Renzo RiskOracleMiddleware (contracts/Oracle/RiskOracle/RiskOracleMiddleware.sol). */
export const renzoRiskOracleAbi = parseAbi([
  'function withdrawCooldownPeriod() view returns (uint256)',
]);

/** Kelp LRTWithdrawalManager (contracts/LRTWithdrawalManager.sol) and LRTConfig (contracts/LRTConfig.sol). */
export const kelpWithdrawalManagerAbi = parseAbi([
  'function withdrawalDelayBlocks() view returns (uint256)',
  'function nextLockedNonce(address asset) view returns (uint256)',
  'function userAssociatedNonces(address asset, address user) view returns (uint128 _begin, uint128 _end)',
  'function getUserWithdrawalRequest(address asset, address user, uint256 userIndex) view returns (uint256 rsETHAmount, uint256 expectedAssetAmount, uint256 withdrawalStartBlock, uint256 userNonce)',
]);

export const kelpLrtConfigAbi = parseAbi([
  'function getSupportedAssetList() view returns (address[])',
]);

/** Swell rswEXIT (contracts/lrt/contracts/implementations/RswEXIT.sol; ERC721EnumerableUpgradeable). */
export const swellRswExitAbi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function tokenOfOwnerByIndex(address owner, uint256 index) view returns (uint256)',
  'function withdrawalRequests(uint256 tokenId) view returns (uint256 amount, uint256 lastTokenIdProcessed, uint256 rateWhenCreated)',
  'function getProcessedRateForTokenId(uint256 tokenId) view returns (bool isProcessed, uint256 processedRate)',
  'function getLastTokenIdProcessed() view returns (uint256)',
]);
