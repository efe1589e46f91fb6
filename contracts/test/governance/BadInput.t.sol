// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {RewardVault} from "../../src/RewardVault.sol";
import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {Parameters, ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice Every misuse of governance reverts with an error that says what is wrong.
contract BadInputTest is GovernanceFixture {
    ProposalBuilder.Proposal internal p;
    uint256 internal id;
    string internal constant DESCRIPTION = "Admit newcomer";

    function setUp() public override {
        super.setUp();
        register(newcomer, SELF);
        p = ProposalBuilder.admitProvider(istaking(), newcomer);
        id = propose(genesis[0], p, DESCRIPTION);
    }

    function _stateError(IGovernor.ProposalState current, IGovernor.ProposalState expected)
        internal
        view
        returns (bytes memory)
    {
        return abi.encodeWithSelector(
            IGovernor.GovernorUnexpectedProposalState.selector, id, current, bytes32(1 << uint8(expected))
        );
    }

    function test_vote_twiceReverts() public {
        toVoting(id);
        vote(genesis[0], id, 1);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, genesis[0]));
        vote(genesis[0], id, 0);
    }

    function test_vote_beforeThePeriodReverts() public {
        vm.expectRevert(_stateError(IGovernor.ProposalState.Pending, IGovernor.ProposalState.Active));
        vote(genesis[0], id, 1);
        vm.expectRevert(_stateError(IGovernor.ProposalState.Pending, IGovernor.ProposalState.Active));
        overrideVote(alice, id, 1, genesis[0]);
    }

    function test_vote_afterThePeriodReverts() public {
        toVoting(id);
        vote(genesis[0], id, 1);
        toVotingEnd(id);
        vm.expectRevert(_stateError(IGovernor.ProposalState.Succeeded, IGovernor.ProposalState.Active));
        vote(genesis[1], id, 1);
    }

    function test_vote_invalidSupportReverts() public {
        toVoting(id);
        vm.expectRevert(IGovernor.GovernorInvalidVoteType.selector);
        vote(genesis[0], id, 3);
    }

    function test_execute_beforeTheTimelockDelayReverts() public {
        toVoting(id);
        vote(genesis[0], id, 1);
        toVotingEnd(id);
        governor.queue(p.targets, p.values, p.calldatas, keccak256(bytes(DESCRIPTION)));
        bytes32 op = timelock.hashOperationBatch(
            p.targets,
            p.values,
            p.calldatas,
            bytes32(0),
            bytes20(address(governor)) ^ keccak256(bytes(DESCRIPTION))
        );
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector, op, bytes32(uint256(1 << 2))
            )
        );
        governor.execute(p.targets, p.values, p.calldatas, keccak256(bytes(DESCRIPTION)));
    }

    function test_execute_beforeQueueReverts() public {
        toVoting(id);
        vote(genesis[0], id, 1);
        toVotingEnd(id);
        vm.expectRevert(_stateError(IGovernor.ProposalState.Succeeded, IGovernor.ProposalState.Queued));
        governor.execute(p.targets, p.values, p.calldatas, keccak256(bytes(DESCRIPTION)));
    }

    function test_propose_underTheThresholdReverts() public {
        // A delegator has no votes of its own; a provider below the threshold neither.
        delegateAs(alice, genesis[0], 50_000 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, alice, 0, governor.proposalThreshold()
            )
        );
        propose(alice, p, "another");
    }

    function test_propose_timelockExecutorIsNotAnotherDoor() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, stranger));
        vm.prank(stranger);
        governor.setVotingDelay(0);
    }

    /// @dev The Governor's own settings change only through its timelock (GovernorOnlyExecutor).
    function test_governorSetters_revertForNonTimelockCallers() public {
        address[3] memory callers = [stranger, d.deployer, guardian];
        for (uint256 i; i < callers.length; ++i) {
            address c = callers[i];
            bytes memory err = abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, c);
            _expectError(address(governor), c, abi.encodeCall(governor.setVotingDelay, (0)), err);
            _expectError(address(governor), c, abi.encodeCall(governor.setVotingPeriod, (1)), err);
            _expectError(address(governor), c, abi.encodeCall(governor.setProposalThreshold, (0)), err);
            _expectError(address(governor), c, abi.encodeCall(governor.updateQuorumNumerator, (1)), err);
            _expectError(
                address(governor),
                c,
                abi.encodeCall(governor.updateTimelock, (TimelockController(payable(c)))),
                err
            );
            _expectError(address(governor), c, abi.encodeCall(governor.relay, (address(staking), 0, "")), err);
        }
        assertEq(governor.timelock(), address(timelock));
    }

    /// @dev The main timelock administers itself: its delay, its roles and cancellation are closed
    ///      to everyone else (the Governor only cancels, as CANCELLER).
    function test_mainTimelock_revertsForNonTimelockCallers() public {
        address[3] memory callers = [stranger, d.deployer, address(governor)];
        bytes32 proposer = timelock.PROPOSER_ROLE();
        for (uint256 i; i < callers.length; ++i) {
            address c = callers[i];
            _expectError(
                address(timelock),
                c,
                abi.encodeCall(timelock.updateDelay, (0)),
                abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, c)
            );
            _expectError(
                address(timelock),
                c,
                abi.encodeCall(timelock.grantRole, (proposer, stranger)),
                _unauthorized(c, 0x00)
            );
            _expectError(
                address(timelock),
                c,
                abi.encodeCall(timelock.revokeRole, (proposer, address(governor))),
                _unauthorized(c, 0x00)
            );
            if (c != address(governor)) {
                _expectError(
                    address(timelock),
                    c,
                    abi.encodeCall(timelock.cancel, (bytes32(uint256(1)))),
                    _unauthorized(c, timelock.CANCELLER_ROLE())
                );
            }
        }
        assertTrue(timelock.hasRole(proposer, address(governor)));
        assertFalse(timelock.hasRole(proposer, stranger));
    }

    function test_build_admitUnregisteredReverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(ProposalBuilder.ProposalNotPending.selector, stranger, ProviderStatus.None)
        );
        this.buildAdmit(stranger);
    }

    function test_build_admitActiveReverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                ProposalBuilder.ProposalNotPending.selector, genesis[1], ProviderStatus.Active
            )
        );
        this.buildAdmit(genesis[1]);
    }

    function buildAdmit(address provider) external view returns (ProposalBuilder.Proposal memory) {
        return ProposalBuilder.admitProvider(istaking(), provider);
    }

    /// @dev Built by hand (the builder refuses): the execution itself reverts with the staking error,
    ///      and the proposal stays Queued.
    function test_execute_admitAlreadyActiveRevertsInTheTimelock() public {
        ProposalBuilder.Proposal memory q;
        q.targets = new address[](1);
        q.values = new uint256[](1);
        q.calldatas = new bytes[](1);
        q.targets[0] = address(staking);
        q.calldatas[0] = abi.encodeCall(AnkrStaking.admitProvider, (genesis[1]));
        uint256 qid = propose(genesis[0], q, "admit active");
        toVoting(qid);
        vote(genesis[0], qid, 1);
        toVotingEnd(qid);
        governor.queue(q.targets, q.values, q.calldatas, keccak256("admit active"));
        vm.warp(block.timestamp + timelock.getMinDelay());
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingInvalidProviderStatus.selector, genesis[1], uint8(ProviderStatus.Active)
            )
        );
        governor.execute(q.targets, q.values, q.calldatas, keccak256("admit active"));
    }

    function test_build_slashAboveMaxReverts() public {
        uint256 max = ProposalBuilder.maxSlash(istaking(), genesis[0]);
        assertEq(max, GENESIS_STAKE / 10);
        vm.expectRevert(abi.encodeWithSelector(ProposalBuilder.ProposalSlashTooLarge.selector, max + 1, max));
        this.buildSlash(genesis[0], max + 1);
    }

    function buildSlash(address provider, uint256 amount)
        external
        view
        returns (ProposalBuilder.Proposal memory)
    {
        return ProposalBuilder.slash(istaking(), provider, amount);
    }

    function _unauthorized(address caller, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, role);
    }

    function _expectError(address target, address caller, bytes memory data, bytes memory err) internal {
        vm.prank(caller);
        (bool ok, bytes memory ret) = target.call(data);
        assertFalse(ok, "call succeeded");
        assertEq(ret, err);
    }

    function _expect(address target, address caller, bytes32 role, bytes memory data) internal {
        vm.prank(caller);
        (bool ok, bytes memory ret) = target.call(data);
        assertFalse(ok, "governed call succeeded");
        assertEq(ret, _unauthorized(caller, role));
    }

    /// @dev Every governed function, called by anyone but its timelock (the deployer, the
    ///      guardian, the settler, the Governor itself, the other timelock, a stranger).
    function test_governedFunctions_rejectEveryoneButTheTimelock() public {
        Parameters memory params = staking.parameters();
        bytes32 gov = staking.GOVERNANCE_ROLE();
        address[6] memory callers =
            [d.deployer, guardian, settler, address(governor), address(upgradeTimelock), stranger];
        for (uint256 i; i < callers.length; ++i) {
            address c = callers[i];
            address s = address(staking);
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.admitProvider, (newcomer)));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.removeProvider, (genesis[0])));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.jail, (genesis[0])));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.unjail, (genesis[0])));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.slash, (genesis[0], 1)));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.setProviderCap, (genesis[0], 1)));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.setParameters, (params)));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.setGlobalCap, (1)));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.setAllotment, (alice, 1)));
            _expect(s, c, gov, abi.encodeCall(AnkrStaking.unpause, ()));
            _expect(address(vault), c, 0x00, abi.encodeCall(RewardVault.setStaking, (stranger)));
            _expect(address(vault), c, 0x00, abi.encodeCall(RewardVault.withdraw, (stranger, 1)));
            if (c != address(upgradeTimelock)) {
                _expect(
                    s, c, staking.UPGRADER_ROLE(), abi.encodeCall(staking.upgradeToAndCall, (stranger, ""))
                );
                _expect(s, c, 0x00, abi.encodeCall(IAccessControl.grantRole, (gov, c)));
            }
            if (c != address(governor)) {
                _expect(
                    s,
                    c,
                    staking.SNAPSHOT_ROLE(),
                    abi.encodeCall(AnkrStaking.registerSnapshot, (block.timestamp))
                );
            }
        }
        // The timelocks: only the Governor schedules on the main one, only the main one on the
        // upgrade timelock; only a timelock changes its own delay.
        bytes32 proposer = timelock.PROPOSER_ROLE();
        _expect(
            address(timelock),
            stranger,
            proposer,
            abi.encodeCall(TimelockController.schedule, (address(staking), 0, "", 0, 0, 2 days))
        );
        _expect(
            address(upgradeTimelock),
            address(governor),
            proposer,
            abi.encodeCall(TimelockController.schedule, (address(staking), 0, "", 0, 0, 30 days))
        );
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, address(timelock))
        );
        upgradeTimelock.updateDelay(1);
    }

    function test_upgradeTimelock_rejectsAShorterDelay() public {
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockInsufficientDelay.selector, 1 days, 30 days)
        );
        upgradeTimelock.schedule(address(staking), 0, "", 0, 0, 1 days);
    }

    function test_pastVotes_atANonSnapshotReverts() public {
        vm.warp(block.timestamp + 10);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingNotASnapshot.selector, block.timestamp - 1)
        );
        staking.getPastVotes(genesis[0], block.timestamp - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingFutureLookup.selector, block.timestamp, block.timestamp
            )
        );
        staking.getPastTotalSupply(block.timestamp);
    }
}
