// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Parameters} from "../src/interfaces/IStakingTypes.sol";

/// @title Defaults
/// @notice The launch values of every governance parameter: the one place they are written down.
///         docs/parameters.md explains each; deploy scripts and tests read them from here.
library Defaults {
    uint256 internal constant EPOCH_LENGTH = 7 days;

    function parameters() internal pure returns (Parameters memory) {
        return Parameters({
            minSelfStake: 100_000 ether,
            minDelegation: 1000 ether,
            maxCommissionBps: 3000,
            delegationRatio: 16,
            jailThresholdBps: 5000,
            jailAfterEpochs: 3,
            rewardPerEpoch: 1_000_000 ether,
            unbondingPeriod: 14 days,
            providerUnbondingPeriod: 28 days,
            commissionNoticePeriod: 15 days,
            jailCooldown: 7 days,
            maxSlashBps: 1000
        });
    }
}
