// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {CapacityLib} from "../libraries/CapacityLib.sol";
import {Allotment, Layout} from "../libraries/StakingStorage.sol";

/// @title AllotmentLogic
/// @notice The allotments under a global cap: which part of the cap a stake change uses or gives back.
/// @dev An external library, delegatecalled by StakeLib only while a global cap is in force (the pool
///      is uncapped at launch), so this cold bookkeeping costs the staking core no bytecode.
library AllotmentLogic {
    /// @notice Under a global cap: takes `value` for `account` from its unused allotment first, then
    ///         from the open room (the cap less the total and everyone's unused allotments).
    /// @dev Called by StakeLib.takeGlobalRoom while a cap is in force.
    function useGlobalRoom(
        Layout storage $,
        uint256 globalCap,
        uint256 totalStaked,
        address account,
        uint96 value
    ) external {
        Allotment storage allotment = $.allotments[account];
        uint96 unused = allotment.amount - allotment.used;
        uint96 fromAllotment = value < unused ? value : unused;
        uint256 open = CapacityLib.openRoom(globalCap, totalStaked, $.ledger.unusedAllotments);
        if (value - fromAllotment > open) {
            revert IStakingErrors.StakingGlobalCapExceeded(value, open + unused);
        }
        if (fromAllotment != 0) {
            allotment.used += fromAllotment;
            $.ledger.unusedAllotments -= fromAllotment;
        }
    }

    /// @notice Under a global cap: gives `account` back the allotment that `value` of its stake used.
    function releaseAllotment(Layout storage $, address account, uint96 value) external {
        Allotment storage allotment = $.allotments[account];
        uint96 used = allotment.used;
        if (used == 0) return;
        uint96 restored = value < used ? value : used;
        allotment.used = used - restored;
        $.ledger.unusedAllotments += restored;
    }
}
