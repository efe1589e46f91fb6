// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IRewardVault} from "../interfaces/IRewardVault.sol";
import {Parameters, ProviderStatus, UnbondingEntry} from "../interfaces/IStakingTypes.sol";

/// @dev Provider slot 0: everything a stake change reads and writes.
struct Pool {
    uint96 totalStake;
    uint96 selfStake;
    ProviderStatus status;
    uint16 commissionBps;
    uint32 lastUpdate;
    /// @dev Whether `Bond.maxStake` is set, so uncapped pools never read the bond slot.
    bool capped;
}

/// @dev Provider slot 1: the reward stream and the stake integral since the window started.
struct Stream {
    uint96 rate;
    uint32 finish;
    uint128 stakeSeconds;
}

/// @dev Provider slot 3: read and written at settlement.
struct Settlement {
    uint96 commissionAccrued;
    uint16 pendingCommissionBps;
    uint32 commissionEffectiveAt;
    uint8 lowScoreStreak;
    uint16 lastScoreBps;
    uint32 jailedAt;
    /// @dev Start of the window `stakeSeconds` covers: last settlement, admission or unjailing.
    uint32 windowStart;
    /// @dev Whether `Provider.queuedRewards` holds rewards added while a stream was running.
    bool rewardsQueued;
}

/// @dev Provider slot 4: the provider's own cap and its unbonding self-stake.
struct Bond {
    uint96 maxStake;
    uint96 unbondingSelfStake;
    uint32 releaseAt;
}

struct Provider {
    Pool pool;
    Stream stream;
    uint256 rewardPerToken;
    Settlement settlement;
    Bond bond;
    string metadataURI;
    /// @dev Rewards added by `addRewards` while the pool's stream was running; they join the
    ///      stream at the next settlement, so adding never stretches rewards already streaming.
    uint256 queuedRewards;
}

struct Delegation {
    uint96 stake;
    uint160 rewards;
    uint256 rewardPerTokenPaid;
}

/// @dev One slot per account: its unbonding queue bounds and its allotment under the global cap.
struct Account {
    uint32 queueHead;
    uint32 queueTail;
    uint96 allotment;
    uint96 allotmentUsed;
}

struct Totals {
    uint96 totalStaked;
    uint96 globalCap;
    uint32 nextEpoch;
    /// @dev When the previous settlement ran (genesis before the first): the budget follows elapsed time.
    uint32 lastSettledAt;
}

struct Clock {
    uint32 genesis;
    uint32 epochLength;
    uint96 rewardReserve;
    uint96 unusedAllotments;
}

/// @custom:storage-location erc7201:ankr.storage.Staking
struct Layout {
    IERC20 token;
    IRewardVault vault;
    Parameters params;
    Totals totals;
    Clock clock;
    EnumerableSet.AddressSet scored;
    mapping(address provider => Provider) providers;
    mapping(address provider => mapping(address delegator => Delegation)) delegations;
    mapping(address account => Account) accounts;
    mapping(address account => mapping(uint256 id => UnbondingEntry)) queues;
}

/// @title StakingStorage
/// @notice The staking contract's ERC-7201 namespace, shared by the core and its logic libraries.
library StakingStorage {
    /// @dev keccak256(abi.encode(uint256(keccak256("ankr.storage.Staking")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x167f1370ddc3008f4c61b85ed9ba614cadb0cba2d573945d59c228406ae13100;

    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
