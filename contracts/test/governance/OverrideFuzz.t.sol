// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice Random stakes, vote orders and post-snapshot moves: tallies are exact and bounded.
contract OverrideFuzzTest is GovernanceFixture {
    function test_fuzz_tallyIsExactInAnyOrder(
        uint96 a0,
        uint96 a1,
        uint96 b0,
        uint8 supportA,
        uint8 supportB,
        uint8 supportP,
        bool providersFirst,
        uint96 moved
    ) public {
        a0 = uint96(bound(a0, 1000 ether, 2_000_000 ether));
        a1 = uint96(bound(a1, 1000 ether, 2_000_000 ether));
        b0 = uint96(bound(b0, 1000 ether, 2_000_000 ether));
        supportA %= 3;
        supportB %= 3;
        supportP %= 3;
        delegateAs(alice, genesis[0], a0);
        delegateAs(alice, genesis[1], a1);
        delegateAs(bob, genesis[0], b0);
        register(newcomer, SELF);
        uint256 id = propose(genesis[0], ProposalBuilder.admitProvider(istaking(), newcomer), "x");
        toVoting(id);
        // Moves after the snapshot change nothing.
        delegateAs(bob, genesis[0], bound(moved, 1000 ether, 1_000_000 ether));
        vm.prank(alice);
        staking.undelegate(genesis[1], a1);

        address[] memory both = new address[](2);
        both[0] = genesis[0];
        both[1] = genesis[1];
        if (providersFirst) {
            vote(genesis[0], id, supportP);
            vote(genesis[1], id, supportP);
        }
        vm.prank(alice);
        governor.castVoteOverride(id, supportA, both);
        overrideVote(bob, id, supportB, genesis[0]);
        if (!providersFirst) {
            vote(genesis[0], id, supportP);
            vote(genesis[1], id, supportP);
        }
        vote(genesis[2], id, supportP);

        uint256[3] memory expected;
        expected[supportP] += 3 * GENESIS_STAKE;
        expected[supportA] += uint256(a0) + a1;
        expected[supportB] += b0;
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(id);
        assertEq(against, expected[0]);
        assertEq(forVotes, expected[1]);
        assertEq(abstain, expected[2]);
        uint256 total = staking.getPastTotalSupply(governor.proposalSnapshot(id));
        assertEq(against + forVotes + abstain + SELF, total, "everyone but the newcomer voted, once");
    }
}
