// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {IRewardVault} from "../../src/interfaces/IRewardVault.sol";
import {Parameters, ProviderStatus, ProviderView} from "../../src/interfaces/IStakingTypes.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice Each proposal helper end to end through governance: built, proposed, voted by every
///         genesis provider, queued and executed by the main timelock, with its effect checked.
contract ProposalHelpersTest is GovernanceFixture {
    function test_removeProvider_throughGovernance() public {
        pass(ProposalBuilder.removeProvider(istaking(), genesis[2]), "Remove genesis 2");
        ProviderView memory v = staking.getProvider(genesis[2]);
        assertEq(uint8(v.status), uint8(ProviderStatus.Exited));
        assertEq(v.selfStake, 0, "self-stake unbonds");
        assertEq(v.selfStakeUnbonding, GENESIS_STAKE);
        assertEq(staking.scoredProviders().length, 2);
    }

    function test_setParameter_throughGovernance() public {
        Parameters memory before = staking.parameters();
        uint256 reward = uint256(before.rewardPerEpoch) * 2 + 1;
        pass(ProposalBuilder.setParameter(istaking(), "rewardPerEpoch", reward), "Double the reward");
        Parameters memory afterwards = staking.parameters();
        assertEq(afterwards.rewardPerEpoch, reward);
        before.rewardPerEpoch = uint96(reward);
        assertEq(abi.encode(afterwards), abi.encode(before), "every other parameter kept");
    }

    function test_setParameters_throughGovernance() public {
        Parameters memory p = staking.parameters();
        p.minDelegation = p.minDelegation + 1;
        p.maxSlashBps = 500;
        p.jailAfterEpochs = 5;
        pass(ProposalBuilder.setParameters(istaking(), p), "Set parameters");
        assertEq(abi.encode(staking.parameters()), abi.encode(p));
    }

    function test_setCapAndAllotments_throughGovernance() public {
        address[] memory accounts = new address[](2);
        accounts[0] = alice;
        accounts[1] = bob;
        uint256[] memory allotments = new uint256[](2);
        allotments[0] = 10_000 ether;
        allotments[1] = 20_000 ether;
        (uint256 totalStaked,,,) = staking.totals();
        uint256 cap = totalStaked + 100_000 ether;
        pass(ProposalBuilder.setCapAndAllotments(istaking(), cap, accounts, allotments), "Cap and allot");
        (, uint256 globalCap, uint256 unused,) = staking.totals();
        assertEq(globalCap, cap);
        assertEq(unused, 30_000 ether);
        (uint256 allotment, uint256 used) = staking.allotmentOf(bob);
        assertEq(allotment, 20_000 ether);
        assertEq(used, 0);
        // The allotment holds room under the cap for its holder.
        delegateAs(bob, genesis[0], 20_000 ether);
        (, used) = staking.allotmentOf(bob);
        assertEq(used, 20_000 ether);
    }

    function test_setProviderCap_throughGovernance() public {
        uint256 cap = GENESIS_STAKE + 1000 ether;
        pass(ProposalBuilder.setProviderCap(istaking(), genesis[1], cap), "Cap genesis 1");
        assertEq(staking.getProvider(genesis[1]).maxStake, cap);
        delegateAs(alice, genesis[1], 1000 ether);
        assertEq(staking.getProvider(genesis[1]).totalStake, cap, "fills up to the cap");
    }

    function test_fundVault_throughGovernance() public {
        uint256 amount = 250_000 ether;
        vm.prank(d.deployer);
        token.transfer(address(timelock), amount);
        uint256 vaultBefore = token.balanceOf(address(vault));
        pass(
            ProposalBuilder.fundVault(IERC20(address(token)), IRewardVault(address(vault)), amount),
            "Fund vault"
        );
        assertEq(token.balanceOf(address(vault)), vaultBefore + amount);
        assertEq(token.balanceOf(address(timelock)), 0);
        assertEq(token.allowance(address(timelock), address(vault)), 0, "approval used up");
    }

    function test_admitProviders_throughGovernance() public {
        address second = makeAddr("second newcomer");
        register(newcomer, SELF);
        register(second, SELF);
        address[] memory providers = new address[](2);
        providers[0] = newcomer;
        providers[1] = second;
        pass(ProposalBuilder.admitProviders(istaking(), providers), "Admit two");
        assertEq(uint8(staking.getProvider(newcomer).status), uint8(ProviderStatus.Active));
        assertEq(uint8(staking.getProvider(second).status), uint8(ProviderStatus.Active));
        assertEq(staking.scoredProviders().length, 5);
    }

    function test_slash_withinMaxSlashThroughGovernance() public {
        uint256 max = ProposalBuilder.maxSlash(istaking(), genesis[0]);
        ProposalBuilder.Proposal memory p = ProposalBuilder.slash(istaking(), genesis[0], max);
        uint256 vaultBefore = token.balanceOf(address(vault));
        pass(p, "Slash genesis 0");
        assertEq(staking.getProvider(genesis[0]).selfStake, GENESIS_STAKE - max);
        assertEq(token.balanceOf(address(vault)), vaultBefore + max, "slashed stake goes to the vault");
    }

    function test_setParameter_revertsWhenValueOverflowsField() public {
        uint256 tooLarge = uint256(type(uint32).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                ProposalBuilder.ProposalValueTooLarge.selector,
                bytes32("unbondingPeriod"),
                tooLarge,
                uint256(type(uint32).max)
            )
        );
        this.buildSetParameter("unbondingPeriod", tooLarge);

        vm.expectRevert(
            abi.encodeWithSelector(
                ProposalBuilder.ProposalValueTooLarge.selector, bytes32("jailAfterEpochs"), 256, 255
            )
        );
        this.buildSetParameter("jailAfterEpochs", 256);

        uint256 max96 = type(uint96).max;
        ProposalBuilder.Proposal memory p = this.buildSetParameter("rewardPerEpoch", max96);
        Parameters memory q = staking.parameters();
        q.rewardPerEpoch = uint96(max96);
        assertEq(
            p.calldatas[0], ProposalBuilder.setParameters(istaking(), q).calldatas[0], "a value that fits"
        );
    }

    function buildSetParameter(bytes32 name, uint256 value)
        external
        view
        returns (ProposalBuilder.Proposal memory)
    {
        return ProposalBuilder.setParameter(istaking(), name, value);
    }
}
