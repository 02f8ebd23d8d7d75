// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FX_EETH, FX_ETHERFI_LIQUIDITY_POOL, FX_EZETH, FX_RSWETH} from "../tokens/FixtureAddresses.sol";

// Redemption queues of the LRT protocols (issue 10), at their mainnet addresses (shared/registry/tokens.ts
// ADDR), with the real view interfaces and state transitions as docs/registry-sources.md section 3 describes
// them. Access control of the real contracts (EtherFiAdmin, operators, bots) is left out: the world's
// scenario helpers play those roles. Storage starts empty after anvil_setCode; nothing needs initialising.

address constant RD_KELP_ORACLE = 0x349A73444b1a310BAe67ef67973022020d70020d;
address constant RD_RSETH = 0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7;
address constant RD_RENZO_RATE_PROVIDER = 0x387dBc0fB00b26fb085aa658527D5BE98302c84C;
address constant RD_ETH = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;

interface IRdERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function burn(address from, uint256 amount) external;
}

interface IRdEtherFiPool {
    function getTotalPooledEther() external view returns (uint256);
}

interface IRdEETH {
    function totalShares() external view returns (uint256);
}

interface IRdRate {
    function getRate() external view returns (uint256);
}

interface IRdKelpOracle {
    function rsETHPrice() external view returns (uint256);
    function getAssetPrice(address asset) external view returns (uint256);
}

interface IRdSwellRate {
    function rswETHToETHRate() external view returns (uint256);
}

/// Minimal ERC-721 (OpenZeppelin semantics and revert strings), with an optional per-owner enumeration.
abstract contract RdERC721 {
    mapping(uint256 => address) internal _owners;
    mapping(address => uint256) internal _balances;
    mapping(uint256 => address) internal _approvals;
    mapping(address => mapping(address => bool)) internal _operators;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    function balanceOf(address owner) public view returns (uint256) {
        require(owner != address(0), "ERC721: address zero is not a valid owner");
        return _balances[owner];
    }

    function ownerOf(uint256 tokenId) public view returns (address) {
        address o = _owners[tokenId];
        require(o != address(0), "ERC721: invalid token ID");
        return o;
    }

    function approve(address to, uint256 tokenId) external {
        address o = ownerOf(tokenId);
        require(msg.sender == o || _operators[o][msg.sender], "ERC721: approve caller is not token owner or approved for all");
        _approvals[tokenId] = to;
        emit Approval(o, to, tokenId);
    }

    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return _approvals[tokenId];
    }

    function setApprovalForAll(address operator, bool approved) external {
        _operators[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function isApprovedForAll(address owner, address operator) external view returns (bool) {
        return _operators[owner][operator];
    }

    function transferFrom(address from, address to, uint256 tokenId) public {
        address o = ownerOf(tokenId);
        require(o == from, "ERC721: transfer from incorrect owner");
        require(msg.sender == o || _approvals[tokenId] == msg.sender || _operators[o][msg.sender], "ERC721: caller is not token owner or approved");
        require(to != address(0), "ERC721: transfer to the zero address");
        delete _approvals[tokenId];
        _owners[tokenId] = to;
        _balances[from] -= 1;
        _balances[to] += 1;
        _afterMove(from, to, tokenId);
        emit Transfer(from, to, tokenId);
    }

    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        transferFrom(from, to, tokenId);
    }

    function supportsInterface(bytes4 interfaceId) external pure virtual returns (bool) {
        return interfaceId == 0x80ac58cd || interfaceId == 0x01ffc9a7;
    }

    function _exists(uint256 tokenId) internal view returns (bool) {
        return _owners[tokenId] != address(0);
    }

    function _mint(address to, uint256 tokenId) internal {
        require(to != address(0), "ERC721: mint to the zero address");
        require(!_exists(tokenId), "ERC721: token already minted");
        _owners[tokenId] = to;
        _balances[to] += 1;
        _afterMove(address(0), to, tokenId);
        emit Transfer(address(0), to, tokenId);
    }

    function _burn(uint256 tokenId) internal {
        address o = ownerOf(tokenId);
        delete _approvals[tokenId];
        delete _owners[tokenId];
        _balances[o] -= 1;
        _afterMove(o, address(0), tokenId);
        emit Transfer(o, address(0), tokenId);
    }

    function _afterMove(address from, address to, uint256 tokenId) internal virtual {}

    function _pay(address to, uint256 amount) internal {
        (bool ok,) = payable(to).call{value: amount}("");
        require(ok, "EthTransferFailed");
    }
}

/// ether.fi WithdrawRequestNFT (etherfi-protocol/smart-contracts src/withdrawals/WithdrawRequestNFT.sol):
/// an ERC-721 (not enumerable) per request; finalization freezes LiquidityPool.amountPerShareCeil() for the
/// batch; claims pay min(amountOfEEth, shareOfEEth x frozenRate / 1e18) and burn the NFT.
contract RdEtherFiWithdrawRequestNFT is RdERC721 {
    struct WithdrawRequest {
        uint96 amountOfEEth;
        uint96 shareOfEEth;
        bool isValid;
        uint32 feeGwei;
    }

    mapping(uint256 => WithdrawRequest) private _requests;
    uint32 public nextRequestId;
    uint32 public lastFinalizedRequestId;
    uint32[] private _rateKeys;
    uint224[] private _rateValues;

    error RequestNotFinalized();
    error RequestNotFound();
    error RequestNotValid();
    error CannotUndoFinalization();
    error CannotFinalizeFutureRequests();
    error CannotInvalidateFinalizedRequest();

    event WithdrawRequestCreated(uint32 indexed requestId, uint256 amountOfEEth, uint256 shareOfEEth, address owner);
    event WithdrawRequestClaimed(uint32 indexed requestId, uint256 amountOfEEth, uint256 shareOfEEth, address owner);
    event WithdrawRequestInvalidated(uint32 indexed requestId);

    receive() external payable {}

    function name() external pure returns (string memory) {
        return "Withdraw Request NFT";
    }

    function symbol() external pure returns (string memory) {
        return "WithdrawRequestNFT";
    }

    /// Fixture-only: where the id sequence starts (the real contract starts at 1 and is now far along).
    function setNextRequestId(uint32 id) external {
        require(nextRequestId <= 1 && id > 0, "fixture: ids already issued");
        nextRequestId = id;
        lastFinalizedRequestId = id - 1;
    }

    /// Real: onlyLiquidityPool, after LiquidityPool.requestWithdraw moved the eETH here.
    function requestWithdraw(uint96 amountOfEEth, uint96 shareOfEEth, address recipient) external returns (uint256) {
        if (nextRequestId == 0) nextRequestId = 1;
        uint256 requestId = nextRequestId++;
        _requests[requestId] = WithdrawRequest(amountOfEEth, shareOfEEth, true, 0);
        _mint(recipient, requestId);
        emit WithdrawRequestCreated(uint32(requestId), amountOfEEth, shareOfEEth, recipient);
        return requestId;
    }

    /// Real: EtherFiAdmin only. Snapshots the share rate (rounded up) for (lastFinalized, requestId].
    function finalizeRequests(uint256 requestId) external {
        if (requestId < lastFinalizedRequestId) revert CannotUndoFinalization();
        if (requestId >= nextRequestId) revert CannotFinalizeFutureRequests();
        if (requestId > lastFinalizedRequestId) {
            _rateKeys.push(uint32(requestId));
            _rateValues.push(uint224(amountPerShareCeil()));
        }
        lastFinalizedRequestId = uint32(requestId);
    }

    /// Real: guardian only.
    function invalidateRequest(uint256 requestId) external {
        if (requestId <= lastFinalizedRequestId) revert CannotInvalidateFinalizedRequest();
        if (!isValid(requestId)) revert RequestNotValid();
        _requests[requestId].isValid = false;
        emit WithdrawRequestInvalidated(uint32(requestId));
    }

    function claimWithdraw(uint256 tokenId) external {
        address recipient = ownerOf(tokenId);
        WithdrawRequest memory request = _requests[tokenId];
        if (!request.isValid) revert RequestNotValid();
        uint256 amount = getClaimableAmount(tokenId);
        _burn(tokenId);
        delete _requests[tokenId];
        _pay(recipient, amount);
        emit WithdrawRequestClaimed(uint32(tokenId), amount, request.shareOfEEth, recipient);
    }

    /// LiquidityPool.amountPerShareCeil(): ceil(1e18 x totalPooledEther / totalShares).
    function amountPerShareCeil() public view returns (uint256) {
        uint256 shares = IRdEETH(FX_EETH).totalShares();
        if (shares == 0) return 0;
        uint256 p = 1 ether * IRdEtherFiPool(FX_ETHERFI_LIQUIDITY_POOL).getTotalPooledEther();
        return p == 0 ? 0 : (p - 1) / shares + 1;
    }

    function frozenRateFor(uint256 tokenId) public view returns (uint224) {
        for (uint256 i = 0; i < _rateKeys.length; i++) {
            if (_rateKeys[i] >= tokenId) return _rateValues[i];
        }
        return 0;
    }

    function getClaimableAmount(uint256 tokenId) public view returns (uint256) {
        if (tokenId > lastFinalizedRequestId) revert RequestNotFinalized();
        WithdrawRequest memory request = _requests[tokenId];
        uint256 rate = frozenRateFor(tokenId);
        if (rate == 0) rate = amountPerShareCeil();
        uint256 forShares = uint256(request.shareOfEEth) * rate / 1 ether;
        return forShares < request.amountOfEEth ? forShares : request.amountOfEEth;
    }

    function getRequest(uint256 requestId) external view returns (WithdrawRequest memory) {
        return _requests[requestId];
    }

    function isFinalized(uint256 requestId) external view returns (bool) {
        return requestId <= lastFinalizedRequestId;
    }

    function isValid(uint256 requestId) public view returns (bool) {
        if (!_exists(requestId)) revert RequestNotFound();
        return _requests[requestId].isValid;
    }
}

/// Renzo RiskOracleMiddleware: the risk oracle can lengthen the withdraw cooldown.
contract RdRenzoRiskOracleMiddleware {
    uint256 public withdrawCooldownPeriod;
    bool public instantWithdrawPaused;
    bool public withdrawClaimPaused;

    function setWithdrawCooldownPeriod(uint256 seconds_) external {
        withdrawCooldownPeriod = seconds_;
    }
}

/// Renzo WithdrawQueue (Renzo-Protocol/contracts-public contracts/Withdraw/WithdrawQueue.sol), ETH out only.
contract RdRenzoWithdrawQueue {
    struct WithdrawRequest {
        address collateralToken;
        uint256 withdrawRequestID;
        uint256 amountToRedeem;
        uint256 ezETHLocked;
        uint256 createdAt;
    }

    mapping(address => WithdrawRequest[]) public withdrawRequests;
    uint256 public coolDownPeriod;
    uint256 public withdrawRequestNonce;
    address public riskOracleMiddleware;

    error InvalidZeroInput();
    error UnsupportedWithdrawAsset();
    error InvalidWithdrawIndex();
    error EarlyClaim();

    event WithdrawRequestCreated(uint256 indexed withdrawRequestID, address user, address claimToken, uint256 amountToRedeem, uint256 ezETHAmountLocked, uint256 withdrawRequestIndex, bool queued, uint256 queueFilled);
    event WithdrawRequestClaimed(WithdrawRequest withdrawRequest);

    receive() external payable {}

    /// Fixture-only (real: set by the admin).
    function setCoolDownPeriod(uint256 seconds_) external {
        coolDownPeriod = seconds_;
    }

    /// Fixture-only.
    function setRiskOracleMiddleware(address middleware) external {
        riskOracleMiddleware = middleware;
    }

    function withdraw(uint256 _amount, address _assetOut) external {
        if (_amount == 0 || _assetOut == address(0)) revert InvalidZeroInput();
        if (_assetOut != RD_ETH) revert UnsupportedWithdrawAsset();
        IRdERC20(FX_EZETH).transferFrom(msg.sender, address(this), _amount);
        uint256 amountToRedeem = _amount * IRdRate(RD_RENZO_RATE_PROVIDER).getRate() / 1 ether;
        withdrawRequestNonce++;
        withdrawRequests[msg.sender].push(WithdrawRequest(RD_ETH, withdrawRequestNonce, amountToRedeem, _amount, block.timestamp));
        emit WithdrawRequestCreated(withdrawRequestNonce, msg.sender, _assetOut, amountToRedeem, _amount, withdrawRequests[msg.sender].length - 1, false, 0);
    }

    function getOutstandingWithdrawRequests(address user) external view returns (uint256) {
        return withdrawRequests[user].length;
    }

    function claim(uint256 withdrawRequestIndex, address user) external {
        WithdrawRequest[] storage list = withdrawRequests[user];
        if (withdrawRequestIndex >= list.length) revert InvalidWithdrawIndex();
        WithdrawRequest memory r = list[withdrawRequestIndex];
        uint256 cooldown = coolDownPeriod;
        if (riskOracleMiddleware != address(0)) {
            uint256 risk = RdRenzoRiskOracleMiddleware(riskOracleMiddleware).withdrawCooldownPeriod();
            if (risk > cooldown) cooldown = risk;
        }
        if (block.timestamp - r.createdAt < cooldown) revert EarlyClaim();
        uint256 atClaim = r.ezETHLocked * IRdRate(RD_RENZO_RATE_PROVIDER).getRate() / 1 ether;
        if (atClaim < r.amountToRedeem) r.amountToRedeem = atClaim;
        list[withdrawRequestIndex] = list[list.length - 1];
        list.pop();
        (bool ok,) = payable(user).call{value: r.amountToRedeem}("");
        require(ok, "TransferFailed");
        emit WithdrawRequestClaimed(r);
    }
}

/// Kelp LRTConfig: the assets rsETH can be redeemed for.
contract RdKelpLRTConfig {
    address[] private _assets;

    function getSupportedAssetList() external view returns (address[] memory) {
        return _assets;
    }

    function setSupportedAssetList(address[] calldata assets) external {
        _assets = assets;
    }
}

/// Kelp LRTWithdrawalManager (Kelp-DAO/LRT-rsETH contracts/LRTWithdrawalManager.sol): per-asset nonces,
/// a per-user double-ended queue of nonces, unlocks by the operator, completion of the oldest request.
contract RdKelpLRTWithdrawalManager {
    struct WithdrawalRequest {
        uint256 rsETHUnstaked;
        uint256 expectedAssetAmount;
        uint256 withdrawalStartBlock;
    }

    struct Uint256Deque {
        uint128 _begin;
        uint128 _end;
        mapping(uint128 => uint256) _data;
    }

    uint256 public withdrawalDelayBlocks;
    mapping(address => uint256) public nextUnusedNonce;
    mapping(address => uint256) public nextLockedNonce;
    mapping(bytes32 => WithdrawalRequest) public withdrawalRequests;
    mapping(address => mapping(address => Uint256Deque)) public userAssociatedNonces;

    error InvalidAmountToWithdraw();
    error WithdrawalLocked();
    error WithdrawalDelayNotPassed();
    error NoPendingWithdrawals();
    error OutOfBounds();
    error Empty();

    event AssetWithdrawalQueued(address indexed withdrawer, address indexed asset, uint256 rsETHUnstaked, uint256 indexed userNonce);
    event AssetWithdrawalFinalized(address indexed withdrawer, address indexed asset, uint256 amountBurned, uint256 amountReceived);
    event AssetUnlocked(address indexed asset, uint256 rsEthAmount, uint256 assetAmount, uint256 rsEThPrice, uint256 assetPrice);

    receive() external payable {}

    /// Real: onlyLRTManager.
    function setWithdrawalDelayBlocks(uint256 blocks) external {
        withdrawalDelayBlocks = blocks;
    }

    function getRequestId(address asset, uint256 requestIndex) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(asset, requestIndex));
    }

    function getExpectedAssetAmount(address asset, uint256 amount) public view returns (uint256) {
        IRdKelpOracle oracle = IRdKelpOracle(RD_KELP_ORACLE);
        return amount * oracle.rsETHPrice() / oracle.getAssetPrice(asset);
    }

    function initiateWithdrawal(address asset, uint256 rsETHUnstaked, string calldata) external {
        if (rsETHUnstaked == 0) revert InvalidAmountToWithdraw();
        IRdERC20(RD_RSETH).transferFrom(msg.sender, address(this), rsETHUnstaked);
        uint256 nonce = nextUnusedNonce[asset];
        withdrawalRequests[getRequestId(asset, nonce)] = WithdrawalRequest(rsETHUnstaked, getExpectedAssetAmount(asset, rsETHUnstaked), block.number);
        Uint256Deque storage q = userAssociatedNonces[asset][msg.sender];
        q._data[q._end] = nonce;
        q._end += 1;
        nextUnusedNonce[asset] = nonce + 1;
        emit AssetWithdrawalQueued(msg.sender, asset, rsETHUnstaked, nonce);
    }

    /// Real: onlyLRTOperator; prices checked against bounds (ignored here). Unlocks requests past the delay
    /// up to `firstExcludedIndex`, lowering each payout to min(expected, value at unlock).
    function unlockQueue(address asset, uint256 firstExcludedIndex, uint256, uint256, uint256, uint256)
        external
        returns (uint256 rsETHBurned, uint256 assetAmountUnlocked)
    {
        if (firstExcludedIndex > nextUnusedNonce[asset]) firstExcludedIndex = nextUnusedNonce[asset];
        uint256 n = nextLockedNonce[asset];
        if (n >= firstExcludedIndex) revert NoPendingWithdrawals();
        IRdKelpOracle oracle = IRdKelpOracle(RD_KELP_ORACLE);
        uint256 rsETHPrice = oracle.rsETHPrice();
        uint256 assetPrice = oracle.getAssetPrice(asset);
        while (n < firstExcludedIndex) {
            WithdrawalRequest storage r = withdrawalRequests[getRequestId(asset, n)];
            if (block.number < r.withdrawalStartBlock + withdrawalDelayBlocks) break;
            uint256 current = r.rsETHUnstaked * rsETHPrice / assetPrice;
            uint256 payout = current < r.expectedAssetAmount ? current : r.expectedAssetAmount;
            r.expectedAssetAmount = payout;
            rsETHBurned += r.rsETHUnstaked;
            assetAmountUnlocked += payout;
            n++;
        }
        nextLockedNonce[asset] = n;
        emit AssetUnlocked(asset, rsETHBurned, assetAmountUnlocked, rsETHPrice, assetPrice);
    }

    function completeWithdrawal(address asset, string calldata) external {
        Uint256Deque storage q = userAssociatedNonces[asset][msg.sender];
        if (q._begin == q._end) revert Empty();
        uint256 nonce = q._data[q._begin];
        delete q._data[q._begin];
        q._begin += 1;
        if (nonce >= nextLockedNonce[asset]) revert WithdrawalLocked();
        bytes32 id = getRequestId(asset, nonce);
        WithdrawalRequest memory r = withdrawalRequests[id];
        delete withdrawalRequests[id];
        if (block.number < r.withdrawalStartBlock + withdrawalDelayBlocks) revert WithdrawalDelayNotPassed();
        require(asset == RD_ETH, "fixture: ETH only");
        (bool ok,) = payable(msg.sender).call{value: r.expectedAssetAmount}("");
        require(ok, "EthTransferFailed");
        emit AssetWithdrawalFinalized(msg.sender, asset, r.rsETHUnstaked, r.expectedAssetAmount);
    }

    function getUserWithdrawalRequest(address asset, address user, uint256 userIndex)
        external
        view
        returns (uint256 rsETHAmount, uint256 expectedAssetAmount, uint256 withdrawalStartBlock, uint256 userNonce)
    {
        Uint256Deque storage q = userAssociatedNonces[asset][user];
        if (userIndex >= uint256(q._end - q._begin)) revert OutOfBounds();
        userNonce = q._data[q._begin + uint128(userIndex)];
        WithdrawalRequest memory r = withdrawalRequests[getRequestId(asset, userNonce)];
        return (r.rsETHUnstaked, r.expectedAssetAmount, r.withdrawalStartBlock, userNonce);
    }
}

/// Swell rswEXIT (SwellNetwork/v3-core-public contracts/lrt/contracts/implementations/RswEXIT.sol): an
/// enumerable ERC-721 per request; rswETH is burned at request; the bot processes ids up to a point at the
/// rate of the moment; the owner finalizes for amount x min(processedRate, rateWhenCreated) / 1e18.
contract RdSwellRswEXIT is RdERC721 {
    struct WithdrawRequest {
        uint256 amount;
        uint256 lastTokenIdProcessed;
        uint256 rateWhenCreated;
    }

    mapping(uint256 => WithdrawRequest) public withdrawalRequests;
    uint256 private _lastTokenIdCreated;
    uint256 private _supply;
    uint256[] private _processedKeys;
    mapping(uint256 => uint256) private _processedRates;
    mapping(address => uint256[]) private _owned;
    mapping(uint256 => uint256) private _ownedIndex;

    error WithdrawalRequestNotProcessed();
    error WithdrawalRequestFinalizationOnlyAllowedForNFTOwner();
    error LastTokenIdToProcessMustBeGreaterOrEqualThanPrevious();
    error CannotProcessWithdrawalsForNonExistentToken();

    event WithdrawRequestCreated(uint256 tokenId, uint256 amount, uint256 timestamp, uint256 indexed lastTokenIdProcessed, uint256 rateWhenCreated, address indexed owner);
    event WithdrawalsProcessed(uint256 fromTokenId, uint256 toTokenId, uint256 processedRate, uint256 processedExitingETH, uint256 processedExitedETH);
    event WithdrawalClaimed(address indexed owner, uint256 tokenId, uint256 exitClaimedETH);

    receive() external payable {}

    function name() external pure returns (string memory) {
        return "rswEXIT";
    }

    function symbol() external pure returns (string memory) {
        return "rswEXIT";
    }

    function supportsInterface(bytes4 interfaceId) external pure override returns (bool) {
        return interfaceId == 0x80ac58cd || interfaceId == 0x01ffc9a7 || interfaceId == 0x780e9d63;
    }

    function totalSupply() external view returns (uint256) {
        return _supply;
    }

    function tokenOfOwnerByIndex(address owner, uint256 index) external view returns (uint256) {
        require(index < _owned[owner].length, "ERC721Enumerable: owner index out of bounds");
        return _owned[owner][index];
    }

    function getLastTokenIdCreated() external view returns (uint256) {
        return _lastTokenIdCreated;
    }

    function getLastTokenIdProcessed() public view returns (uint256) {
        return _processedKeys.length == 0 ? 0 : _processedKeys[_processedKeys.length - 1];
    }

    function createWithdrawRequest(uint256 amount) external {
        IRdERC20(FX_RSWETH).transferFrom(msg.sender, address(this), amount);
        IRdERC20(FX_RSWETH).burn(address(this), amount);
        uint256 tokenId = ++_lastTokenIdCreated;
        uint256 lastProcessed = getLastTokenIdProcessed();
        uint256 rate = IRdSwellRate(FX_RSWETH).rswETHToETHRate();
        withdrawalRequests[tokenId] = WithdrawRequest(amount, lastProcessed, rate);
        _mint(msg.sender, tokenId);
        emit WithdrawRequestCreated(tokenId, amount, block.timestamp, lastProcessed, rate, msg.sender);
    }

    /// Real: PROCESS_WITHDRAWALS role (Swell's bot).
    function processWithdrawals(uint256 lastTokenIdToProcess) external {
        uint256 last = getLastTokenIdProcessed();
        if (lastTokenIdToProcess < last) revert LastTokenIdToProcessMustBeGreaterOrEqualThanPrevious();
        if (lastTokenIdToProcess == last) return;
        if (lastTokenIdToProcess > _lastTokenIdCreated) revert CannotProcessWithdrawalsForNonExistentToken();
        uint256 rate = IRdSwellRate(FX_RSWETH).rswETHToETHRate();
        _processedKeys.push(lastTokenIdToProcess);
        _processedRates[lastTokenIdToProcess] = rate;
        emit WithdrawalsProcessed(last + 1, lastTokenIdToProcess, rate, 0, 0);
    }

    function getProcessedRateForTokenId(uint256 tokenId) public view returns (bool isProcessed, uint256 processedRate) {
        if (tokenId == 0) return (false, 0);
        for (uint256 i = 0; i < _processedKeys.length; i++) {
            if (_processedKeys[i] >= tokenId) return (true, _processedRates[_processedKeys[i]]);
        }
        return (false, 0);
    }

    function finalizeWithdrawal(uint256 tokenId) external {
        address owner = ownerOf(tokenId);
        if (owner != msg.sender) revert WithdrawalRequestFinalizationOnlyAllowedForNFTOwner();
        (bool processed, uint256 rate) = getProcessedRateForTokenId(tokenId);
        if (!processed) revert WithdrawalRequestNotProcessed();
        uint256 created = withdrawalRequests[tokenId].rateWhenCreated;
        uint256 finalRate = rate > created ? created : rate;
        uint256 ethClaim = withdrawalRequests[tokenId].amount * finalRate / 1 ether;
        _burn(tokenId);
        _pay(owner, ethClaim);
        emit WithdrawalClaimed(owner, tokenId, ethClaim);
    }

    function _afterMove(address from, address to, uint256 tokenId) internal override {
        if (from == address(0)) _supply += 1;
        if (to == address(0)) _supply -= 1;
        if (from != address(0)) {
            uint256[] storage list = _owned[from];
            uint256 i = _ownedIndex[tokenId];
            uint256 lastId = list[list.length - 1];
            list[i] = lastId;
            _ownedIndex[lastId] = i;
            list.pop();
            delete _ownedIndex[tokenId];
        }
        if (to != address(0)) {
            _ownedIndex[tokenId] = _owned[to].length;
            _owned[to].push(tokenId);
        }
    }
}
