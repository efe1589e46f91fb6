// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProviderView, UnbondingEntry} from "../interfaces/IStakingTypes.sol";
import {CapacityLib} from "../libraries/CapacityLib.sol";
import {PoolLib} from "../libraries/PoolLib.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {Allotment, Delegation, Layout, Pool, Provider, Terms} from "../libraries/StakingStorage.sol";
import {UnbondingLib} from "../libraries/UnbondingLib.sol";

/// @title ViewLogic
/// @notice The staking contract's larger read-only views, kept out of its bytecode.
/// @dev An external library, delegatecalled (read-only) by the staking contract.
library ViewLogic {
    function getDelegation(Layout storage $, address provider, address delegator)
        external
        view
        returns (uint256, uint256)
    {
        Delegation memory d = $.delegations[provider][delegator];
        return (d.stake, PoolLib.pendingRewards($.providers[provider], d, provider == delegator));
    }

    function getProvider(Layout storage $, address provider) external view returns (ProviderView memory v) {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        Terms memory terms = prov.terms;
        v.status = pool.status;
        v.totalStake = prov.stake.total;
        v.selfStake = pool.selfStake;
        v.commissionBps = pool.commissionBps;
        v.pendingCommissionBps = terms.pendingCommissionBps;
        v.commissionEffectiveAt = terms.commissionEffectiveAt;
        v.maxStake = terms.maxStake;
        v.selfStakeUnbonding = prov.bond.unbonding;
        v.selfStakeReleaseAt = prov.bond.releaseAt;
        v.rewardRate = prov.stream.rate;
        v.rewardFinish = prov.stream.finish;
        v.lastScoreBps = pool.lastScoreBps;
        v.lowScoreStreak = pool.lowScoreStreak;
        v.jailedAt = terms.jailedAt;
        v.commissionAccrued = pool.commissionAccrued;
        v.metadataURI = prov.metadataURI;
    }

    function unbondingQueue(Layout storage $, address account)
        external
        view
        returns (uint256 firstEntryId, UnbondingEntry[] memory entries)
    {
        return UnbondingLib.entries($.queues[account]);
    }

    function withdrawable(Layout storage $, address account) external view returns (uint256) {
        return UnbondingLib.matured($.queues[account]);
    }

    function capacityLeft(Layout storage $, address provider, address account)
        external
        view
        returns (uint256 room)
    {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        uint256 totalStake = prov.stake.total;
        bool isSelf = account == provider;
        if (!StakeLib.acceptsStake(pool.status, isSelf)) return 0;
        room = StakeLib.providerRoom($, prov, pool, totalStake, isSelf);
        Allotment memory allotment = $.allotments[account];
        uint256 globalRoom = CapacityLib.add(
            CapacityLib.openRoom($.control.globalCap, $.totals.totalStaked, $.ledger.unusedAllotments),
            allotment.amount - allotment.used
        );
        room = CapacityLib.min(CapacityLib.min(room, globalRoom), type(uint96).max - totalStake);
    }
}
