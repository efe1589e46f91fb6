// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract AddRewardsTest is UnitBase {
    uint256 internal constant L = 604_800;

    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
    }

    function _add(address from, address provider, uint256 amount) internal {
        give(from, amount);
        vm.prank(from);
        staking.addRewards(provider, amount);
    }

    function test_addRewards_streamsOverOneEpochLength() public {
        uint256 amount = 30_000 ether + 123;
        give(carol, amount);
        uint256 rate = amount / L;
        vm.expectEmit(address(staking));
        emit IStakingEvents.PoolRewardsAdded(p1, carol, amount, false, rate, block.timestamp + L);
        vm.prank(carol);
        staking.addRewards(p1, amount);

        assertEq(token.balanceOf(carol), 0);
        assertEq(staking.getProvider(p1).rewardRate, rate);
        assertEq(staking.getProvider(p1).rewardFinish, block.timestamp + L);
        assertEq(reserve(), amount - rate * L, "the rate's rounding remainder goes to the reserve");
        assertEq(staking.getProvider(p1).commissionAccrued, 0, "no commission on added rewards");

        vm.warp(block.timestamp + L);
        uint256 rpt = rate * L * WAD / 150_000 ether;
        assertEq(staking.pendingRewards(p1, alice), 50_000 ether * rpt / WAD);
        assertEq(staking.pendingRewards(p1, p1), 100_000 ether * rpt / WAD);
    }

    function test_addRewards_queuesWhileAStreamRunsAndJoinsAtSettlement() public {
        settleNext(10_000);
        uint256 rate = staking.getProvider(p1).rewardRate;
        uint256 finish = staking.getProvider(p1).rewardFinish;
        vm.warp(block.timestamp + L / 2);
        give(carol, 10_000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.PoolRewardsAdded(p1, carol, 10_000 ether, true, rate, finish);
        vm.prank(carol);
        staking.addRewards(p1, 10_000 ether);
        assertEq(staking.getProvider(p1).rewardRate, rate, "the running stream is untouched");
        assertEq(staking.getProvider(p1).rewardFinish, finish);

        // At the next settlement the queued amount joins the new stream on top of the epoch's share.
        settleNext(10_000);
        uint256 added = staking.getProvider(p1).rewardRate * L;
        assertGe(added + L, 10_000 ether, "queued rewards stream after the settlement");
    }

    function test_addRewards_queuedRewardsStreamWhenProviderExits() public {
        settleNext(10_000);
        _add(carol, p1, 10_000 ether);
        uint256 before = staking.getProvider(p1).rewardRate;
        vm.prank(p1);
        staking.exitProvider();
        assertGt(staking.getProvider(p1).rewardRate, before, "exit flushes the queue into the stream");
    }

    function test_addRewards_toJailedProvider() public {
        jailAs(p1);
        _add(carol, p1, 1000 ether);
        assertEq(staking.getProvider(p1).rewardRate, 1000 ether / L);
    }

    function test_addRewards_byTheProviderItself() public {
        _add(p1, p1, 1000 ether);
        assertEq(staking.getProvider(p1).rewardRate, 1000 ether / L);
    }

    function test_addRewards_revertsOnZeroAmount() public {
        vm.prank(carol);
        vm.expectRevert(IStakingErrors.StakingZeroAmount.selector);
        staking.addRewards(p1, 0);
    }

    function test_addRewards_revertsWhenTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.addRewards(p1, amount);
    }

    function test_addRewards_revertsForUnknownProvider() public {
        give(carol, 1 ether);
        vm.prank(carol);
        vm.expectRevert(errUnknown(p2));
        staking.addRewards(p2, 1 ether);
    }

    function test_addRewards_revertsForPendingProvider() public {
        registerProvider(p2, SELF, 0);
        give(carol, 1 ether);
        vm.prank(carol);
        vm.expectRevert(errNotActive(p2, ProviderStatus.Pending));
        staking.addRewards(p2, 1 ether);
    }

    function test_addRewards_revertsForExitedProvider() public {
        vm.prank(p1);
        staking.exitProvider();
        give(carol, 1 ether);
        vm.prank(carol);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Exited));
        staking.addRewards(p1, 1 ether);
    }

    function test_addRewards_revertsWithoutAllowance() public {
        token.transfer(carol, 1 ether);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, 1 ether
            )
        );
        staking.addRewards(p1, 1 ether);
    }

    /// @dev 1 wei is below one wei per second: nothing streams, the wei goes to the reserve.
    function test_addRewards_oneWeiGoesToReserve() public {
        _add(carol, p1, 1);
        assertEq(staking.getProvider(p1).rewardRate, 0);
        assertEq(reserve(), 1);
    }
}
