// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {UnbondingEntry} from "../interfaces/IStakingTypes.sol";
import {Queue, StakingStorage} from "./StakingStorage.sol";
import {TimeLib} from "./TimeLib.sol";

/// @title UnbondingLib
/// @notice An account's bounded unbonding queue. Undelegations in the same epoch share the newest
///         entry, and so does any amount once the queue is full (released at the later time), so an
///         undelegation never fails for lack of space and withdraw's loop stays bounded.
library UnbondingLib {
    /// @dev Adds `value`, released at `releaseAt`, for an undelegation in `epoch`. Returns the entry
    ///      it landed in and when that entry releases.
    function enqueue(Queue storage q, uint96 value, uint256 releaseAt, uint256 epoch)
        internal
        returns (uint256 id, uint256 entryReleaseAt)
    {
        uint256 head = q.head;
        uint256 tail = q.tail;
        if (tail > head && (q.newestEpoch == epoch || tail - head == StakingStorage.MAX_UNBONDING_ENTRIES)) {
            id = tail - 1;
            UnbondingEntry memory newest = get(q, id);
            newest.amount += value;
            if (releaseAt > newest.releaseAt) newest.releaseAt = TimeLib.toTime(releaseAt);
            set(q, id, newest);
            return (id, newest.releaseAt);
        }
        set(q, tail, UnbondingEntry({amount: value, releaseAt: TimeLib.toTime(releaseAt)}));
        q.tail = uint32(tail + 1);
        q.newestEpoch = uint32(epoch);
        return (tail, releaseAt);
    }

    /// @dev Pops every matured entry from the front (at most the queue bound) and returns their sum.
    function popMatured(Queue storage q) internal returns (uint256 amount, uint256 first, uint256 next) {
        first = q.head;
        uint256 tail = q.tail;
        next = first;
        while (next < tail) {
            UnbondingEntry memory entry = get(q, next);
            if (entry.releaseAt > block.timestamp) break;
            amount += entry.amount;
            ++next;
        }
        if (next != first) q.head = uint32(next);
    }

    /// @dev The sum of entries that have matured, without popping them.
    function matured(Queue storage q) internal view returns (uint256 amount) {
        for (uint256 id = q.head; id < q.tail; ++id) {
            UnbondingEntry memory entry = get(q, id);
            if (entry.releaseAt > block.timestamp) break;
            amount += entry.amount;
        }
    }

    /// @dev Every pending entry, oldest first, with the id of the first.
    function entries(Queue storage q) internal view returns (uint256 first, UnbondingEntry[] memory list) {
        first = q.head;
        list = new UnbondingEntry[](q.tail - first);
        for (uint256 i; i < list.length; ++i) {
            list[i] = get(q, first + i);
        }
    }

    function get(Queue storage q, uint256 id) internal view returns (UnbondingEntry memory) {
        uint256 position = id % StakingStorage.MAX_UNBONDING_ENTRIES;
        if (position == 0) return UnbondingEntry({amount: q.firstAmount, releaseAt: q.firstReleaseAt});
        return q.ring[position];
    }

    function set(Queue storage q, uint256 id, UnbondingEntry memory entry) internal {
        uint256 position = id % StakingStorage.MAX_UNBONDING_ENTRIES;
        if (position == 0) {
            q.firstAmount = entry.amount;
            q.firstReleaseAt = entry.releaseAt;
        } else {
            q.ring[position] = entry;
        }
    }
}
