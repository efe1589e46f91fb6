// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Parameters, ProviderSettlement} from "./IStakingTypes.sol";

/// @title IStakingEvents
/// @notice Every event of the staking protocol, in one place. Each carries the resulting state an
///         indexer needs, so it never has to call back into the contract.
interface IStakingEvents {
    /// @notice Emitted when an address registers as a provider (status Pending).
    event ProviderRegistered(
        address indexed provider, uint256 selfStake, uint16 commissionBps, string metadataURI
    );
    /// @notice Emitted when governance admits a Pending provider (status Active).
    event ProviderAdmitted(address indexed provider);
    /// @notice Emitted when a provider is jailed, at settlement (`byGovernance` false) or by governance.
    event ProviderJailed(address indexed provider, uint256 indexed epoch, bool byGovernance);
    /// @notice Emitted when a jailed provider becomes Active again.
    event ProviderUnjailed(address indexed provider, bool byGovernance);
    /// @notice Emitted when a provider exits, or governance removes it; its self-stake starts unbonding.
    event ProviderExited(
        address indexed provider, uint256 selfStakeUnbonding, uint256 releaseAt, bool removed
    );
    /// @notice Emitted when a provider replaces its metadata URI.
    event ProviderMetadataUpdated(address indexed provider, string metadataURI);
    /// @notice Emitted when a commission increase is scheduled; it applies at `effectiveAt`.
    event CommissionIncreaseScheduled(address indexed provider, uint16 commissionBps, uint256 effectiveAt);
    /// @notice Emitted when a provider's commission changes.
    event CommissionChanged(address indexed provider, uint16 oldCommissionBps, uint16 newCommissionBps);
    /// @notice Emitted when governance sets a provider's own stake cap (0 means none).
    event ProviderCapSet(address indexed provider, uint256 maxStake);

    /// @notice Emitted when stake is added to a pool (`delegate`, its permit form, a provider's top-up).
    event Delegated(
        address indexed delegator,
        address indexed provider,
        uint256 amount,
        uint256 delegationStake,
        uint256 poolStake
    );
    /// @notice Emitted when stake leaves a pool into the account's unbonding queue. `entryId` is the
    ///         queue entry that holds it (a merge reuses the newest entry) and `releaseAt` that
    ///         entry's release time; for a provider's own stake `entryId` is `type(uint256).max` and
    ///         the amount joins its unbonding self-stake.
    event Undelegated(
        address indexed delegator,
        address indexed provider,
        uint256 amount,
        uint256 delegationStake,
        uint256 poolStake,
        uint256 entryId,
        uint256 releaseAt
    );
    /// @notice Emitted when stake moves between pools without unbonding.
    event Redelegated(
        address indexed delegator,
        address indexed fromProvider,
        address indexed toProvider,
        uint256 amount,
        uint256 fromDelegationStake,
        uint256 fromPoolStake,
        uint256 toDelegationStake,
        uint256 toPoolStake
    );
    /// @notice Emitted when matured unbonding entries `[firstEntryId, nextEntryId)` are paid out.
    event Withdrawn(address indexed account, uint256 amount, uint256 firstEntryId, uint256 nextEntryId);
    /// @notice Emitted when a provider withdraws its matured self-stake unbonding.
    event SelfStakeWithdrawn(address indexed provider, uint256 amount);
    /// @notice Emitted when rewards (including a provider's commission) are paid out.
    event RewardsClaimed(address indexed delegator, address indexed provider, uint256 amount);
    /// @notice Emitted when rewards are added to the stake they were earned on.
    event RewardsRestaked(
        address indexed delegator,
        address indexed provider,
        uint256 amount,
        uint256 delegationStake,
        uint256 poolStake
    );
    /// @notice Emitted when anyone adds rewards to a provider's pool. If the pool's stream was idle
    ///         they stream at once over one epoch length (`rate`, `finish`); otherwise they are
    ///         `queued` and join the stream at the pool's next settlement.
    event PoolRewardsAdded(
        address indexed provider,
        address indexed from,
        uint256 amount,
        bool queued,
        uint256 rate,
        uint256 finish
    );

    /// @notice Emitted once per settled epoch.
    event EpochSettled(
        uint256 indexed epoch, uint256 budget, uint256 distributed, uint256 totalWeight, uint256 rewardReserve
    );
    /// @notice Emitted once per settled epoch, after `EpochSettled`, with what each scored provider
    ///         was given: one log for the whole set costs a third of one log per provider.
    event ProvidersSettled(uint256 indexed epoch, ProviderSettlement[] settlements);
    /// @notice Emitted when governance slashes a provider's self-stake; the tokens go to the vault.
    event Slashed(address indexed provider, uint256 fromStake, uint256 fromUnbonding, uint256 selfStake);

    /// @notice Emitted when governance changes the parameters.
    event ParametersSet(Parameters parameters);
    /// @notice Emitted when governance sets the global pool cap (0 means uncapped).
    event GlobalCapSet(uint256 globalCap);
    /// @notice Emitted when governance sets an account's allotment under the global cap.
    event AllotmentSet(address indexed account, uint256 allotment, uint256 used);

    /// @notice Emitted when the upgrader announces the implementation it will install; the upgrade
    ///         can run from `readyAt` on (`implementation` 0 withdraws the announcement).
    event UpgradeAnnounced(address indexed implementation, uint256 readyAt);
    /// @notice Emitted when the guardian pauses new stake (OpenZeppelin Pausable's event).
    event Paused(address account);
    /// @notice Emitted when governance lets new stake in again (OpenZeppelin Pausable's event).
    event Unpaused(address account);
    /// @notice Emitted when the Governor registers a proposal snapshot; voting power is kept for it.
    event SnapshotRegistered(uint256 indexed index, uint256 timepoint);
}
