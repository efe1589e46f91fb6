// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StakingFixture} from "../utils/StakingFixture.sol";

contract SmokeTest is StakingFixture {
    function test_lifecycle_rewardsFlowToDelegator() public {
        address provider = makeAddr("provider");
        address alice = makeAddr("alice");
        addProvider(provider, 100_000 ether, 1000);
        delegateAs(alice, provider, 50_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + epochLength);
        uint256 pending = staking.pendingRewards(provider, alice);
        assertGt(pending, 0);
        vm.prank(alice);
        uint256 claimed = staking.claim(provider);
        assertEq(claimed, pending);
    }
}
