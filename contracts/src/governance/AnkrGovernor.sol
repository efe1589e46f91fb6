// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {
    GovernorTimelockControl
} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {IAnkrStaking} from "../interfaces/IAnkrStaking.sol";
import {GovernorCountingOverride} from "./GovernorCountingOverride.sol";

/// @title AnkrGovernor
/// @notice Stakers govern the protocol: a provider votes with the stake in its pool, a delegator
///         can override its share. Proposals pass with a quorum of total stake and execute through
///         the timelock. Upgrades and role changes go one step further, through a second timelock
///         whose delay exceeds the unbonding period (see docs/governance.md).
/// @dev OpenZeppelin Governor with GovernorSettings, GovernorVotes (the staking contract is the
///      IERC5805 source), GovernorVotesQuorumFraction, GovernorTimelockControl and the stake-aware
///      GovernorCountingOverride. Every proposal registers its snapshot with the staking contract,
///      which keeps voting power exactly at registered snapshots.
contract AnkrGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingOverride,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl
{
    /// @notice The staking contract: the source of voting power.
    IAnkrStaking public immutable staking;

    constructor(
        IAnkrStaking staking_,
        TimelockController timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint256 quorumPercent
    )
        Governor("Ankr Staking Governor")
        GovernorSettings(votingDelay_, votingPeriod_, proposalThreshold_)
        GovernorCountingOverride(staking_)
        GovernorVotes(IVotes(address(staking_)))
        GovernorVotesQuorumFraction(quorumPercent)
        GovernorTimelockControl(timelock_)
    {
        staking = staking_;
    }

    /// @dev Voting power is kept at proposal snapshots. Any other timepoint — only the proposal
    ///      threshold check at `clock() - 1` — reads the live stake, which cannot be borrowed for a
    ///      block: leaving the pool takes an unbonding period.
    function _getVotes(address account, uint256 timepoint, bytes memory params)
        internal
        view
        override(Governor, GovernorVotes)
        returns (uint256)
    {
        if (staking.snapshotIndex(timepoint) == 0) return staking.getVotes(account);
        return super._getVotes(account, timepoint, params);
    }

    /// @dev Registers the new proposal's snapshot so the staking contract keeps voting power for it.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        staking.registerSnapshot(proposalSnapshot(proposalId));
    }

    /*//////////////////////////////////////////////////////////////
                        REQUIRED OVERRIDES (solidity)
    //////////////////////////////////////////////////////////////*/

    /// @notice The delay a proposal created now gets: the configured delay, rounded up so the
    ///         snapshot lands on a grid a quarter of that delay wide (see `snapshotGrid`); after the
    ///         delay was lowered, up to the newest snapshot still pending, which the proposal shares.
    /// @dev Proposals created in the same grid cell share one snapshot, so at most 5 snapshots are
    ///      ever pending (the staking contract takes 6) and no proposer can crowd others out. The
    ///      staking contract takes snapshots in time order only: without the second rule, a lower
    ///      delay would make every proposal revert until the newest snapshot had passed.
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        uint256 delay = super.votingDelay();
        uint256 grid = snapshotGrid();
        uint256 time = clock();
        uint256 remainder = (time + delay) % grid;
        if (remainder != 0) delay += grid - remainder;
        uint256 newest = staking.latestSnapshot();
        return newest > time + delay ? newest - time : delay;
    }

    /// @notice Width of the grid proposal snapshots are aligned to: a quarter of the configured
    ///         voting delay, rounded up, at least one second.
    function snapshotGrid() public view returns (uint256) {
        uint256 delay = super.votingDelay();
        return delay < 4 ? 1 : (delay + 3) / 4;
    }

    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @notice Quorum at a proposal snapshot: the quorum fraction of total stake then. At any
    ///         other timepoint (what explorers show for "now"), the same fraction of live stake.
    function quorum(uint256 timepoint)
        public
        view
        override(Governor, GovernorVotesQuorumFraction)
        returns (uint256)
    {
        if (staking.snapshotIndex(timepoint) != 0) {
            return super.quorum(timepoint);
        }
        (uint256 totalStaked,,,) = staking.totals();
        return totalStaked * quorumNumerator(timepoint) / quorumDenominator();
    }

    function state(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (ProposalState)
    {
        return super.state(proposalId);
    }

    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
