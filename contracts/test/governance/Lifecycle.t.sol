// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {ProviderStatus, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {AnkrStakingV2Mock} from "../mocks/AnkrStakingV2Mock.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice Proposals from creation to execution: admission, quorum, the upgrade path.
contract LifecycleTest is GovernanceFixture {
    bytes32 internal constant IMPLEMENTATION_SLOT =
        0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    function test_lifecycle_admissionPassesExecutesAndProviderEarns() public {
        register(newcomer, SELF);
        ProposalBuilder.Proposal memory p = ProposalBuilder.admitProvider(istaking(), newcomer);
        uint256 id = propose(genesis[0], p, "Admit newcomer");
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Pending));
        toVoting(id);
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Active));
        assertEq(vote(genesis[0], id, 1), GENESIS_STAKE);
        toVotingEnd(id);
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Succeeded));
        governor.queue(p.targets, p.values, p.calldatas, keccak256("Admit newcomer"));
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Queued));
        vm.warp(block.timestamp + timelock.getMinDelay());
        governor.execute(p.targets, p.values, p.calldatas, keccak256("Admit newcomer"));
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Executed));
        assertEq(uint8(staking.getProvider(newcomer).status), uint8(ProviderStatus.Active));

        // Catch up with the epochs that ended meanwhile, then the next settlement pays it.
        (,, uint256 current,) = staking.epochClock();
        for (uint256 e = 0; e < current; ++e) {
            settleNext(10_000);
        }
        assertEq(staking.getProvider(newcomer).rewardRate, 0, "nothing before its first full settlement");
        settleNext(10_000);
        assertGt(staking.getProvider(newcomer).rewardRate, 0, "earns from the next settlement");
        assertGt(staking.getProvider(newcomer).commissionAccrued, 0);
    }

    function test_lifecycle_failsBelowQuorum() public {
        delegateAs(alice, genesis[0], 50_000 ether);
        register(newcomer, SELF);
        ProposalBuilder.Proposal memory p = ProposalBuilder.admitProvider(istaking(), newcomer);
        uint256 id = propose(genesis[0], p, "Admit newcomer");
        toVoting(id);
        overrideVote(alice, id, 1, genesis[0]);
        toVotingEnd(id);
        // 50k for, of 3.15M: below the 10% quorum.
        assertLt(50_000 ether, governor.quorum(governor.proposalSnapshot(id)));
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Defeated));
        vm.expectRevert();
        governor.queue(p.targets, p.values, p.calldatas, keccak256("Admit newcomer"));
    }

    function test_lifecycle_quorumCountsForAndAbstain() public {
        register(newcomer, SELF);
        ProposalBuilder.Proposal memory p = ProposalBuilder.admitProvider(istaking(), newcomer);
        uint256 id = propose(genesis[0], p, "Admit newcomer");
        toVoting(id);
        vote(genesis[1], id, 2); // abstain: counts for quorum only
        vote(newcomer, id, 1); // 100k for
        toVotingEnd(id);
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Succeeded));
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(id);
        assertEq(against, 0);
        assertEq(forVotes, SELF);
        assertEq(abstain, GENESIS_STAKE);
    }

    function test_lifecycle_againstMajorityDefeats() public {
        register(newcomer, SELF);
        ProposalBuilder.Proposal memory p = ProposalBuilder.admitProvider(istaking(), newcomer);
        uint256 id = propose(genesis[0], p, "Admit newcomer");
        toVoting(id);
        vote(genesis[0], id, 1);
        vote(genesis[1], id, 0);
        vote(genesis[2], id, 0);
        toVotingEnd(id);
        assertEq(uint8(stateOf(id)), uint8(IGovernor.ProposalState.Defeated));
    }

    /// @dev Everything a client reads, to compare before and after an upgrade.
    function _positions() internal view returns (bytes memory) {
        (uint256 aliceStake, uint256 alicePending) = staking.getDelegation(genesis[0], alice);
        (uint256 first, UnbondingEntry[] memory entries) = staking.unbondingQueue(alice);
        (uint256 bobStake, uint256 bobPending) = staking.getDelegation(genesis[1], bob);
        (uint256 t0, uint256 t1, uint256 t2, uint256 t3) = staking.totals();
        return bytes.concat(
            abi.encode(
                staking.getProvider(genesis[0]), staking.getProvider(genesis[1]), aliceStake, alicePending
            ),
            abi.encode(first, entries, t0, t1, t2, t3, staking.parameters()),
            abi.encode(token.balanceOf(address(staking)), staking.scoredProviders(), bobStake, bobPending)
        );
    }

    function test_lifecycle_upgradeThroughBothTimelocksKeepsEveryPosition() public {
        delegateAs(alice, genesis[0], 50_000 ether);
        delegateAs(bob, genesis[1], 20_000 ether);
        settleNext(9000);
        vm.warp(block.timestamp + 1 days);
        vm.prank(alice);
        staking.undelegate(genesis[0], 10_000 ether);

        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(staking.token());
        bytes32 salt = keccak256("v2");
        ProposalBuilder.Proposal memory p =
            ProposalBuilder.upgrade(upgradeTimelock, address(staking), address(v2), "", salt);
        pass(p, "Upgrade to v2");
        (bytes32 op, bytes memory data) =
            ProposalBuilder.upgradeOperation(upgradeTimelock, address(staking), address(v2), "", salt);
        assertTrue(upgradeTimelock.isOperationPending(op));

        // Not before the upgrade delay, which exceeds the provider unbonding period.
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector, op, bytes32(uint256(1 << 2))
            )
        );
        upgradeTimelock.execute(address(staking), 0, data, bytes32(0), salt);

        bytes memory before = _positions();
        vm.warp(block.timestamp + upgradeTimelock.getMinDelay());
        // Time moved on: compare positions as of the same moment before and after.
        before = _positions();
        vm.prank(stranger); // anyone executes a ready upgrade
        upgradeTimelock.execute(address(staking), 0, data, bytes32(0), salt);
        assertEq(address(uint160(uint256(vm.load(address(staking), IMPLEMENTATION_SLOT)))), address(v2));
        assertEq(AnkrStakingV2Mock(address(staking)).version(), "2");
        assertEq(_positions(), before);
    }

    function test_lifecycle_governanceCancelsAScheduledUpgrade() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(staking.token());
        bytes32 salt = keccak256("v2");
        pass(ProposalBuilder.upgrade(upgradeTimelock, address(staking), address(v2), "", salt), "Upgrade");
        (bytes32 op,) =
            ProposalBuilder.upgradeOperation(upgradeTimelock, address(staking), address(v2), "", salt);
        ProposalBuilder.Proposal memory c;
        c.targets = new address[](1);
        c.values = new uint256[](1);
        c.calldatas = new bytes[](1);
        c.targets[0] = address(upgradeTimelock);
        c.calldatas[0] = abi.encodeCall(TimelockController.cancel, (op));
        pass(c, "Cancel the upgrade");
        assertFalse(upgradeTimelock.isOperation(op));
    }

    function _call(address target, bytes memory data)
        internal
        pure
        returns (ProposalBuilder.Proposal memory p)
    {
        p.targets = new address[](1);
        p.values = new uint256[](1);
        p.calldatas = new bytes[](1);
        p.targets[0] = target;
        p.calldatas[0] = data;
    }

    /// @dev Security lead 6(a): after governance lowered the voting delay, `propose` reverted with
    ///      `StakingSnapshotOutOfOrder` until the newest pending snapshot (taken with the old delay)
    ///      had passed. A proposal now shares that snapshot; once it passed, the lower delay applies.
    function test_lifecycle_loweredVotingDelayKeepsProposingOpen() public {
        uint48 lowDelay = 1 hours;
        ProposalBuilder.Proposal memory lower =
            _call(address(governor), abi.encodeCall(governor.setVotingDelay, (lowDelay)));
        uint256 id = propose(genesis[0], lower, "Lower the voting delay");
        toVoting(id);
        for (uint256 i; i < 3; ++i) {
            vote(genesis[i], id, 1);
        }
        toVotingEnd(id);
        bytes32 h = keccak256(bytes("Lower the voting delay"));
        governor.queue(lower.targets, lower.values, lower.calldatas, h);
        vm.warp(block.timestamp + timelock.getMinDelay());

        // Proposed just before the lowering runs: its snapshot is a whole old delay ahead.
        ProposalBuilder.Proposal memory any = _call(address(staking), abi.encodeCall(staking.unpause, ()));
        uint256 pending = propose(genesis[1], any, "Made before the lowering");
        uint256 pendingSnapshot = governor.proposalSnapshot(pending);
        governor.execute(lower.targets, lower.values, lower.calldatas, h);

        uint256 next = propose(genesis[2], any, "Made right after the lowering");
        assertEq(governor.proposalSnapshot(next), pendingSnapshot, "shares the pending snapshot");

        vm.warp(pendingSnapshot + 1);
        uint256 later = propose(genesis[0], any, "Made once it passed");
        assertLe(governor.proposalSnapshot(later), block.timestamp + lowDelay + governor.snapshotGrid());
        assertGt(governor.proposalSnapshot(later), block.timestamp);
    }
}
