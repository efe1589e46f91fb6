// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IStakingErrors
/// @notice Every custom error of the staking protocol, in one place. Each says what is wrong and
///         carries the values a client needs to explain it.
interface IStakingErrors {
    /// @notice Thrown when an amount of zero is given where a positive amount is required.
    error StakingZeroAmount();
    /// @notice Thrown when an amount does not fit the protocol's 96-bit amount storage.
    error StakingAmountTooLarge(uint256 amount);
    /// @notice Thrown when the zero address is given as an account or provider.
    error StakingZeroAddress();
    /// @notice Thrown when a delegation, or what remains of one, is below `minDelegation`.
    error StakingBelowMinDelegation(uint256 amount, uint256 minDelegation);
    /// @notice Thrown when a provider's self-stake, or what remains of it, is below `minSelfStake`.
    error StakingBelowMinSelfStake(uint256 amount, uint256 minSelfStake);
    /// @notice Thrown when an account tries to remove more stake than it has at a provider.
    error StakingInsufficientStake(uint256 requested, uint256 available);
    /// @notice Thrown when the provider has no room for the amount (delegation ratio or its own cap).
    error StakingProviderCapacityExceeded(address provider, uint256 requested, uint256 available);
    /// @notice Thrown when the global pool cap, net of other accounts' unused allotments, has no room.
    error StakingGlobalCapExceeded(uint256 requested, uint256 available);
    /// @notice Thrown when a provider is not registered.
    error StakingUnknownProvider(address provider);
    /// @notice Thrown when the operation needs an Active provider and this one is not.
    error StakingProviderNotActive(address provider, uint8 status);
    /// @notice Thrown when the provider is in a status that does not allow the operation.
    error StakingInvalidProviderStatus(address provider, uint8 status);
    /// @notice Thrown when an address that is already registered registers again.
    error StakingProviderAlreadyRegistered(address provider);
    /// @notice Thrown when a commission exceeds `maxCommissionBps`.
    error StakingCommissionTooHigh(uint256 commissionBps, uint256 maxCommissionBps);
    /// @notice Thrown when `withdraw` finds no matured unbonding entry.
    error StakingNothingToWithdraw();
    /// @notice Thrown when `claim` or `restake` finds no reward.
    error StakingNothingToClaim();
    /// @notice Thrown when a provider tries to move its self-stake with `redelegate`, or to its own pool.
    error StakingSelfStakeNotMovable();
    /// @notice Thrown when `redelegate` names the same provider twice.
    error StakingSameProvider();
    /// @notice Thrown when an epoch is settled out of order or before it ended.
    error StakingEpochNotSettleable(uint256 epoch, uint256 nextEpoch, uint256 endsAt);
    /// @notice Thrown when the providers given to `settleEpoch` are not exactly the scored set,
    ///         in strictly increasing address order, with one score each.
    error StakingInvalidSettlementSet();
    /// @notice Thrown when a score exceeds 10,000 basis points.
    error StakingScoreTooHigh(uint256 scoreBps);
    /// @notice Thrown when a jailed provider asks to be unjailed before its cooldown ended.
    error StakingJailCooldown(uint256 availableAt);
    /// @notice Thrown when a jailed provider asks to be unjailed without a passing score since jailing.
    error StakingScoreBelowThreshold(uint256 scoreBps, uint256 thresholdBps);
    /// @notice Thrown when a slash exceeds `maxSlashBps` of the provider's slashable self-stake.
    error StakingSlashTooLarge(uint256 amount, uint256 maxAmount);
    /// @notice Thrown when a governance parameter is outside its allowed range.
    error StakingInvalidParameter(bytes32 name, uint256 value);
    /// @notice Thrown when `delegateWithPermit` is used past the permit's deadline.
    error StakingPermitExpired(uint256 deadline);
    /// @notice Thrown when a stake decrease would leave a stake too small (below ~1e8 wei) to carry
    ///         the delegation's unclaimed rewards in its mark: claim first.
    error StakingRewardsNotCarried(uint256 owed, uint256 stake);
    /// @notice Thrown when an upgrade installs an implementation other than the announced one (or
    ///         none was announced): every upgrade is announced on chain first (`announceUpgrade`).
    error StakingUpgradeNotAnnounced(address implementation);
    /// @notice Thrown when an announced upgrade runs before `readyAt`: more than the longest unbonding
    ///         period (at the announcement and now) must pass, so whoever disagrees can leave first.
    error StakingUpgradeTooEarly(address implementation, uint256 readyAt);
    /// @notice Thrown when a time to store does not fit in 32 bits (after 2106).
    error StakingTimeOverflow(uint256 time);

    /// @notice Thrown when new stake comes in while paused (OpenZeppelin Pausable's name and selector).
    error EnforcedPause();
    /// @notice Thrown when `unpause` is called while not paused (OpenZeppelin Pausable's name and selector).
    error ExpectedPause();

    /// @notice Thrown when a voting-power lookup names a timepoint that is not a registered snapshot.
    error StakingNotASnapshot(uint256 timepoint);
    /// @notice Thrown when a voting-power lookup names the current or a future timepoint.
    error StakingFutureLookup(uint256 timepoint, uint256 clock);
    /// @notice Thrown when a snapshot is registered in the past (or beyond the clock's range).
    error StakingSnapshotInPast(uint256 timepoint);
    /// @notice Thrown when a snapshot is registered before the newest registered one.
    error StakingSnapshotOutOfOrder(uint256 timepoint, uint256 newest);
    /// @notice Thrown when 6 registered snapshots are still pending (at or after now).
    error StakingTooManyPendingSnapshots();
    /// @notice Thrown when 2^24 - 1 snapshots have been registered (the header's count).
    error StakingTooManySnapshots();
    /// @notice Thrown when registering a provider while `max` providers' pools may still change
    ///         (registered, and not exited with an empty pool): each snapshot registration prepares
    ///         every one of them, so their number bounds what a proposal costs.
    error StakingTooManyProviders(uint256 max);
}
