// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {VotesLogic} from "../logic/VotesLogic.sol";
import {Control, Delegation, Layout, Stream, Totals} from "./StakingStorage.sol";

/// @title VotesLib
/// @notice Voting power kept at governance snapshots only, for the price of one slot read per stake
///         change while no snapshot is pending.
/// @dev Snapshots are registered before they happen (by the Governor, at `propose`). Three kinds of
///      record keep their live value plus `seen`, the number of snapshots already past at their last
///      change: a pool (its stake: the provider's votes; `seen` in {Stream}), a delegation (its
///      stake: what its delegator can override; `seen` in {Delegation}) and the pool-wide total (the
///      quorum base; in {Totals}). Every `seen` sits in a slot its stake change writes anyway.
///
///      A change with `past > seen` first keeps the old value for the snapshots `(seen, past]`:
///      - a pool or a delegation appends one history entry keyed `past`, holding the old value
///        (96 bits) and the previous key `seen` (above), so entries chain from the newest key, which
///        is the record's own `seen`, back to the oldest. A record that never held a value (old value
///        0 and `seen` 0) writes nothing: an absent entry reads as 0 for every older snapshot;
///      - the total keeps its old value inline in {Totals} (`snapshotTotal` for `(totalFrom,
///        totalSeen]`, a slot its change writes anyway). When the previous inline value covers
///        snapshots no registration has written yet, it first moves to `totalVotes[totalSeen]`, an
///        entry that snapshot's registration created: one rewritten slot, however many snapshots it
///        covers. The next registration writes such values into their snapshot records.
///      Between snapshots a change writes no history, and a record writes at most one entry per
///      snapshot whatever the number of changes. `past` costs nothing beyond {Control} unless the
///      three newest snapshots are all still pending (or the two before the newest are further
///      apart than 18 hours): then the ring of the 8 newest times is read, by an external call.
///
///      A pool's entry for a snapshot is created when the snapshot is registered (`PREPARED`, read
///      as absent), for every provider whose pool may still change: the first stake change after the
///      snapshot passes then rewrites a slot instead of creating one, so the proposer pays for the
///      pool's entry and the delegator only for its own.
///
///      A lookup at snapshot `i`: `i > seen` means the record did not change since `i` passed, so it
///      is the live value; otherwise the entry chain is walked from `seen` to the first entry whose
///      previous key is below `i`.
library VotesLib {
    /// @dev `Control.previousGap` and `Control.secondGap` when there is no such snapshot or it is
    ///      further back than they hold.
    uint256 internal constant NO_PREVIOUS_GAP = type(uint24).max;
    uint256 internal constant NO_SECOND_GAP = type(uint16).max;
    /// @dev Snapshot times kept in `Layout.recentSnapshots`.
    uint256 internal constant RING = 8;
    /// @dev Snapshots that may be pending (at or after now) at once: fewer than the ring holds, so
    ///      the pending ones and those whose total is not written yet are always in the ring.
    uint256 internal constant MAX_PENDING = 6;
    /// @dev A history entry made ahead of its snapshot: non-zero, and read as absent (value 0, no
    ///      previous key), which is what a record that never changed across the snapshot reads.
    uint256 internal constant PREPARED = 1 << 255;
    /// @dev Providers whose pools a snapshot registration prepares: bounds its cost, about 26k each.
    uint256 internal constant MAX_VOTING_POOLS = 256;

    /// @notice Number of registered snapshots strictly before now.
    function past(Layout storage $, Control memory c) internal view returns (uint256 p) {
        p = c.snapshotCount;
        uint256 time = c.newestSnapshot;
        if (time < block.timestamp) return p;
        // The newest is pending; the gaps give the times of the two before it.
        --p;
        uint256 gap = c.previousGap;
        if (gap != NO_PREVIOUS_GAP) {
            time -= gap;
            if (time < block.timestamp) return p;
            --p;
            gap = c.secondGap;
            if (gap != NO_SECOND_GAP) {
                if (time - gap < block.timestamp) return p;
                --p;
            }
        }
        if (p != 0) p = VotesLogic.pastFromRing($, p);
    }

    /// @notice Time of snapshot `index`, if it is among the RING newest.
    function recentTime(uint256 ring, uint256 index) internal pure returns (uint256) {
        return uint32(ring >> (32 * (index % RING)));
    }

    /// @notice Before a pool's stake changes from `oldTotal`: keeps it for the snapshots passed since
    ///         its last change. Updates `stream.votesSeen`; the caller writes the stream.
    function beforePoolChange(
        Layout storage $,
        address provider,
        Stream memory stream,
        uint256 oldTotal,
        uint256 p
    ) internal {
        uint256 seen = stream.votesSeen;
        if (seen >= p) return;
        uint256 entry = oldTotal | seen << 96;
        if (entry != 0) $.poolVotes[provider][p] = entry;
        stream.votesSeen = uint32(p);
    }

    /// @notice Before `account`'s delegation at `provider` changes (see `beforePoolChange`). Updates
    ///         `d.votesSeen`; the caller writes the delegation.
    function beforeDelegationChange(
        Layout storage $,
        address provider,
        address account,
        Delegation memory d,
        uint256 p
    ) internal {
        uint256 seen = d.votesSeen;
        if (seen >= p) return;
        uint256 entry = uint256(d.stake) | seen << 96;
        if (entry != 0) $.delegationVotes[provider][account][p] = entry;
        d.votesSeen = uint32(p);
    }

    /// @notice Before the pool-wide total changes: keeps it inline for the snapshots passed since its
    ///         last change. Updates `t`; the caller writes the totals.
    function beforeTotalChange(Layout storage $, Totals memory t, uint256 p) internal {
        uint256 seen = t.totalSeen;
        if (seen >= p) return;
        // The inline value still covers snapshots no registration wrote: it joins the chain.
        if (t.totalFrom < seen) $.totalVotes[seen] = uint256(t.snapshotTotal) | uint256(t.totalFrom) << 96;
        t.snapshotTotal = t.totalStaked;
        t.totalFrom = uint32(seen);
        t.totalSeen = uint32(p);
    }

    /// @notice Whether `entry` holds a value, rather than nothing or a prepared slot.
    function holds(uint256 entry) internal pure returns (bool) {
        return entry != 0 && entry != PREPARED;
    }

    /// @notice The value at snapshot `index` of a record whose history is `entries`.
    function valueAt(mapping(uint256 => uint256) storage entries, uint256 seen, uint256 live, uint256 index)
        internal
        view
        returns (uint256 value)
    {
        if (index > seen) return live;
        uint256 key = seen;
        while (true) {
            uint256 entry = entries[key];
            // Keys strictly decrease along the chain, and an absent entry (0) ends it.
            key = uint32(entry >> 96);
            if (index > key) return uint96(entry);
        }
    }
}
