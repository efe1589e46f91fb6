// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Parameters} from "../src/interfaces/IStakingTypes.sol";

/// @title Defaults
/// @notice The launch values of every governance parameter: the one place they are written down.
///         docs/parameters.md explains each; deploy scripts and tests read them from here.
library Defaults {
    uint256 internal constant EPOCH_LENGTH = 7 days;

    /// @dev Governance (docs/governance.md). The main timelock holds every parameter; upgrades and
    ///      role changes pass it and then the upgrade timelock, whose delay exceeds the provider
    ///      unbonding period (28 days), so anyone who disagrees can leave before they apply.
    uint256 internal constant TIMELOCK_DELAY = 2 days;
    uint256 internal constant UPGRADE_DELAY = 30 days;
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 5 days;
    /// @dev Any provider with the minimum self-stake may propose.
    uint256 internal constant PROPOSAL_THRESHOLD = 100_000 ether;
    uint256 internal constant QUORUM_PERCENT = 10;

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
