// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Test} from "forge-std/Test.sol";

import {Deploy} from "../../script/Deploy.s.sol";
import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {RewardVault} from "../../src/RewardVault.sol";
import {AnkrGovernor} from "../../src/governance/AnkrGovernor.sol";
import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {IAnkrStaking} from "../../src/interfaces/IAnkrStaking.sol";
import {TestANKR} from "../../src/token/TestANKR.sol";

/// @notice The whole protocol as the deploy script leaves it (anvil config, three genesis providers
///         with 1M ANKR each, a dedicated settler and guardian), plus helpers that drive proposals
///         through the Governor and the timelock.
abstract contract GovernanceFixture is Test {
    Deploy internal script;
    Deploy.Deployment internal d;
    AnkrStaking internal staking;
    AnkrGovernor internal governor;
    TimelockController internal timelock;
    TimelockController internal upgradeTimelock;
    TestANKR internal token;
    RewardVault internal vault;

    address internal settler = makeAddr("settler");
    address internal guardian = makeAddr("guardian");
    address internal stranger = makeAddr("stranger");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal newcomer = makeAddr("newcomer");
    address[3] internal genesis;

    uint256 internal constant GENESIS_STAKE = 1_000_000 ether;
    uint256 internal constant SELF = 100_000 ether;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        script = new Deploy();
        Deploy.Config memory c = script.anvilConfig();
        c.settler = settler;
        c.guardian = guardian;
        configure(c);
        d = script.deploy(c);
        staking = AnkrStaking(d.staking);
        governor = AnkrGovernor(payable(d.governor));
        timelock = TimelockController(payable(d.timelock));
        upgradeTimelock = TimelockController(payable(d.upgradeTimelock));
        token = TestANKR(d.token);
        vault = RewardVault(d.vault);
        for (uint256 i; i < 3; ++i) {
            genesis[i] = c.providers[i].account;
        }
        vm.startPrank(d.deployer);
        token.approve(address(vault), 100_000_000 ether);
        vault.fund(100_000_000 ether);
        vm.stopPrank();
    }

    /// @dev Lets a suite change the deploy config (anvil defaults) before the deployment.
    function configure(Deploy.Config memory c) internal virtual {}

    /*//////////////////////////////////////////////////////////////
                                 STAKING
    //////////////////////////////////////////////////////////////*/

    function give(address account, uint256 amount) internal {
        vm.prank(d.deployer);
        token.transfer(account, amount);
        vm.prank(account);
        token.approve(address(staking), type(uint256).max);
    }

    function register(address provider, uint256 selfStake) internal {
        give(provider, selfStake);
        vm.prank(provider);
        staking.registerProvider(selfStake, 1000, "data:application/json,{}");
    }

    function delegateAs(address who, address provider, uint256 amount) internal {
        give(who, amount);
        vm.prank(who);
        staking.delegate(provider, amount);
    }

    /// @dev Settles the next epoch (warping to its end), every scored provider at `score`.
    function settleNext(uint16 score) internal returns (uint256 epoch) {
        (uint256 genesisTime, uint256 length,, uint256 next) = staking.epochClock();
        uint256 end = genesisTime + (next + 1) * length;
        if (block.timestamp < end) vm.warp(end);
        address[] memory providers = staking.scoredProviders();
        for (uint256 i = 1; i < providers.length; ++i) {
            for (uint256 j = i; j > 0 && providers[j - 1] > providers[j]; --j) {
                (providers[j - 1], providers[j]) = (providers[j], providers[j - 1]);
            }
        }
        uint16[] memory scores = new uint16[](providers.length);
        for (uint256 i; i < scores.length; ++i) {
            scores[i] = score;
        }
        vm.prank(settler);
        staking.settleEpoch(next, providers, scores);
        return next;
    }

    /*//////////////////////////////////////////////////////////////
                                GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    function propose(address proposer, ProposalBuilder.Proposal memory p, string memory description)
        internal
        returns (uint256 id)
    {
        vm.prank(proposer);
        id = governor.propose(p.targets, p.values, p.calldatas, description);
    }

    /// @dev Warps to the first second votes are taken.
    function toVoting(uint256 id) internal {
        vm.warp(governor.proposalSnapshot(id) + 1);
    }

    function toVotingEnd(uint256 id) internal {
        vm.warp(governor.proposalDeadline(id) + 1);
    }

    function vote(address voter, uint256 id, uint8 support) internal returns (uint256) {
        vm.prank(voter);
        return governor.castVote(id, support);
    }

    function overrideVote(address delegator, uint256 id, uint8 support, address provider)
        internal
        returns (uint256)
    {
        address[] memory providers = new address[](1);
        providers[0] = provider;
        vm.prank(delegator);
        return governor.castVoteOverride(id, support, providers);
    }

    function queueAndExecute(ProposalBuilder.Proposal memory p, string memory description) internal {
        bytes32 h = keccak256(bytes(description));
        governor.queue(p.targets, p.values, p.calldatas, h);
        vm.warp(block.timestamp + timelock.getMinDelay());
        governor.execute(p.targets, p.values, p.calldatas, h);
    }

    /// @dev Proposes, has every genesis provider vote for, and executes through the timelock.
    function pass(ProposalBuilder.Proposal memory p, string memory description)
        internal
        returns (uint256 id)
    {
        id = propose(genesis[0], p, description);
        toVoting(id);
        for (uint256 i; i < 3; ++i) {
            vote(genesis[i], id, 1);
        }
        toVotingEnd(id);
        queueAndExecute(p, description);
    }

    function stateOf(uint256 id) internal view returns (IGovernor.ProposalState) {
        return governor.state(id);
    }

    function istaking() internal view returns (IAnkrStaking) {
        return IAnkrStaking(address(staking));
    }
}
