// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {Parameters, ProviderStatus} from "../interfaces/IStakingTypes.sol";
import {CapacityLib} from "./CapacityLib.sol";
import {EpochLib} from "./EpochLib.sol";
import {PoolLib} from "./PoolLib.sol";
import {Account, Layout, Pool, Provider, Totals} from "./StakingStorage.sol";

/// @title StakeLib
/// @notice Checks and bookkeeping shared by every path that moves stake: amounts, capacity, the
///         global cap with its allotments, and provider status.
library StakeLib {
    /// @dev Amounts are stored in 96 bits (79 billion tokens of 18 decimals).
    function toAmount(uint256 amount) internal pure returns (uint96) {
        if (amount > type(uint96).max) revert IStakingErrors.StakingAmountTooLarge(amount);
        return uint96(amount);
    }

    function currentEpoch(Layout storage $) internal view returns (uint256) {
        return EpochLib.epochAt(block.timestamp, $.clock.genesis, $.clock.epochLength);
    }

    /// @dev Room at the provider for `account`: its own cap, and the delegation ratio for others.
    function providerRoom(Layout storage $, Provider storage prov, Pool memory pool, bool isSelf)
        internal
        view
        returns (uint256 room)
    {
        room = pool.capped ? CapacityLib.capRoom(pool.totalStake, prov.bond.maxStake) : CapacityLib.UNLIMITED;
        if (!isSelf) {
            room = CapacityLib.min(
                room, CapacityLib.delegationRoom(pool.totalStake, pool.selfStake, $.params.delegationRatio)
            );
        }
    }

    /// @dev Enforces the global cap (an account first uses its unused allotment, then the open
    ///      room) and adds `value` to the pool-wide total.
    function takeGlobalRoom(Layout storage $, address account, uint96 value) internal {
        Totals memory t = $.totals;
        if (t.globalCap != 0) {
            Account storage acct = $.accounts[account];
            uint96 unused = acct.allotment - acct.allotmentUsed;
            uint96 fromAllotment = value < unused ? value : unused;
            uint256 open = CapacityLib.openRoom(t.globalCap, t.totalStaked, $.clock.unusedAllotments);
            if (value - fromAllotment > open) {
                revert IStakingErrors.StakingGlobalCapExceeded(value, open + unused);
            }
            if (fromAllotment != 0) {
                acct.allotmentUsed += fromAllotment;
                $.clock.unusedAllotments -= fromAllotment;
            }
        }
        $.totals.totalStaked = t.totalStaked + value;
    }

    /// @dev Removes `value` from the pool-wide total; while a cap is in force, the account gets
    ///      back the allotment that stake had used.
    function releaseGlobalRoom(Layout storage $, address account, uint96 value) internal {
        Totals memory t = $.totals;
        $.totals.totalStaked = t.totalStaked - value;
        if (t.globalCap == 0) return;
        Account storage acct = $.accounts[account];
        uint96 used = acct.allotmentUsed;
        if (used == 0) return;
        uint96 restored = value < used ? value : used;
        acct.allotmentUsed = used - restored;
        $.clock.unusedAllotments += restored;
    }

    /// @dev Checks that a provider's own stake can shrink to `remaining`: above the minimum and
    ///      still covering its delegations under the ratio.
    function checkSelfStakeDecrease(Layout storage $, address provider, Pool memory pool, uint96 remaining)
        internal
        view
    {
        if (pool.status == ProviderStatus.Exited) {
            revert IStakingErrors.StakingInvalidProviderStatus(provider, uint8(pool.status));
        }
        Parameters memory params = $.params;
        uint256 required = params.minSelfStake;
        if (params.delegationRatio != 0) {
            required =
                Math.max(required, Math.ceilDiv(pool.totalStake - pool.selfStake, params.delegationRatio));
        }
        if (remaining < required) revert IStakingErrors.StakingBelowMinSelfStake(remaining, required);
    }

    /// @dev Jails a provider now; a self-unjail then needs a passing score at a later settlement.
    function jail(Layout storage $, Provider storage prov) internal {
        (Pool memory pool,) = PoolLib.accrue($, prov);
        pool.status = ProviderStatus.Jailed;
        prov.pool = pool;
        prov.settlement.jailedAt = uint32(block.timestamp);
        prov.settlement.lowScoreStreak = $.params.jailAfterEpochs;
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
