// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters, ProviderStatus} from "../interfaces/IStakingTypes.sol";
import {AllotmentLogic} from "../logic/AllotmentLogic.sol";
import {CapacityLib} from "./CapacityLib.sol";
import {EpochLib} from "./EpochLib.sol";
import {PoolLib} from "./PoolLib.sol";
import {Bond, Control, Layout, Pool, PoolFlags, Provider, Totals} from "./StakingStorage.sol";
import {TimeLib} from "./TimeLib.sol";
import {VotesLib} from "./VotesLib.sol";

/// @title StakeLib
/// @notice Checks and bookkeeping shared by every path that moves stake: amounts, capacity, the
///         global cap with its allotments, and provider status.
library StakeLib {
    /// @dev Amounts are stored in 96 bits (79 billion tokens of 18 decimals).
    function toAmount(uint256 amount) internal pure returns (uint96) {
        if (amount > type(uint96).max) revert IStakingErrors.StakingAmountTooLarge(amount);
        return uint96(amount);
    }

    function currentEpoch(Control memory c) internal view returns (uint256) {
        return EpochLib.epochAt(block.timestamp, c.genesis, c.epochLength);
    }

    /// @dev Room at the provider for `account`: its own cap, and the delegation ratio for others.
    function providerRoom(
        Layout storage $,
        Provider storage prov,
        Pool memory pool,
        uint256 totalStake,
        bool isSelf
    ) internal view returns (uint256 room) {
        room = PoolFlags.has(pool.flags, PoolFlags.CAPPED)
            ? CapacityLib.capRoom(totalStake, prov.terms.maxStake)
            : CapacityLib.UNLIMITED;
        if (!isSelf) {
            room = CapacityLib.min(
                room, CapacityLib.delegationRoom(totalStake, pool.selfStake, $.params.delegationRatio)
            );
        }
    }

    /// @dev Enforces the global cap (an account first uses its unused allotment, then the open
    ///      room; AllotmentLogic.useGlobalRoom, delegatecalled only while a cap is in force) and adds
    ///      `value` to the pool-wide total. `p`: snapshots past (VotesLib.past).
    function takeGlobalRoom(Layout storage $, Control memory c, address account, uint96 value, uint256 p)
        internal
    {
        Totals memory t = $.totals;
        if (c.globalCap != 0) AllotmentLogic.useGlobalRoom($, c.globalCap, t.totalStaked, account, value);
        VotesLib.beforeTotalChange($, t, p);
        t.totalStaked += value;
        writeTotals($, t);
    }

    /// @dev Removes `value` from the pool-wide total; while a cap is in force, the account gets
    ///      back the allotment that stake had used (AllotmentLogic.releaseAllotment).
    function releaseGlobalRoom(Layout storage $, Control memory c, address account, uint96 value, uint256 p)
        internal
    {
        Totals memory t = $.totals;
        VotesLib.beforeTotalChange($, t, p);
        t.totalStaked -= value;
        writeTotals($, t);
        if (c.globalCap != 0) AllotmentLogic.releaseAllotment($, account, value);
    }

    /// @dev Writes the totals slot in one store (the bit offsets follow {Totals}'s declaration).
    function writeTotals(Layout storage $, Totals memory t) internal {
        Totals storage slot = $.totals;
        uint256 word = uint256(t.totalStaked) | uint256(t.snapshotTotal) << 96 | uint256(t.totalSeen) << 192
            | uint256(t.totalFrom) << 224;
        assembly ("memory-safe") {
            sstore(slot.slot, word)
        }
    }

    /// @dev Checks that a provider's own stake can shrink to `remaining`: above the minimum and
    ///      still covering its delegations under the ratio.
    function checkSelfStakeDecrease(
        Layout storage $,
        address provider,
        Pool memory pool,
        uint256 totalStake,
        uint96 remaining
    ) internal view {
        if (pool.status == ProviderStatus.Exited) {
            revert IStakingErrors.StakingInvalidProviderStatus(provider, uint8(pool.status));
        }
        Parameters memory params = $.params;
        uint256 required = params.minSelfStake;
        if (params.delegationRatio != 0) {
            required = Math.max(required, Math.ceilDiv(totalStake - pool.selfStake, params.delegationRatio));
        }
        if (remaining < required) revert IStakingErrors.StakingBelowMinSelfStake(remaining, required);
    }

    /// @dev Adds self-stake to the provider's bond; merged amounts release at the later time.
    function unbondSelfStake(Bond storage bond, uint96 amount, uint256 period)
        internal
        returns (uint256 unbonding, uint256 releaseAt)
    {
        unbonding = bond.unbonding + amount;
        bond.unbonding = uint96(unbonding);
        releaseAt = block.timestamp + period;
        if (releaseAt > bond.releaseAt) bond.releaseAt = TimeLib.toTime(releaseAt);
        else releaseAt = bond.releaseAt;
    }

    /// @dev Sets a provider's commission now and drops any scheduled increase (a decrease, a lowered
    ///      maximum, or a scheduled increase coming due). The caller writes `pool`.
    function setCommissionNow(Provider storage prov, Pool memory pool, address provider, uint16 commissionBps)
        internal
    {
        prov.terms.pendingCommissionBps = 0;
        prov.terms.commissionEffectiveAt = 0;
        emit IStakingEvents.CommissionChanged(provider, pool.commissionBps, commissionBps);
        pool.commissionBps = commissionBps;
        pool.flags = PoolFlags.set(pool.flags, PoolFlags.COMMISSION_PENDING, false);
    }

    /// @dev Jails a provider now; a self-unjail then needs a passing score at a later settlement.
    function jail(Layout storage $, Provider storage prov, Pool memory pool) internal {
        pool.status = ProviderStatus.Jailed;
        pool.lowScoreStreak = $.params.jailAfterEpochs;
        PoolLib.write(prov, pool);
        prov.terms.jailedAt = TimeLib.now32();
    }

    /// @dev An Active pool takes anyone's stake; a provider may also top up its own bond while
    ///      Pending or Jailed.
    function acceptsStake(ProviderStatus status, bool isSelf) internal pure returns (bool) {
        return status == ProviderStatus.Active
            || (isSelf && (status == ProviderStatus.Pending || status == ProviderStatus.Jailed));
    }

    function requireStatus(address provider, ProviderStatus status, ProviderStatus expected) internal pure {
        if (status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        if (status != expected) revert IStakingErrors.StakingInvalidProviderStatus(provider, uint8(status));
    }

    function requireActive(address provider, ProviderStatus status) internal pure {
        if (status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        if (status != ProviderStatus.Active) {
            revert IStakingErrors.StakingProviderNotActive(provider, uint8(status));
        }
    }
}
