// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProviderView, UnbondingEntry} from "../interfaces/IStakingTypes.sol";
import {CapacityLib} from "../libraries/CapacityLib.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {Account, Bond, Layout, Pool, Provider, Settlement} from "../libraries/StakingStorage.sol";

/// @title ViewLogic
/// @notice The staking contract's larger read-only views, kept out of its bytecode.
/// @dev An external library, delegatecalled (read-only) by the staking contract.
library ViewLogic {
    function getProvider(Layout storage $, address provider) external view returns (ProviderView memory v) {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        Settlement memory st = prov.settlement;
        Bond memory bond = prov.bond;
        v.status = pool.status;
        v.totalStake = pool.totalStake;
        v.selfStake = pool.selfStake;
        v.commissionBps = pool.commissionBps;
        v.pendingCommissionBps = st.pendingCommissionBps;
        v.commissionEffectiveAt = st.commissionEffectiveAt;
        v.maxStake = bond.maxStake;
        v.selfStakeUnbonding = bond.unbondingSelfStake;
        v.selfStakeReleaseAt = bond.releaseAt;
        v.rewardRate = prov.stream.rate;
        v.rewardFinish = prov.stream.finish;
        v.lastScoreBps = st.lastScoreBps;
        v.lowScoreStreak = st.lowScoreStreak;
        v.jailedAt = st.jailedAt;
        v.commissionAccrued = st.commissionAccrued;
        v.metadataURI = prov.metadataURI;
    }

    function unbondingQueue(Layout storage $, address account)
        external
        view
        returns (uint256 firstEntryId, UnbondingEntry[] memory entries)
    {
        Account memory acct = $.accounts[account];
        entries = new UnbondingEntry[](acct.queueTail - acct.queueHead);
        for (uint256 i; i < entries.length; ++i) {
            entries[i] = $.queues[account][acct.queueHead + i];
        }
        return (acct.queueHead, entries);
    }

    function withdrawable(Layout storage $, address account) external view returns (uint256 amount) {
        Account memory acct = $.accounts[account];
        for (uint256 id = acct.queueHead; id < acct.queueTail; ++id) {
            UnbondingEntry memory entry = $.queues[account][id];
            if (entry.releaseAt > block.timestamp) break;
            amount += entry.amount;
        }
    }

    function capacityLeft(Layout storage $, address provider, address account)
        external
        view
        returns (uint256 room)
    {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        bool isSelf = account == provider;
        if (!StakeLib.acceptsStake(pool.status, isSelf)) return 0;
        room = StakeLib.providerRoom($, prov, pool, isSelf);
        Account memory acct = $.accounts[account];
        uint256 globalRoom = CapacityLib.add(
            CapacityLib.openRoom($.totals.globalCap, $.totals.totalStaked, $.clock.unusedAllotments),
            acct.allotment - acct.allotmentUsed
        );
        room = CapacityLib.min(CapacityLib.min(room, globalRoom), type(uint96).max - pool.totalStake);
    }
}
