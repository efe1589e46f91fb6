// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Layout} from "../libraries/StakingStorage.sol";
import {UnbondingLib} from "../libraries/UnbondingLib.sol";

/// @title DelegatorLogic
/// @notice A delegator's steps that touch no pool: paying out matured unbonding entries, and the
///         EIP-2612 permit before a delegation.
/// @dev An external library, delegatecalled by the staking contract; living here keeps the core
///      under the contract size limit.
library DelegatorLogic {
    using SafeERC20 for IERC20;

    function withdraw(Layout storage $, IERC20 token) external returns (uint256 amount) {
        uint256 first;
        uint256 next;
        (amount, first, next) = UnbondingLib.popMatured($.queues[msg.sender]);
        if (amount == 0) revert IStakingErrors.StakingNothingToWithdraw();
        token.safeTransfer(msg.sender, amount);
        emit IStakingEvents.Withdrawn(msg.sender, amount, first, next);
    }

    /// @notice Applies the caller's permit for `amount`. A front-run permit (its signature already
    ///         used) must not block the delegation: the transfer still succeeds whenever the
    ///         allowance is in place, so a failing permit is ignored.
    function permit(IERC20 token, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        if (block.timestamp > deadline) revert IStakingErrors.StakingPermitExpired(deadline);
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
            catch {}
    }
}
