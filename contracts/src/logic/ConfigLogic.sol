// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters} from "../interfaces/IStakingTypes.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {Allotment, Layout} from "../libraries/StakingStorage.sol";

/// @title ConfigLogic
/// @notice Governance settings: the parameters, the global cap and the allotments under it.
/// @dev An external library, delegatecalled by the staking contract after its role checks.
library ConfigLogic {
    function setParameters(Layout storage $, Parameters calldata p) external {
        if (p.minSelfStake == 0) revert IStakingErrors.StakingInvalidParameter("minSelfStake", 0);
        if (p.minDelegation == 0) revert IStakingErrors.StakingInvalidParameter("minDelegation", 0);
        if (p.maxCommissionBps > RewardMath.BPS) {
            revert IStakingErrors.StakingInvalidParameter("maxCommissionBps", p.maxCommissionBps);
        }
        if (p.jailThresholdBps > RewardMath.BPS) {
            revert IStakingErrors.StakingInvalidParameter("jailThresholdBps", p.jailThresholdBps);
        }
        if (p.jailAfterEpochs == 0) revert IStakingErrors.StakingInvalidParameter("jailAfterEpochs", 0);
        if (p.maxSlashBps > RewardMath.BPS) {
            revert IStakingErrors.StakingInvalidParameter("maxSlashBps", p.maxSlashBps);
        }
        // Delegators must be able to leave before an increase applies, and the settlement that
        // first applies it must not cover time from before it was announced.
        if (p.commissionNoticePeriod <= p.unbondingPeriod || p.commissionNoticePeriod < $.control.epochLength)
        {
            revert IStakingErrors.StakingInvalidParameter("commissionNoticePeriod", p.commissionNoticePeriod);
        }
        if (p.providerUnbondingPeriod < p.unbondingPeriod) {
            revert IStakingErrors.StakingInvalidParameter(
                "providerUnbondingPeriod", p.providerUnbondingPeriod
            );
        }
        $.params = p;
        emit IStakingEvents.ParametersSet(p);
    }

    /// @notice Refuses an upgrade unless the caller (the holder of UPGRADER_ROLE, the upgrade timelock)
    ///         waits longer than the longest unbonding period: `getMinDelay()` read from the caller at
    ///         the upgrade itself, so raising an unbonding period or lowering the delay after deployment
    ///         cannot break the guarantee (an upgrade then waits until the two are consistent again).
    /// @dev Delegatecalled, so `msg.sender` is the staking contract's caller. A caller that does not
    ///      answer `getMinDelay()` with a word (an account without code, a multisig) counts as delay 0.
    function checkUpgradeDelay(Layout storage $) external view {
        // setParameters keeps providerUnbondingPeriod >= unbondingPeriod: it is the longest.
        uint256 longest = $.params.providerUnbondingPeriod;
        (bool ok, bytes memory data) = msg.sender.staticcall(abi.encodeWithSignature("getMinDelay()"));
        uint256 delay = ok && data.length == 32 ? abi.decode(data, (uint256)) : 0;
        if (delay <= longest) revert IStakingErrors.StakingUpgradeDelayTooShort(delay, longest);
    }

    function setGlobalCap(Layout storage $, uint256 globalCap) external {
        $.control.globalCap = StakeLib.toAmount(globalCap);
        emit IStakingEvents.GlobalCapSet(globalCap);
    }

    /// @dev Keeps `used` (stake already placed under the allotment) unless the new allotment is
    ///      smaller, and moves the pool-wide unused total by the change in this account's unused part.
    function setAllotment(Layout storage $, address account, uint256 allotment) external {
        if (account == address(0)) revert IStakingErrors.StakingZeroAddress();
        Allotment storage current = $.allotments[account];
        uint96 newAllotment = StakeLib.toAmount(allotment);
        uint96 oldUnused = current.amount - current.used;
        uint96 used = current.used < newAllotment ? current.used : newAllotment;
        $.ledger.unusedAllotments = $.ledger.unusedAllotments - oldUnused + (newAllotment - used);
        current.amount = newAllotment;
        current.used = used;
        emit IStakingEvents.AllotmentSet(account, newAllotment, used);
    }
}
