// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {ProviderStatus, ProviderView, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract ViewsTest is UnitBase {
    function test_constants() public view {
        assertEq(staking.MAX_UNBONDING_ENTRIES(), 16);
        assertEq(address(staking.token()), address(token));
        assertEq(address(staking.vault()), address(vault));
    }

    function test_currentEpoch_followsClock() public {
        assertEq(staking.currentEpoch(), 0);
        vm.warp(genesis + epochLength - 1);
        assertEq(staking.currentEpoch(), 0);
        vm.warp(genesis + epochLength);
        assertEq(staking.currentEpoch(), 1);
        vm.warp(genesis + 10 * epochLength + 5);
        assertEq(staking.currentEpoch(), 10);
        (,, uint256 current, uint256 next) = staking.epochClock();
        assertEq(current, 10);
        assertEq(next, 0, "nothing settled yet");
    }

    function test_currentEpoch_beforeGenesisIsZero() public {
        uint256 future = block.timestamp + 100 days;
        AnkrStaking s2 = AnkrStaking(
            address(
                new ERC1967Proxy(
                    address(new AnkrStaking(token)),
                    abi.encodeCall(AnkrStaking.initialize, (vault, governance, future, epochLength, params))
                )
            )
        );
        assertEq(s2.currentEpoch(), 0);
        vm.warp(future + epochLength);
        assertEq(s2.currentEpoch(), 1);
    }

    function test_getProvider_unknownIsEmpty() public view {
        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.None));
        assertEq(v.totalStake, 0);
        assertEq(bytes(v.metadataURI).length, 0);
    }

    function test_getProvider_everyField() public {
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 20_000 ether);
        vm.prank(governance);
        staking.setProviderCap(p1, 500_000 ether);
        settleTwoSingle(p1, 4000);
        vm.prank(p1);
        staking.setCommission(2000);
        give(p1, 5000 ether);
        vm.prank(p1);
        staking.delegate(p1, 5000 ether);
        undelegateAs(p1, p1, 5000 ether);

        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.Active));
        assertEq(v.totalStake, 120_000 ether);
        assertEq(v.selfStake, SELF);
        assertEq(v.commissionBps, 1000);
        assertEq(v.pendingCommissionBps, 2000);
        assertEq(v.commissionEffectiveAt, block.timestamp + NOTICE);
        assertEq(v.maxStake, 500_000 ether);
        assertEq(v.selfStakeUnbonding, 5000 ether);
        assertEq(v.selfStakeReleaseAt, block.timestamp + PROVIDER_UNBONDING);
        assertEq(v.rewardRate, 900_000 ether / epochLength);
        assertEq(v.rewardFinish, block.timestamp + epochLength);
        assertEq(v.lastScoreBps, 4000);
        assertEq(v.lowScoreStreak, 1);
        assertEq(v.jailedAt, 0);
        assertEq(v.commissionAccrued, 100_000 ether);
        assertEq(v.metadataURI, "data:application/json,{}");
    }

    function settleTwoSingle(address p, uint16 score) internal {
        address[] memory ps = new address[](1);
        uint16[] memory ss = new uint16[](1);
        ps[0] = p;
        ss[0] = score;
        settleScores(ps, ss);
    }

    function test_totals_trackStakeCapAllotmentsReserve() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, 5000 ether);
        vm.startPrank(governance);
        staking.setGlobalCap(1_000_000 ether);
        staking.setAllotment(bob, 7000 ether);
        vm.stopPrank();
        settleNext(10_000);
        (uint256 staked, uint256 cap, uint256 unused, uint256 rewardReserve) = staking.totals();
        assertEq(staked, SELF + 5000 ether);
        assertEq(cap, 1_000_000 ether);
        assertEq(unused, 7000 ether);
        assertEq(rewardReserve, REWARD % epochLength);
    }

    function test_scoredProviders_activeAndJailedOnly() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        registerProvider(p3, SELF, 0);
        jailAs(p2);
        address[] memory scored = staking.scoredProviders();
        assertEq(scored.length, 2);
        vm.prank(p1);
        staking.exitProvider();
        scored = staking.scoredProviders();
        assertEq(scored.length, 1);
        assertEq(scored[0], p2);
    }

    function test_unbondingQueue_andWithdrawable() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, 10_000 ether);
        (uint256 first, UnbondingEntry[] memory entries) = staking.unbondingQueue(alice);
        assertEq(first, 0);
        assertEq(entries.length, 0);
        assertEq(staking.withdrawable(alice), 0);

        undelegateAs(alice, p1, 1000 ether);
        vm.warp(genesis + epochLength);
        undelegateAs(alice, p1, 2000 ether);
        assertEq(staking.withdrawable(alice), 0);
        vm.warp(genesis + UNBONDING);
        assertEq(staking.withdrawable(alice), 1000 ether);
        vm.warp(genesis + epochLength + UNBONDING);
        assertEq(staking.withdrawable(alice), 3000 ether);
        withdrawAs(alice);
        (first, entries) = staking.unbondingQueue(alice);
        assertEq(first, 2);
        assertEq(entries.length, 0);
        assertEq(staking.withdrawable(alice), 0);
    }

    function test_pendingRewards_growsWithStream() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, SELF);
        settleNext(10_000);
        assertEq(staking.pendingRewards(p1, alice), 0);
        uint256 rate = REWARD / epochLength;
        vm.warp(block.timestamp + 1000);
        uint256 rpt = rate * 1000 * WAD / (2 * SELF);
        assertEq(staking.pendingRewards(p1, alice), SELF * rpt / WAD);
        vm.warp(block.timestamp + 10 * epochLength);
        rpt = rate * epochLength * WAD / (2 * SELF);
        assertEq(staking.pendingRewards(p1, alice), SELF * rpt / WAD, "stops at the stream's end");
    }

    function test_getDelegation_unknownIsZero() public view {
        (uint256 stake, uint256 rewards) = staking.getDelegation(p1, alice);
        assertEq(stake, 0);
        assertEq(rewards, 0);
        assertEq(staking.pendingRewards(p1, alice), 0);
    }

    function test_allotmentOf_defaultsToZero() public view {
        (uint256 allotment, uint256 used) = staking.allotmentOf(alice);
        assertEq(allotment, 0);
        assertEq(used, 0);
    }
}
