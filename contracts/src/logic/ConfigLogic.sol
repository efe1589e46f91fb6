// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IRewardVault} from "../interfaces/IRewardVault.sol";
import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters} from "../interfaces/IStakingTypes.sol";
import {PoolLib} from "../libraries/PoolLib.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {
    Allotment,
    Layout,
    Pool,
    PoolFlags,
    Provider,
    UpgradeAnnouncement
} from "../libraries/StakingStorage.sol";
import {TimeLib} from "../libraries/TimeLib.sol";

/// @title ConfigLogic
/// @notice Governance settings: the parameters, the global cap and the allotments under it, and the
///         announcement every upgrade waits out.
/// @dev An external library, delegatecalled by the staking contract after its role checks.
library ConfigLogic {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Longest unbonding period (delegators' and providers'): exits never wait longer.
    uint256 internal constant MAX_UNBONDING_PERIOD = 180 days;
    /// @notice Longest commission notice: it must exceed the unbonding period, within a year.
    uint256 internal constant MAX_COMMISSION_NOTICE = 365 days;
    /// @notice Longest jail cooldown.
    uint256 internal constant MAX_JAIL_COOLDOWN = 180 days;

    /// @notice The deployment's vault, epoch clock and first parameters (see `AnkrStaking.initialize`).
    function initialize(
        Layout storage $,
        IRewardVault vault,
        uint256 genesisTime,
        uint256 epochLength,
        Parameters calldata p
    ) external {
        if (address(vault) == address(0)) revert IStakingErrors.StakingZeroAddress();
        if (epochLength == 0 || epochLength > type(uint24).max) {
            revert IStakingErrors.StakingInvalidParameter("epochLength", epochLength);
        }
        if (genesisTime > type(uint32).max) {
            revert IStakingErrors.StakingInvalidParameter("genesisTime", genesisTime);
        }
        $.vault = vault;
        $.control.genesis = uint32(genesisTime);
        $.control.epochLength = uint24(epochLength);
        setParameters($, p);
    }

    function setParameters(Layout storage $, Parameters calldata p) public {
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
        if (p.unbondingPeriod > MAX_UNBONDING_PERIOD) {
            revert IStakingErrors.StakingInvalidParameter("unbondingPeriod", p.unbondingPeriod);
        }
        // Delegators must be able to leave before an increase applies, and the settlement that
        // first applies it must not cover time from before it was announced.
        if (
            p.commissionNoticePeriod <= p.unbondingPeriod || p.commissionNoticePeriod < $.control.epochLength
                || p.commissionNoticePeriod > MAX_COMMISSION_NOTICE
        ) {
            revert IStakingErrors.StakingInvalidParameter("commissionNoticePeriod", p.commissionNoticePeriod);
        }
        if (p.providerUnbondingPeriod < p.unbondingPeriod || p.providerUnbondingPeriod > MAX_UNBONDING_PERIOD)
        {
            revert IStakingErrors.StakingInvalidParameter(
                "providerUnbondingPeriod", p.providerUnbondingPeriod
            );
        }
        if (p.jailCooldown > MAX_JAIL_COOLDOWN) {
            revert IStakingErrors.StakingInvalidParameter("jailCooldown", p.jailCooldown);
        }
        if (p.maxCommissionBps < $.params.maxCommissionBps) _lowerCommissions($, p.maxCommissionBps);
        uint256 previousPeriod = $.params.providerUnbondingPeriod;
        if (p.providerUnbondingPeriod < previousPeriod) {
            // Exits begun until now may unbond for the old period: an upgrade announced after this
            // (even in the same batch) waits for them too.
            uint256 horizon = block.timestamp + previousPeriod;
            if (horizon > $.upgrade.exitHorizon) $.upgrade.exitHorizon = TimeLib.toTime(horizon);
        }
        $.params = p;
        emit IStakingEvents.ParametersSet(p);
    }

    /// @notice Brings every registered provider's commission, and any increase it has scheduled,
    ///         down to a lowered maximum. Stored above the maximum, a commission would apply again
    ///         at once when the maximum is raised: this way every increase waits its notice period.
    /// @dev Bounded by `VotesLib.MAX_VOTING_POOLS` (the providers that have not exited); an exited
    ///      provider is never settled again.
    function _lowerCommissions(Layout storage $, uint16 maxBps) private {
        EnumerableSet.AddressSet storage pools = $.votingPools;
        uint256 count = pools.length();
        for (uint256 i; i < count; ++i) {
            address provider = pools.at(i);
            Provider storage prov = $.providers[provider];
            Pool memory pool = prov.pool;
            bool pending = PoolFlags.has(pool.flags, PoolFlags.COMMISSION_PENDING);
            uint16 pendingBps = pending ? prov.terms.pendingCommissionBps : 0;
            if (pool.commissionBps <= maxBps && pendingBps <= maxBps) continue;
            if (pool.commissionBps >= maxBps) {
                // The commission comes down to the maximum (or already is there and only the
                // increase goes): nothing stays scheduled.
                StakeLib.setCommissionNow(prov, pool, provider, maxBps);
                PoolLib.write(prov, pool);
            } else {
                // The scheduled increase shrinks to the maximum and keeps its date.
                prov.terms.pendingCommissionBps = maxBps;
                emit IStakingEvents.CommissionIncreaseScheduled(
                    provider, maxBps, prov.terms.commissionEffectiveAt
                );
            }
        }
    }

    /// @notice Records `implementation` as the next upgrade's, installable after more than the
    ///         longest unbonding period from now, and only once every exit already under way has
    ///         completed (one begun under a longer period before it was lowered included).
    function announceUpgrade(Layout storage $, address implementation) external {
        uint256 horizon = $.upgrade.exitHorizon;
        uint256 longest = block.timestamp + $.params.providerUnbondingPeriod;
        uint256 readyAt = (longest > horizon ? longest : horizon) + 1;
        $.upgrade = UpgradeAnnouncement({
            implementation: implementation,
            announcedAt: TimeLib.now32(),
            readyAt: TimeLib.toTime(readyAt),
            exitHorizon: uint32(horizon)
        });
        emit IStakingEvents.UpgradeAnnounced(implementation, implementation == address(0) ? 0 : readyAt);
    }

    /// @notice Refuses an upgrade to anything but the announced implementation, or before more than
    ///         the longest unbonding period (at the announcement, and now: setParameters keeps
    ///         providerUnbondingPeriod >= unbondingPeriod) has passed since it was announced. Checked
    ///         here rather than trusted to the upgrader's timelock, whose delay its own batch can change.
    ///         The announcement is used up (the exit horizon stays).
    function authorizeUpgrade(Layout storage $, address implementation) external {
        UpgradeAnnouncement memory announced = $.upgrade;
        if (announced.implementation != implementation || implementation == address(0)) {
            revert IStakingErrors.StakingUpgradeNotAnnounced(implementation);
        }
        uint256 readyAt = readyTime($, announced);
        if (block.timestamp < readyAt) revert IStakingErrors.StakingUpgradeTooEarly(implementation, readyAt);
        $.upgrade = UpgradeAnnouncement({
            implementation: address(0), announcedAt: 0, readyAt: 0, exitHorizon: announced.exitHorizon
        });
    }

    /// @notice The announced implementation, when, and from when it may be installed (zeros if none).
    function pendingUpgrade(Layout storage $) external view returns (address, uint256, uint256) {
        UpgradeAnnouncement memory announced = $.upgrade;
        if (announced.implementation == address(0)) return (address(0), 0, 0);
        return (announced.implementation, announced.announcedAt, readyTime($, announced));
    }

    /// @notice Pauses new stake, or lets it in again (exits never pause).
    function setPaused(Layout storage $, bool paused) external {
        if ($.control.paused == paused) {
            if (paused) revert IStakingErrors.EnforcedPause();
            revert IStakingErrors.ExpectedPause();
        }
        $.control.paused = paused;
        if (paused) emit IStakingEvents.Paused(msg.sender);
        else emit IStakingEvents.Unpaused(msg.sender);
    }

    /// @notice When an announced upgrade may run: the later of the time fixed at the announcement
    ///         and the announcement plus today's longest unbonding period, plus one second.
    function readyTime(Layout storage $, UpgradeAnnouncement memory announced)
        internal
        view
        returns (uint256)
    {
        uint256 byCurrentPeriod =
            uint256(announced.announcedAt) + $.params.providerUnbondingPeriod + 1;
        return byCurrentPeriod > announced.readyAt ? byCurrentPeriod : announced.readyAt;
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
