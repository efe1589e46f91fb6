// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IRewardVault} from "./IRewardVault.sol";
import {IStakingErrors} from "./IStakingErrors.sol";
import {IStakingEvents} from "./IStakingEvents.sol";
import {Parameters, ProviderView, UnbondingEntry} from "./IStakingTypes.sol";

/// @title IAnkrStaking
/// @notice Delegated ANKR staking to RPC node providers. Delegators back providers with stake,
///         share the rewards the providers earn for the quality of their RPC service, and can
///         always leave. Amounts are token wei (at most 2^96 - 1), times are unix seconds.
/// @dev Only plain ERC-20 tokens are supported: fee-on-transfer and rebasing tokens are not.
interface IAnkrStaking is IStakingErrors, IStakingEvents, IERC6372 {
    /*//////////////////////////////////////////////////////////////
                                PROVIDERS
    //////////////////////////////////////////////////////////////*/

    /// @notice Registers the caller as a provider with `selfStake` as its first-loss bond. The
    ///         provider is Pending until governance admits it. At most 256 providers' pools may be
    ///         changeable at once (all registered ones but exited providers with an empty pool).
    /// @param selfStake At least `minSelfStake`; pulled from the caller (approve first).
    /// @param commissionBps The provider's cut of its rewards, at most `maxCommissionBps`.
    /// @param metadataURI https, ipfs or data: URI of a JSON document (name, website, chains, endpoints).
    function registerProvider(uint256 selfStake, uint16 commissionBps, string calldata metadataURI) external;

    /// @notice Admits a Pending provider: it becomes Active, accepts delegations and is scored.
    /// @dev Governance only.
    function admitProvider(address provider) external;

    /// @notice Replaces the caller's metadata URI.
    function setMetadataURI(string calldata metadataURI) external;

    /// @notice Sets the caller's commission. A decrease applies at once; an increase applies after
    ///         `commissionNoticePeriod` (longer than the unbonding period), at the first settlement
    ///         after that, so every delegator can leave first.
    function setCommission(uint16 commissionBps) external;

    /// @notice The caller stops being a provider: it leaves the scored set and its self-stake
    ///         unbonds over `providerUnbondingPeriod`, slashable meanwhile. Delegations stay until
    ///         their owners undelegate or redelegate them.
    function exitProvider() external;

    /// @notice Removes a provider as if it had exited. Governance only.
    function removeProvider(address provider) external;

    /// @notice Jails an Active provider: it earns nothing and accepts no new stake. Governance only.
    function jail(address provider) external;

    /// @notice Makes a Jailed provider Active again. Governance may do it at any time; the provider
    ///         itself after `jailCooldown`, once a settlement scored it at or above the threshold,
    ///         and with at least `minSelfStake`.
    function unjail(address provider) external;

    /// @notice Slashes up to `maxSlashBps` of a provider's self-stake (active, then unbonding) to the
    ///         reward vault. Delegators' stake is never slashed. Governance only.
    function slash(address provider, uint256 amount) external;

    /// @notice Pays the caller's matured unbonding self-stake.
    function withdrawSelfStake() external;

    /// @notice Sets a provider's own stake cap (0 = none). Governance only.
    function setProviderCap(address provider, uint256 maxStake) external;

    /*//////////////////////////////////////////////////////////////
                               DELEGATIONS
    //////////////////////////////////////////////////////////////*/

    /// @notice Stakes `amount` to an Active provider (or tops up the caller's own bond). Pulls the
    ///         tokens from the caller, who has approved this contract.
    function delegate(address provider, uint256 amount) external;

    /// @notice `delegate` with an EIP-2612 permit signature instead of a prior approval.
    function delegateWithPermit(
        address provider,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice Moves `amount` out of earning at once into the caller's unbonding queue, released
    ///         after `unbondingPeriod` (a provider's own stake: `providerUnbondingPeriod`). Works
    ///         while paused. What remains must be 0 or at least `minDelegation`.
    function undelegate(address provider, uint256 amount) external;

    /// @notice Pays every matured entry of the caller's unbonding queue. Works while paused.
    /// @return amount What was paid.
    function withdraw() external returns (uint256 amount);

    /// @notice Moves `amount` of the caller's stake from one provider to another without unbonding.
    function redelegate(address fromProvider, address toProvider, uint256 amount) external;

    /*//////////////////////////////////////////////////////////////
                                 REWARDS
    //////////////////////////////////////////////////////////////*/

    /// @notice Pays the caller's rewards at `provider` (and its commission, if the caller is it).
    ///         Works while paused.
    function claim(address provider) external returns (uint256 amount);

    /// @notice `claim` for each of `providers`, in one transfer.
    function claimAll(address[] calldata providers) external returns (uint256 amount);

    /// @notice Adds the caller's rewards at `provider` to its stake there.
    function restake(address provider) external returns (uint256 amount);

    /// @notice Adds rewards to a provider's pool (fees it earned, a grant...). They stream to the
    ///         pool's stake over one epoch length, like settled rewards.
    function addRewards(address provider, uint256 amount) external;

    /// @notice Settles ended epoch `epoch` (exactly the next unsettled one) with a score per scored
    ///         provider. The budget (`rewardPerEpoch`, less if the vault runs dry) is split among
    ///         Active providers by stake-seconds since their last settlement x score; each share
    ///         pays the commission and streams the rest to the pool over the next epoch length.
    ///         Low scores build a streak that jails. Settler (the oracle committee) only.
    /// @param providers Every Active and Jailed provider, in strictly increasing address order.
    /// @param scoresBps One score per provider, 0..10,000.
    function settleEpoch(uint256 epoch, address[] calldata providers, uint16[] calldata scoresBps) external;

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    /// @notice Replaces every parameter at once. Governance only. Durations are bounded (unbonding
    ///         periods and the jail cooldown at most 180 days, the commission notice at most 365), so
    ///         no setting can freeze exits. A lower `maxCommissionBps` lowers every registered
    ///         provider's commission (and scheduled increase) above it at once, so a later raise
    ///         of the maximum brings no commission back without a new notice period.
    function setParameters(Parameters calldata params) external;

    /// @notice Caps the whole pool (0 = uncapped). Governance only.
    function setGlobalCap(uint256 globalCap) external;

    /// @notice Reserves `allotment` of the global cap for `account`. Tracked while a cap is in force.
    ///         Governance only.
    function setAllotment(address account, uint256 allotment) external;

    /// @notice Stops new stake (exits keep working). Guardian only.
    function pause() external;

    /// @notice Lets new stake in again. Governance only.
    function unpause() external;

    /// @notice Whether new stake is paused.
    function paused() external view returns (bool);

    /// @notice Announces the implementation the next upgrade will install, replacing any earlier
    ///         announcement (`address(0)` withdraws it). The upgrade (`upgradeToAndCall`) installs
    ///         exactly this implementation, and only after more than the longest unbonding period
    ///         (`providerUnbondingPeriod`) has passed since the announcement, measured with the period
    ///         at the announcement and at the upgrade, whichever is longer, and never before an exit
    ///         begun under a longer period (before `setParameters` lowered it, even in the same batch)
    ///         has completed: everyone who disagrees sees it on chain and can leave first, and every
    ///         exit already under way completes first, whatever the upgrader's own delay. Governance only
    ///         (the main timelock, in the proposal that schedules the upgrade in the upgrade
    ///         timelock, so the two waits run side by side).
    function announceUpgrade(address implementation) external;

    /// @notice The announced implementation (0 if none), when it was announced, and from when the
    ///         upgrade may run (the current `providerUnbondingPeriod` can push this later).
    function pendingUpgrade()
        external
        view
        returns (address implementation, uint256 announcedAt, uint256 readyAt);

    /*//////////////////////////////////////////////////////////////
                                  VOTES
    //////////////////////////////////////////////////////////////*/

    /// @notice Registers a governance snapshot at `timepoint` (now or later, not before the newest
    ///         one; at most 6 pending). Voting power is kept exactly at every registered snapshot.
    ///         Returns its index (from 1); registering the same time again returns the same index.
    /// @dev Snapshot role only (the Governor, at proposal creation). Costs about 27k per provider
    ///      whose pool may still change (at most 256): it creates the history entries their first
    ///      stake changes after the snapshot would otherwise pay for.
    function registerSnapshot(uint256 timepoint) external returns (uint256 index);

    /// @notice The index of the snapshot registered at `timepoint`, or 0.
    function snapshotIndex(uint256 timepoint) external view returns (uint256);

    /// @notice The time of the newest registered snapshot (0 before the first): a new snapshot may
    ///         not be earlier.
    function latestSnapshot() external view returns (uint256);

    /// @notice A provider's current votes: the stake in its pool, self-stake included. Other
    ///         accounts have none of their own; a delegator votes by overriding its providers.
    function getVotes(address account) external view returns (uint256);

    /// @notice A provider's votes at a past registered snapshot (IERC5805). Reverts with
    ///         `StakingNotASnapshot` at other timepoints: history is kept at snapshots only.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256);

    /// @notice The pool-wide total stake at a past registered snapshot (IERC5805).
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256);

    /// @notice A delegation's stake at a past registered snapshot (what a delegator can override).
    function getPastStake(address provider, address delegator, uint256 timepoint)
        external
        view
        returns (uint256);

    /*//////////////////////////////////////////////////////////////
                                  VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @notice Most entries an unbonding queue holds; past it, new amounts merge into the newest.
    function MAX_UNBONDING_ENTRIES() external view returns (uint256);

    /// @notice The staked token.
    function token() external view returns (IERC20);

    /// @notice The reward vault.
    function vault() external view returns (IRewardVault);

    /// @notice The governance parameters.
    function parameters() external view returns (Parameters memory);

    /// @notice The epoch clock and the next epoch to settle.
    function epochClock()
        external
        view
        returns (uint256 genesis, uint256 epochLength, uint256 current, uint256 nextEpochToSettle);

    /// @notice The epoch containing the current block.
    function currentEpoch() external view returns (uint256);

    /// @notice Pool-wide figures.
    function totals()
        external
        view
        returns (uint256 totalStaked, uint256 globalCap, uint256 unusedAllotments, uint256 rewardReserve);

    /// @notice Every Active and Jailed provider: the set `settleEpoch` expects (sort it first).
    function scoredProviders() external view returns (address[] memory);

    /// @notice Everything about a provider.
    function getProvider(address provider) external view returns (ProviderView memory);

    /// @notice A delegation's stake and its claimable rewards as of now.
    function getDelegation(address provider, address delegator)
        external
        view
        returns (uint256 stake, uint256 rewards);

    /// @notice Claimable rewards as of now (including the commission for the provider itself).
    function pendingRewards(address provider, address delegator) external view returns (uint256);

    /// @notice The account's unbonding queue; entry ids run from `firstEntryId`.
    function unbondingQueue(address account)
        external
        view
        returns (uint256 firstEntryId, UnbondingEntry[] memory entries);

    /// @notice What `withdraw` would pay now.
    function withdrawable(address account) external view returns (uint256);

    /// @notice An account's allotment under the global cap and how much of it its stake uses.
    function allotmentOf(address account) external view returns (uint256 allotment, uint256 used);

    /// @notice How much more `account` can stake to `provider` right now (0 when not Active).
    function capacityLeft(address provider, address account) external view returns (uint256);
}
