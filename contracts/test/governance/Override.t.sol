// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernorCountingOverride} from "../../src/governance/GovernorCountingOverride.sol";
import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice Delegator override: a delegator's stake at the snapshot counts for its own choice and
///         leaves its providers' tallies, in either order, never twice.
contract OverrideTest is GovernanceFixture {
    uint256 internal constant A = 40_000 ether;
    uint256 internal constant B = 25_000 ether;
    uint256 internal id;

    function setUp() public override {
        super.setUp();
        delegateAs(alice, genesis[0], A);
        delegateAs(alice, genesis[1], B);
        register(newcomer, SELF);
        id = propose(genesis[0], ProposalBuilder.admitProvider(istaking(), newcomer), "Admit newcomer");
        toVoting(id);
    }

    function _votes() internal view returns (uint256 against, uint256 forVotes, uint256 abstain) {
        return governor.proposalVotes(id);
    }

    function test_override_providerVotesThenDelegatorOverrides() public {
        assertEq(vote(genesis[0], id, 1), GENESIS_STAKE + A);
        vm.expectEmit(address(governor));
        emit GovernorCountingOverride.VoteReduced(genesis[0], id, 1, A);
        assertEq(overrideVote(alice, id, 0, genesis[0]), A);
        (uint256 against, uint256 forVotes,) = _votes();
        assertEq(forVotes, GENESIS_STAKE);
        assertEq(against, A);
    }

    function test_override_delegatorOverridesThenProviderVotes() public {
        overrideVote(alice, id, 0, genesis[0]);
        assertEq(vote(genesis[0], id, 1), GENESIS_STAKE, "the provider's vote leaves out the override");
        (uint256 against, uint256 forVotes,) = _votes();
        assertEq(forVotes, GENESIS_STAKE);
        assertEq(against, A);
        assertEq(governor.overriddenStake(id, genesis[0]), A);
        assertTrue(governor.hasOverridden(id, alice, genesis[0]));
    }

    function test_override_stakeAtTwoProviders() public {
        vote(genesis[1], id, 1);
        address[] memory both = new address[](2);
        both[0] = genesis[0];
        both[1] = genesis[1];
        vm.prank(alice);
        assertEq(governor.castVoteOverride(id, 2, both), A + B);
        vote(genesis[0], id, 1);
        (uint256 against, uint256 forVotes, uint256 abstain) = _votes();
        assertEq(forVotes, 2 * GENESIS_STAKE);
        assertEq(abstain, A + B);
        assertEq(against, 0);
    }

    function test_override_stakeMovedAfterTheSnapshotChangesNothing() public {
        uint256 snapshot = governor.proposalSnapshot(id);
        // After the snapshot alice moves stake around, adds and removes some.
        vm.startPrank(alice);
        staking.redelegate(genesis[0], genesis[2], 30_000 ether);
        staking.undelegate(genesis[1], B);
        vm.stopPrank();
        delegateAs(alice, genesis[2], 10_000 ether);
        delegateAs(bob, genesis[0], 70_000 ether);

        assertEq(staking.getPastStake(genesis[0], alice, snapshot), A);
        assertEq(staking.getPastStake(genesis[2], alice, snapshot), 0);
        assertEq(staking.getPastVotes(genesis[0], snapshot), GENESIS_STAKE + A);
        assertEq(staking.getPastTotalSupply(snapshot), 3 * GENESIS_STAKE + A + B + SELF);

        assertEq(overrideVote(alice, id, 0, genesis[0]), A);
        assertEq(overrideVote(alice, id, 0, genesis[1]), B);
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorCountingOverride.GovernorNothingToOverride.selector, alice, genesis[2]
            )
        );
        overrideVote(alice, id, 0, genesis[2]);
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorCountingOverride.GovernorNothingToOverride.selector, bob, genesis[0]
            )
        );
        overrideVote(bob, id, 1, genesis[0]);
        assertEq(vote(genesis[0], id, 1), GENESIS_STAKE);
        assertEq(vote(genesis[2], id, 1), GENESIS_STAKE, "stake moved in after the snapshot does not count");
    }

    function test_override_twiceReverts() public {
        overrideVote(alice, id, 0, genesis[0]);
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorCountingOverride.GovernorAlreadyOverridden.selector, alice, genesis[0]
            )
        );
        overrideVote(alice, id, 1, genesis[0]);
    }

    function test_override_providerCannotOverrideItself() public {
        vm.expectRevert(
            abi.encodeWithSelector(GovernorCountingOverride.GovernorSelfOverride.selector, genesis[0])
        );
        overrideVote(genesis[0], id, 1, genesis[0]);
    }

    function test_override_sumNeverExceedsTotalAtSnapshot() public {
        overrideVote(alice, id, 0, genesis[0]);
        overrideVote(alice, id, 0, genesis[1]);
        for (uint256 i; i < 3; ++i) {
            vote(genesis[i], id, 1);
        }
        vote(newcomer, id, 2);
        (uint256 against, uint256 forVotes, uint256 abstain) = _votes();
        assertEq(against + forVotes + abstain, staking.getPastTotalSupply(governor.proposalSnapshot(id)));
    }
}
