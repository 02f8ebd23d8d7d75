// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureRevertable} from "../infra/FixtureProxy.sol";

/// ERC-20 base of the token fixtures: the standard interface with its events, plus fixture-only
/// mint, burn, a paused flag (transfers revert while paused) and the reverting switch. Name and
/// symbol are code, not storage, so a fixture needs no initialisation after anvil_setCode.
/// Derived fixtures expose `paused()` only where the real token has it (the registry's paused view).
abstract contract FixtureERC20 is FixtureRevertable {
    mapping(address => uint256) internal _balances;
    mapping(address => mapping(address => uint256)) internal _allowances;
    uint256 internal _supply;
    bool internal _paused;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function name() external view virtual returns (string memory);
    function symbol() external view virtual returns (string memory);

    function decimals() external view virtual returns (uint8) {
        return 18;
    }

    function totalSupply() public view virtual returns (uint256) {
        return _supply;
    }

    function balanceOf(address account) public view virtual returns (uint256) {
        return _balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= amount, "ERC20: insufficient allowance");
            _allowances[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    /// Fixture-only: creates `amount` tokens for `to`.
    function mint(address to, uint256 amount) external virtual {
        _mint(to, amount);
    }

    /// Fixture-only: destroys `amount` tokens of `from`.
    function burn(address from, uint256 amount) external virtual {
        _burn(from, amount);
    }

    /// Fixture-only: pauses or unpauses transfers.
    function setPaused(bool on) external {
        _paused = on;
    }

    function _transfer(address from, address to, uint256 amount) internal virtual {
        require(!_paused, "Pausable: paused");
        require(to != address(0), "ERC20: transfer to the zero address");
        require(_balances[from] >= amount, "ERC20: transfer amount exceeds balance");
        _balances[from] -= amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _mint(address to, uint256 amount) internal {
        _balances[to] += amount;
        _supply += amount;
        emit Transfer(address(0), to, amount);
    }

    function _burn(address from, uint256 amount) internal {
        require(_balances[from] >= amount, "ERC20: burn amount exceeds balance");
        _balances[from] -= amount;
        _supply -= amount;
        emit Transfer(from, address(0), amount);
    }
}

/// Wrapped Ether (WETH9's view surface): the asset of pufETH and coin 1 of the Curve rswETH pool.
contract FixtureWETH is FixtureERC20 {
    function name() external pure override returns (string memory) {
        return "Wrapped Ether";
    }

    function symbol() external pure override returns (string memory) {
        return "WETH";
    }
}
