// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Layout} from "../libraries/StakingStorage.sol";
import {UnbondingLib} from "../libraries/UnbondingLib.sol";

/// @title UnbondingLogic
/// @notice Pays out an account's matured unbonding entries.
/// @dev An external library, delegatecalled by the staking contract: withdraw touches neither pools
///      nor voting power, and living here keeps the core under the contract size limit.
library UnbondingLogic {
    using SafeERC20 for IERC20;

    function withdraw(Layout storage $, IERC20 token) external returns (uint256 amount) {
        uint256 first;
        uint256 next;
        (amount, first, next) = UnbondingLib.popMatured($.queues[msg.sender]);
        if (amount == 0) revert IStakingErrors.StakingNothingToWithdraw();
        token.safeTransfer(msg.sender, amount);
        emit IStakingEvents.Withdrawn(msg.sender, amount, first, next);
    }
}
