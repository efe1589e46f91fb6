// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {IAnkrStaking} from "../interfaces/IAnkrStaking.sol";

/// @title GovernorCountingOverride
/// @notice Vote counting for stake delegated to providers. A provider votes with the stake in its
///         pool at the proposal's snapshot. A delegator may override its share instead: its stake
///         at each named provider, at the snapshot, counts for its own choice and leaves that
///         provider's tally, whether the provider voted before or after. Nothing is counted twice.
/// @dev Support values follow Governor Bravo: 0 against, 1 for, 2 abstain. Quorum counts for and
///      abstain. The voting-power source is the staking contract given to the constructor.
abstract contract GovernorCountingOverride is Governor {
    enum VoteType {
        Against,
        For,
        Abstain
    }

    /// @dev One slot per provider and proposal: its vote, and the stake its delegators took out
    ///      of it, so an override after the provider voted reads and writes a single slot.
    struct ProviderVote {
        bool cast;
        uint8 support;
        uint96 weight;
        uint96 overridden;
    }

    /// @dev Tallies in two slots: for and against together (an override usually moves stake between
    ///      them), abstain apart. A tally never exceeds the total stake at the snapshot (< 2^96).
    struct Tally {
        uint96 againstVotes;
        uint96 forVotes;
        uint96 abstainVotes;
    }

    struct ProposalVote {
        Tally tally;
        mapping(address provider => ProviderVote) providers;
        mapping(address delegator => mapping(address provider => bool)) overrode;
    }

    /// @notice Thrown when a delegator overrides the same provider twice on a proposal.
    error GovernorAlreadyOverridden(address delegator, address provider);
    /// @notice Thrown when a delegator had no stake at a named provider at the snapshot.
    error GovernorNothingToOverride(address delegator, address provider);
    /// @notice Thrown when a provider names itself: it votes its whole pool with `castVote`.
    error GovernorSelfOverride(address provider);

    /// @notice Emitted when a delegator votes its own stake at `providers` (`weight` in total).
    event OverrideVoteCast(
        address indexed delegator,
        uint256 indexed proposalId,
        uint8 support,
        uint256 weight,
        address[] providers
    );
    /// @notice Emitted when an override takes `weight` out of a provider's vote already cast.
    event VoteReduced(address indexed provider, uint256 indexed proposalId, uint8 support, uint256 weight);

    IAnkrStaking private immutable _staking;
    mapping(uint256 proposalId => ProposalVote) private _proposalVotes;

    constructor(IAnkrStaking staking_) {
        _staking = staking_;
    }

    /// @inheritdoc IGovernor
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo,override&quorum=for,abstain&overridable=true";
    }

    /// @inheritdoc IGovernor
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        return _proposalVotes[proposalId].providers[account].cast;
    }

    /// @notice Whether `delegator` has overridden `provider` on the proposal.
    function hasOverridden(uint256 proposalId, address delegator, address provider)
        public
        view
        returns (bool)
    {
        return _proposalVotes[proposalId].overrode[delegator][provider];
    }

    /// @notice Stake taken out of `provider`'s vote by its delegators' overrides so far.
    function overriddenStake(uint256 proposalId, address provider) public view returns (uint256) {
        return _proposalVotes[proposalId].providers[provider].overridden;
    }

    /// @notice Against, for and abstain totals.
    function proposalVotes(uint256 proposalId)
        public
        view
        virtual
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
    {
        Tally memory tally = _proposalVotes[proposalId].tally;
        return (tally.againstVotes, tally.forVotes, tally.abstainVotes);
    }

    /// @notice Votes the caller's own stake at each of `providers` (as of the proposal's snapshot)
    ///         with `support`, taking it out of those providers' tallies. O(providers named).
    /// @return weight The stake counted.
    function castVoteOverride(uint256 proposalId, uint8 support, address[] calldata providers)
        public
        virtual
        returns (uint256 weight)
    {
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Active));
        if (support > uint8(VoteType.Abstain)) revert GovernorInvalidVoteType();
        uint256 snapshot = proposalSnapshot(proposalId);
        ProposalVote storage pv = _proposalVotes[proposalId];
        Tally memory tally = pv.tally;

        for (uint256 i; i < providers.length; ++i) {
            address provider = providers[i];
            if (provider == msg.sender) revert GovernorSelfOverride(provider);
            if (pv.overrode[msg.sender][provider]) revert GovernorAlreadyOverridden(msg.sender, provider);
            uint256 stake = _staking.getPastStake(provider, msg.sender, snapshot);
            if (stake == 0) revert GovernorNothingToOverride(msg.sender, provider);
            pv.overrode[msg.sender][provider] = true;
            ProviderVote memory vote = pv.providers[provider];
            // The stake is part of the provider's pool at the snapshot, so the sums stay below 2^96.
            vote.overridden += uint96(stake);
            if (vote.cast) {
                vote.weight -= uint96(stake);
                _add(tally, vote.support, stake, false);
                emit VoteReduced(provider, proposalId, vote.support, stake);
            }
            pv.providers[provider] = vote;
            weight += stake;
        }
        _add(tally, support, weight, true);
        pv.tally = tally;
        emit OverrideVoteCast(msg.sender, proposalId, support, weight, providers);
        _tallyUpdated(proposalId);
    }

    /// @dev A provider's vote counts its pool at the snapshot minus what its delegators overrode.
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 totalWeight, bytes memory)
        internal
        virtual
        override
        returns (uint256)
    {
        ProposalVote storage pv = _proposalVotes[proposalId];
        ProviderVote memory vote = pv.providers[account];
        if (vote.cast) revert GovernorAlreadyCastVote(account);
        if (support > uint8(VoteType.Abstain)) revert GovernorInvalidVoteType();
        uint256 weight = totalWeight - vote.overridden;
        vote.cast = true;
        vote.support = support;
        vote.weight = uint96(weight);
        pv.providers[account] = vote;
        Tally memory tally = pv.tally;
        _add(tally, support, weight, true);
        pv.tally = tally;
        return weight;
    }

    /// @dev Adds `amount` to (or takes it from) the tally of `support`.
    function _add(Tally memory tally, uint8 support, uint256 amount, bool up) private pure {
        if (support == uint8(VoteType.Against)) {
            tally.againstVotes = uint96(up ? tally.againstVotes + amount : tally.againstVotes - amount);
        } else if (support == uint8(VoteType.For)) {
            tally.forVotes = uint96(up ? tally.forVotes + amount : tally.forVotes - amount);
        } else {
            tally.abstainVotes = uint96(up ? tally.abstainVotes + amount : tally.abstainVotes - amount);
        }
    }

    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        Tally memory tally = _proposalVotes[proposalId].tally;
        return quorum(proposalSnapshot(proposalId)) <= uint256(tally.forVotes) + tally.abstainVotes;
    }

    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        Tally memory tally = _proposalVotes[proposalId].tally;
        return tally.forVotes > tally.againstVotes;
    }
}
