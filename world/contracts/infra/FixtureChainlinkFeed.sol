// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureRevertable} from "./FixtureProxy.sol";

/// A Chainlink price feed proxy's read surface (AggregatorV3Interface plus the legacy
/// AggregatorInterface views). Decimals and description are storage because the same code serves
/// every feed address. Each setAnswer starts a new round stamped with the block time.
contract FixtureChainlinkFeed is FixtureRevertable {
    uint8 internal _decimals;
    string internal _description;
    uint80 internal _roundId;
    int256 internal _answer;
    uint256 internal _startedAt;
    uint256 internal _updatedAt;

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function description() external view returns (string memory) {
        return _description;
    }

    function version() external pure returns (uint256) {
        return 4;
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return (_roundId, _answer, _startedAt, _updatedAt, _roundId);
    }

    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        require(roundId == _roundId && roundId != 0, "No data present");
        return (_roundId, _answer, _startedAt, _updatedAt, _roundId);
    }

    function latestAnswer() external view returns (int256) {
        return _answer;
    }

    function latestTimestamp() external view returns (uint256) {
        return _updatedAt;
    }

    function latestRound() external view returns (uint256) {
        return _roundId;
    }

    /// Fixture-only: decimals and description of this feed.
    function configure(uint8 feedDecimals, string calldata feedDescription) external {
        _decimals = feedDecimals;
        _description = feedDescription;
    }

    /// Fixture-only: a new round with `answer`, started and updated now.
    function setAnswer(int256 answer) external {
        _roundId += 1;
        _answer = answer;
        _startedAt = block.timestamp;
        _updatedAt = block.timestamp;
    }

    /// Fixture-only: restamps the latest round (e.g. in the past, for a stale feed).
    function setUpdatedAt(uint256 updatedAt) external {
        _updatedAt = updatedAt;
        _startedAt = updatedAt;
    }
}
