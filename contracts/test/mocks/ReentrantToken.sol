// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A plain ERC-20 (no permit) that, once armed, calls `target` with `data` from inside its
///         next `transfer` or `transferFrom`, before moving the tokens. With `bubble` set, a revert
///         of that call reverts the transfer with the same data; otherwise the outcome is recorded.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public data;
    bool public armed;
    bool public bubble;

    bool public lastCallSucceeded;
    bytes public lastReturnData;
    uint256 public hookCalls;

    constructor(address holder, uint256 supply) ERC20("Reentrant", "RE") {
        _mint(holder, supply);
    }

    function arm(address target_, bytes calldata data_, bool bubble_) external {
        target = target_;
        data = data_;
        bubble = bubble_;
        armed = true;
    }

    function disarm() external {
        armed = false;
    }

    /// @notice Lets this token (as an account) approve a spender, so that it can act as a staker.
    function approveFromSelf(address spender, uint256 amount) external {
        _approve(address(this), spender, amount);
    }

    function transfer(address to, uint256 value) public override returns (bool) {
        _hook();
        return super.transfer(to, value);
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        _hook();
        return super.transferFrom(from, to, value);
    }

    function _hook() private {
        if (!armed) return;
        armed = false;
        ++hookCalls;
        (bool ok, bytes memory ret) = target.call(data);
        lastCallSucceeded = ok;
        lastReturnData = ret;
        if (!ok && bubble) {
            assembly {
                revert(add(ret, 0x20), mload(ret))
            }
        }
    }
}
