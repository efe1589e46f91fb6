// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Control, Delegation, Layout, Provider, Totals} from "../libraries/StakingStorage.sol";
import {VotesLib} from "../libraries/VotesLib.sol";

/// @title VotesLogic
/// @notice Governance snapshots and the IERC5805 reads over the voting histories (see VotesLib).
/// @dev An external library, delegatecalled by the staking contract.
library VotesLogic {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Registers a snapshot at `timepoint` (now or later); returns its index. Idempotent per
    ///         time. Writes the pool-wide total into the record of every snapshot already past, so
    ///         the ones whose total is not written yet stay among the ring's newest, and prepares
    ///         the entries the first stake changes after it would otherwise create (the total's
    ///         and every changeable pool's; see VotesLib.PREPARED).
    function registerSnapshot(Layout storage $, uint256 timepoint) external returns (uint256 index) {
        index = uint32($.snapshots[timepoint]);
        if (index != 0) return index;
        if (timepoint < block.timestamp || timepoint > type(uint32).max) {
            revert IStakingErrors.StakingSnapshotInPast(timepoint);
        }
        Control memory c = $.control;
        uint256 count = c.snapshotCount;
        if (count != 0 && timepoint < c.newestSnapshot) {
            revert IStakingErrors.StakingSnapshotOutOfOrder(timepoint, c.newestSnapshot);
        }
        uint256 p = VotesLib.past($, c);
        if (count - p >= VotesLib.MAX_PENDING) revert IStakingErrors.StakingTooManyPendingSnapshots();
        if (count == type(uint24).max) revert IStakingErrors.StakingTooManySnapshots();

        _recordTotals($, p);

        index = count + 1;
        uint256 shift = 32 * (index % VotesLib.RING);
        $.recentSnapshots = ($.recentSnapshots & ~(uint256(type(uint32).max) << shift)) | (timepoint << shift);
        $.snapshots[timepoint] = index;
        $.totalVotes[index] = VotesLib.PREPARED;
        _preparePools($, index);
        uint256 gap = c.previousGap;
        c.secondGap = uint16(gap < VotesLib.NO_SECOND_GAP ? gap : VotesLib.NO_SECOND_GAP);
        gap = count == 0 ? VotesLib.NO_PREVIOUS_GAP : timepoint - c.newestSnapshot;
        c.previousGap = uint24(gap < VotesLib.NO_PREVIOUS_GAP ? gap : VotesLib.NO_PREVIOUS_GAP);
        c.snapshotCount = uint24(index);
        c.newestSnapshot = uint32(timepoint);
        $.control = c;
        emit IStakingEvents.SnapshotRegistered(index, timepoint);
    }

    /// @notice Creates the history entry for snapshot `index` ahead of it (see VotesLib.PREPARED) for
    ///         every provider that has not exited.
    function _preparePools(Layout storage $, uint256 index) private {
        EnumerableSet.AddressSet storage pools = $.votingPools;
        uint256 count = pools.length();
        for (uint256 i; i < count; ++i) {
            $.poolVotes[pools.at(i)][index] = VotesLib.PREPARED;
        }
    }

    /// @notice Writes the pool-wide total at every snapshot past (`p` of them) whose record lacks it
    ///         (the live value, the inline one and those in the chain, all since the previous
    ///         registration, so among the ring's newest), and clears the chain.
    function _recordTotals(Layout storage $, uint256 p) private {
        Totals storage totals = $.totals;
        Totals memory t = totals;
        uint256 ring = $.recentSnapshots;
        _writeRecords($, ring, t.totalSeen, p, t.totalStaked);
        _writeRecords($, ring, t.totalFrom, t.totalSeen, t.snapshotTotal);
        for (uint256 key = t.totalFrom;;) {
            uint256 entry = $.totalVotes[key];
            if (!VotesLib.holds(entry)) break;
            delete $.totalVotes[key];
            uint256 from = uint32(entry >> 96);
            _writeRecords($, ring, from, key, uint96(entry));
            key = from;
        }
        totals.totalSeen = uint32(p);
        totals.totalFrom = uint32(p);
    }

    /// @notice Writes `total` into the records of snapshots `(from, to]`.
    function _writeRecords(Layout storage $, uint256 ring, uint256 from, uint256 to, uint256 total) private {
        for (uint256 i = from + 1; i <= to; ++i) {
            $.snapshots[VotesLib.recentTime(ring, i)] = i | total << 32;
        }
    }

    /// @notice Snapshots past, counted back from `p` (every snapshot above it is pending) over the
    ///      ring of the newest times; at most MAX_PENDING rounds, since older snapshots are past.
    function pastFromRing(Layout storage $, uint256 p) external view returns (uint256) {
        uint256 ring = $.recentSnapshots;
        while (p != 0 && VotesLib.recentTime(ring, p) >= block.timestamp) --p;
        return p;
    }

    /// @notice A provider's votes (its pool's stake) at a past snapshot.
    function getPastVotes(Layout storage $, address account, uint256 timepoint)
        external
        view
        returns (uint256)
    {
        uint256 index = _pastIndex($, timepoint);
        Provider storage prov = $.providers[account];
        return VotesLib.valueAt($.poolVotes[account], prov.stream.votesSeen, prov.stake.total, index);
    }

    /// @notice The pool-wide total stake at a past snapshot.
    function getPastTotalSupply(Layout storage $, uint256 timepoint) external view returns (uint256) {
        uint256 index = _pastIndex($, timepoint);
        Totals memory t = $.totals;
        if (index > t.totalSeen) return t.totalStaked;
        if (index > t.totalFrom) return t.snapshotTotal;
        for (uint256 key = t.totalFrom;;) {
            uint256 entry = $.totalVotes[key];
            if (!VotesLib.holds(entry)) break;
            key = uint32(entry >> 96);
            if (index > key) return uint96(entry);
        }
        return $.snapshots[timepoint] >> 32;
    }

    /// @notice A delegation's stake at a past snapshot.
    function getPastStake(Layout storage $, address provider, address delegator, uint256 timepoint)
        external
        view
        returns (uint256)
    {
        uint256 index = _pastIndex($, timepoint);
        Delegation memory d = $.delegations[provider][delegator];
        return VotesLib.valueAt($.delegationVotes[provider][delegator], d.votesSeen, d.stake, index);
    }

    function _pastIndex(Layout storage $, uint256 timepoint) private view returns (uint256 index) {
        if (timepoint >= block.timestamp) {
            revert IStakingErrors.StakingFutureLookup(timepoint, block.timestamp);
        }
        index = uint32($.snapshots[timepoint]);
        if (index == 0) revert IStakingErrors.StakingNotASnapshot(timepoint);
    }
}
