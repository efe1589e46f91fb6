// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IRewardVault} from "../interfaces/IRewardVault.sol";
import {Parameters, ProviderStatus, UnbondingEntry} from "../interfaces/IStakingTypes.sol";

/// @dev Provider slot 0, read by every stake change and written at settlement: who the provider
///      is to its delegators (status, commission, bond) and what settlement owes it.
struct Pool {
    uint96 selfStake;
    uint96 commissionAccrued;
    ProviderStatus status;
    uint16 commissionBps;
    uint8 lowScoreStreak;
    uint16 lastScoreBps;
    /// @dev {PoolFlags}: which cold provider slots hold something, so the hot paths skip them.
    uint8 flags;
}

/// @dev Provider slot 1, written by every stake change and at settlement: the pool's stake and its
///      integral over time since the settlement window started. `updatedAt` is the pool's clock:
///      the stake integral and the reward stream ({Stream}) are always brought up to it together.
struct Stake {
    uint96 total;
    uint128 stakeSeconds;
    uint32 updatedAt;
}

/// @dev Provider slot 2, written by every stake change and at settlement: the reward stream and the
///      reward-per-token accumulator it feeds (as of `Stake.updatedAt`), and the pool's voting
///      history mark (see {VotesLib}).
struct Stream {
    uint112 rewardPerToken;
    uint80 rate;
    /// @dev Set to the registration time at registration, so the slot is never zero and no stake
    ///      change or settlement pays for creating it.
    uint32 finish;
    /// @dev Governance snapshots already past when the pool's stake last changed.
    uint32 votesSeen;
}

/// @dev Provider slot 3, cold: read only when a {PoolFlags} bit says so, or by governance paths.
struct Terms {
    uint16 pendingCommissionBps;
    uint32 commissionEffectiveAt;
    uint32 jailedAt;
    uint96 maxStake;
}

/// @dev Provider slot 4: self-stake on its way out (after an own undelegation or an exit).
struct Bond {
    uint96 unbonding;
    uint32 releaseAt;
}

struct Provider {
    Pool pool;
    Stake stake;
    Stream stream;
    Terms terms;
    Bond bond;
    string metadataURI;
    /// @dev Rewards added by `addRewards` while the pool's stream was running; they join the
    ///      stream at the next settlement, so adding never stretches rewards already streaming.
    uint256 queuedRewards;
}

/// @dev One slot per delegation. While `stake` is non-zero, `mark` is the reward-per-token value
///      from which the stake earns: rewards owed so far are stake x (rewardPerToken - mark), so a
///      stake change carries what was earned by moving the mark instead of writing a second slot.
///      While `stake` is zero, `mark` holds the rewards owed outright. `votesSeen`: governance
///      snapshots already past when `stake` last changed (see {VotesLib}).
struct Delegation {
    uint96 stake;
    uint32 votesSeen;
    int128 mark;
}

/// @dev An account's unbonding queue: ids run from `head` to `tail`, entry `id` sits at ring
///      position `id % MAX_UNBONDING_ENTRIES`, and position 0 shares the header's slot so that a
///      first undelegation writes one new slot. Slots are reused, never cleared.
struct Queue {
    uint32 head;
    uint32 tail;
    /// @dev The epoch of the newest entry: undelegations in the same epoch share it.
    uint32 newestEpoch;
    uint96 firstAmount;
    uint32 firstReleaseAt;
    mapping(uint256 position => UnbondingEntry) ring;
}

/// @dev An account's allotment under the global cap, read only while a cap is in force.
struct Allotment {
    uint96 amount;
    uint96 used;
}

/// @dev Read by every stake change: the pause flag, the governance snapshot header, the global cap
///      and the epoch clock. Written only by governance, the guardian and snapshot registration.
struct Control {
    bool paused;
    /// @dev Governance snapshots registered so far, the time of the newest, and how long before it
    ///      the two before it were (each gap saturated at its maximum, which also stands for
    ///      "none"): unless three snapshots are pending at once, a stake change needs no other slot
    ///      to know how many are past.
    uint24 snapshotCount;
    uint32 newestSnapshot;
    uint24 previousGap;
    uint16 secondGap;
    uint96 globalCap;
    uint32 genesis;
    /// @dev At most 2^24 - 1 seconds (194 days).
    uint24 epochLength;
}

/// @dev Written by every change of the pool-wide total: the total, and its value at the governance
///      snapshots `(totalFrom, totalSeen]` (older ones are in `Layout.totalVotes` until the next
///      registration writes them into their snapshot records; see {VotesLib}).
struct Totals {
    uint96 totalStaked;
    uint96 snapshotTotal;
    uint32 totalSeen;
    uint32 totalFrom;
}

/// @dev Settlement bookkeeping.
struct Ledger {
    uint96 rewardReserve;
    uint96 unusedAllotments;
    uint32 nextEpoch;
    /// @dev When the previous settlement ran (genesis before the first): the budget follows elapsed time.
    uint32 lastSettledAt;
}

/// @dev An announced upgrade (see `ConfigLogic.announceUpgrade`).
struct UpgradeAnnouncement {
    address implementation;
    uint32 announcedAt;
    /// @dev `announcedAt` plus the longest unbonding period then, plus one second (or later: see
    ///      `exitHorizon`).
    uint32 readyAt;
    /// @dev The latest time an exit begun under a longer provider unbonding period than today's can
    ///      still be unbonding (set when `setParameters` lowers the period). Outlives the
    ///      announcement: no announcement is ready before it.
    uint32 exitHorizon;
}

/// @custom:storage-location erc7201:ankr.storage.Staking
struct Layout {
    IRewardVault vault;
    Parameters params;
    Control control;
    Totals totals;
    Ledger ledger;
    EnumerableSet.AddressSet scored;
    mapping(address provider => Provider) providers;
    mapping(address provider => mapping(address delegator => Delegation)) delegations;
    mapping(address account => Queue) queues;
    mapping(address account => Allotment) allotments;
    /// @dev Governance snapshots (see {VotesLib}): the times of the 8 newest (32 bits each, snapshot
    ///      `i` at bits `32 * (i % 8)`), and per snapshot time its record: its index (low 32 bits)
    ///      and, once written, the pool-wide total at it (above).
    uint256 recentSnapshots;
    mapping(uint256 time => uint256 record) snapshots;
    /// @dev Voting histories, one entry per snapshot a record changed across, keyed by the count of
    ///      snapshots past at that change: the old value (96 bits) and the previous key (above).
    mapping(address provider => mapping(uint256 key => uint256 entry)) poolVotes;
    mapping(address provider => mapping(address delegator => mapping(uint256 key => uint256 entry)))
        delegationVotes;
    /// @dev Providers that have not exited, at most `VotesLib.MAX_VOTING_POOLS`: registering a
    ///      snapshot prepares each one's history entry for it (see {VotesLib}). An exited pool can
    ///      only shrink, and whoever leaves it pays for its own history entry.
    EnumerableSet.AddressSet votingPools;
    /// @dev The pool-wide total's values that left {Totals} before a registration wrote them into
    ///      their snapshot records, keyed by the count of snapshots past when they left: the value
    ///      (96 bits) and the count it covers from (above). Created by each snapshot's registration
    ///      and cleared by the next one, once written into the records (see {VotesLib}).
    mapping(uint256 key => uint256 entry) totalVotes;
    /// @dev The implementation the upgrader announced, and from when it may be installed.
    UpgradeAnnouncement upgrade;
}

/// @title StakingStorage
/// @notice The staking contract's ERC-7201 namespace, shared by the core and its logic libraries.
library StakingStorage {
    /// @dev Unbonding entries an account can hold; beyond it, amounts merge into the newest one.
    uint256 internal constant MAX_UNBONDING_ENTRIES = 16;

    /// @dev keccak256(abi.encode(uint256(keccak256("ankr.storage.Staking")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x167f1370ddc3008f4c61b85ed9ba614cadb0cba2d573945d59c228406ae13100;

    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}

/// @title PoolFlags
/// @notice Bits of {Pool.flags}.
library PoolFlags {
    /// @dev The provider has its own cap (`Terms.maxStake`).
    uint8 internal constant CAPPED = 1;
    /// @dev A commission increase is scheduled (`Terms.pendingCommissionBps`).
    uint8 internal constant COMMISSION_PENDING = 2;
    /// @dev `Provider.queuedRewards` holds rewards waiting for the next settlement.
    uint8 internal constant REWARDS_QUEUED = 4;

    function has(uint8 flags, uint8 flag) internal pure returns (bool) {
        return flags & flag != 0;
    }

    function set(uint8 flags, uint8 flag, bool on) internal pure returns (uint8) {
        return on ? flags | flag : flags & ~flag;
    }
}
