// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Life cycle of a provider: None -> Pending -> Active <-> Jailed, and any of them -> Exited.
enum ProviderStatus {
    None,
    Pending,
    Active,
    Jailed,
    Exited
}

/// @notice Governance parameters. Amounts are in token wei, periods in seconds, ratios in basis points.
/// @dev Packed into two storage slots; field order is the packing order. The first slot holds what
///      delegators' operations read, the second what settlement and providers' operations read.
struct Parameters {
    uint96 minDelegation;
    uint32 unbondingPeriod;
    /// @dev Delegated stake may be at most `delegationRatio` x self-stake; 0 means no ratio limit.
    uint16 delegationRatio;
    uint16 maxCommissionBps;
    uint16 jailThresholdBps;
    uint8 jailAfterEpochs;
    /// @dev Must exceed `unbondingPeriod`, so delegators can leave before a commission increase.
    uint32 commissionNoticePeriod;
    uint32 jailCooldown;
    uint96 minSelfStake;
    uint96 rewardPerEpoch;
    uint32 providerUnbondingPeriod;
    uint16 maxSlashBps;
}

/// @notice Everything about a provider that a client shows, in one read.
struct ProviderView {
    ProviderStatus status;
    uint256 totalStake;
    uint256 selfStake;
    uint256 commissionBps;
    uint256 pendingCommissionBps;
    uint256 commissionEffectiveAt;
    uint256 maxStake;
    uint256 selfStakeUnbonding;
    uint256 selfStakeReleaseAt;
    uint256 rewardRate;
    uint256 rewardFinish;
    uint256 lastScoreBps;
    uint256 lowScoreStreak;
    uint256 jailedAt;
    uint256 commissionAccrued;
    string metadataURI;
}

/// @notice What one provider was given at a settlement. `stakeSeconds` is the pool's stake integrated
///         over time since its previous settlement (or admission, or unjailing); `reward` includes
///         `commission`, and the rest streams to the pool over the next epoch length.
struct ProviderSettlement {
    address provider;
    uint16 scoreBps;
    uint256 stakeSeconds;
    uint256 reward;
    uint256 commission;
}

/// @notice One entry of an account's unbonding queue.
struct UnbondingEntry {
    uint96 amount;
    uint32 releaseAt;
}
