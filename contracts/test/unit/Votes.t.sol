// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {Parameters} from "../../src/interfaces/IStakingTypes.sol";
import {VotesSlots} from "../utils/VotesSlots.sol";
import {UnitBase} from "./UnitBase.sol";

/// @notice Voting power at governance snapshots (VotesLib): registration rules, the IERC5805 reads,
///         and the history each kind of record keeps across stake changes, including several
///         snapshots pending at once and changes in the same block as a snapshot.
contract VotesTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        addProvider(p2, SELF, 1000);
    }

    function snap(uint256 at) internal returns (uint256) {
        vm.prank(governance);
        return staking.registerSnapshot(at);
    }

    function redelegateAs(address who, address from, address to, uint256 amount) internal {
        vm.prank(who);
        staking.redelegate(from, to, amount);
    }

    /*//////////////////////////////////////////////////////////////
                              REGISTRATION
    //////////////////////////////////////////////////////////////*/

    function test_registerSnapshot_indexesAndIsIdempotent() public {
        uint256 t = block.timestamp + 1 days;
        vm.expectEmit(address(staking));
        emit IStakingEvents.SnapshotRegistered(1, t);
        assertEq(snap(t), 1);
        assertEq(snap(t), 1);
        assertEq(snap(t + 1), 2);
        assertEq(staking.snapshotIndex(t), 1);
        assertEq(staking.snapshotIndex(t + 1), 2);
        assertEq(staking.snapshotIndex(t + 2), 0);
    }

    function test_registerSnapshot_revertsInThePastOrOutOfOrderOrBeyondTheClock() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingSnapshotInPast.selector, block.timestamp - 1)
        );
        snap(block.timestamp - 1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingSnapshotInPast.selector, 2 ** 32));
        snap(2 ** 32);
        snap(block.timestamp + 100);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingSnapshotOutOfOrder.selector, block.timestamp + 99, block.timestamp + 100
            )
        );
        snap(block.timestamp + 99);
    }

    function test_registerSnapshot_atMostSixPending() public {
        for (uint256 i = 1; i <= 6; ++i) {
            snap(block.timestamp + i);
        }
        vm.expectRevert(IStakingErrors.StakingTooManyPendingSnapshots.selector);
        snap(block.timestamp + 7);
        vm.warp(block.timestamp + 3); // two of them passed (the third is due now: still pending)
        snap(block.timestamp + 7);
        snap(block.timestamp + 8);
    }

    function test_reads_revertOffSnapshotsAndInTheFuture() public {
        uint256 t = block.timestamp + 10;
        snap(t);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingFutureLookup.selector, t, block.timestamp)
        );
        staking.getPastVotes(p1, t);
        vm.warp(t + 1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingNotASnapshot.selector, t - 1));
        staking.getPastTotalSupply(t - 1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingNotASnapshot.selector, t - 1));
        staking.getPastStake(p1, alice, t - 1);
        assertEq(staking.getPastVotes(p1, t), SELF);
    }

    function test_clock_isTheTimestamp() public view {
        assertEq(staking.clock(), block.timestamp);
        assertEq(staking.CLOCK_MODE(), "mode=timestamp");
        assertEq(staking.getVotes(p1), SELF);
        assertEq(staking.getVotes(alice), 0);
    }

    /*//////////////////////////////////////////////////////////////
                                HISTORY
    //////////////////////////////////////////////////////////////*/

    function test_history_valuesAtEachSnapshot() public {
        delegateAs(alice, p1, 10_000 ether);
        uint256 s1 = block.timestamp + 100;
        snap(s1);
        // Before the snapshot passed (and at its very second) changes count into it.
        vm.warp(s1);
        delegateAs(alice, p1, 5000 ether);
        vm.warp(s1 + 1);
        delegateAs(alice, p1, 2000 ether);
        delegateAs(bob, p1, 3000 ether);
        uint256 s2 = block.timestamp + 50;
        snap(s2);
        vm.warp(s2 + 10);
        undelegateAs(alice, p1, 4000 ether);
        uint256 s3 = block.timestamp + 1;
        snap(s3);
        vm.warp(s3 + 1);

        assertEq(staking.getPastStake(p1, alice, s1), 15_000 ether, "alice at s1");
        assertEq(staking.getPastStake(p1, alice, s2), 17_000 ether, "alice at s2");
        assertEq(staking.getPastStake(p1, alice, s3), 13_000 ether, "alice at s3");
        assertEq(staking.getPastStake(p1, bob, s1), 0, "bob at s1");
        assertEq(staking.getPastStake(p1, bob, s2), 3000 ether, "bob at s2");
        assertEq(staking.getPastVotes(p1, s1), SELF + 15_000 ether, "p1 at s1");
        assertEq(staking.getPastVotes(p1, s2), SELF + 20_000 ether, "p1 at s2");
        assertEq(staking.getPastVotes(p1, s3), SELF + 16_000 ether, "p1 at s3");
        assertEq(staking.getPastVotes(p2, s2), SELF, "p2 never changed");
        assertEq(staking.getPastTotalSupply(s1), 2 * SELF + 15_000 ether, "total at s1");
        assertEq(staking.getPastTotalSupply(s2), 2 * SELF + 20_000 ether, "total at s2");
        assertEq(staking.getPastTotalSupply(s3), 2 * SELF + 16_000 ether, "total at s3");
    }

    /// @dev Several snapshots pending at once, each passing with changes in between, and no
    ///      registration to write the totals: each inline total moves to the chain.
    function test_history_severalPendingSnapshotsPassOneByOne() public {
        uint256 t = block.timestamp;
        uint256[4] memory s = [t + 10, t + 20, t + 30, t + 40];
        for (uint256 i; i < 4; ++i) {
            snap(s[i]);
        }
        uint256[4] memory expectedTotal;
        uint256[4] memory expectedPool;
        for (uint256 i; i < 4; ++i) {
            delegateAs(alice, p1, (i + 1) * 1000 ether);
            expectedTotal[i] = staking.getVotes(p1) + SELF;
            expectedPool[i] = staking.getVotes(p1);
            vm.warp(s[i] + 1);
        }
        redelegateAs(alice, p1, p2, 1000 ether);
        for (uint256 i; i < 4; ++i) {
            assertEq(staking.getPastTotalSupply(s[i]), expectedTotal[i], "total");
            assertEq(staking.getPastVotes(p1, s[i]), expectedPool[i], "pool");
            assertEq(staking.getPastStake(p1, alice, s[i]), expectedPool[i] - SELF, "stake");
            assertEq(staking.getPastVotes(p2, s[i]), SELF, "p2");
        }
        // A later registration keeps every earlier answer.
        snap(block.timestamp + 5);
        vm.warp(block.timestamp + 6);
        for (uint256 i; i < 4; ++i) {
            assertEq(staking.getPastTotalSupply(s[i]), expectedTotal[i], "total after registration");
        }
    }

    /// @dev Six pending; the inline total comes to cover three of them, then moves to the chain in
    ///      one entry; the next registration writes every total into its record and clears the chain.
    function test_history_totalCoveringSeveralSnapshotsMovesInOneEntry() public {
        uint256 t = block.timestamp;
        uint256[6] memory s;
        for (uint256 i; i < 6; ++i) {
            s[i] = t + 10 * (i + 1);
            snap(s[i]);
        }
        uint256 before = 2 * SELF;
        vm.warp(s[2] + 1); // three past, unchanged across them
        delegateAs(alice, p1, 1000 ether);
        assertEq(totalEntry(3), PREPARED, "inline covers (0, 3]");
        vm.warp(s[3] + 1);
        delegateAs(bob, p2, 2000 ether);
        assertEq(totalEntry(3), before, "(0, 3] moved in one entry");
        vm.warp(s[5] + 1);
        undelegateAs(alice, p1, 1000 ether);
        assertEq(totalEntry(4), before + 1000 ether | 3 << 96, "(3, 4] follows it");
        uint256[6] memory expected =
            [before, before, before, before + 1000 ether, before + 3000 ether, before + 3000 ether];
        for (uint256 i; i < 6; ++i) {
            assertEq(staking.getPastTotalSupply(s[i]), expected[i], "chain");
        }
        snap(block.timestamp + 5);
        assertEq(totalEntry(3), 0, "cleared");
        assertEq(totalEntry(4), 0, "cleared");
        vm.warp(block.timestamp + 6);
        for (uint256 i; i < 6; ++i) {
            assertEq(staking.getPastTotalSupply(s[i]), expected[i], "records");
        }
        assertEq(staking.getPastTotalSupply(block.timestamp - 1), before + 2000 ether);
    }

    /// @dev The newest snapshot pending and the one before it past (the count comes from the header
    ///      alone), then both past with the gap to the previous one too long to record.
    function test_history_newestPendingPreviousPast() public {
        uint256 s1 = block.timestamp + 10;
        uint256 s2 = block.timestamp + 1000;
        snap(s1);
        snap(s2);
        vm.warp(s1 + 1);
        delegateAs(alice, p1, 5000 ether); // first change after s1, s2 pending
        vm.warp(s2 + 1);
        delegateAs(alice, p1, 1000 ether);
        uint256 s3 = block.timestamp + 200 days; // beyond the 24-bit gap: the ring tells
        snap(s3);
        vm.warp(s3 - 1 days);
        undelegateAs(alice, p1, 2000 ether);
        uint256 s4 = s3 + 1;
        snap(s4);
        vm.warp(s3 + 1); // s3 past, s4 pending
        delegateAs(alice, p1, 500 ether);
        vm.warp(s4 + 1);
        assertEq(staking.getPastStake(p1, alice, s1), 0);
        assertEq(staking.getPastStake(p1, alice, s2), 5000 ether);
        assertEq(staking.getPastStake(p1, alice, s3), 4000 ether);
        assertEq(staking.getPastStake(p1, alice, s4), 4500 ether);
        assertEq(staking.getPastVotes(p1, s1), SELF);
        assertEq(staking.getPastVotes(p1, s3), SELF + 4000 ether);
        assertEq(staking.getPastTotalSupply(s2), 2 * SELF + 5000 ether);
        assertEq(staking.getPastTotalSupply(s3), 2 * SELF + 4000 ether);
        assertEq(staking.getPastTotalSupply(s4), 2 * SELF + 4500 ether);
    }

    /// @dev A record untouched across many snapshots answers its value for all of them, and a
    ///      change after them keeps one entry covering them all.
    function test_history_untouchedRecordAcrossManySnapshots() public {
        delegateAs(alice, p1, 10_000 ether);
        uint256 first = block.timestamp + 1;
        for (uint256 i; i < 20; ++i) {
            snap(block.timestamp + 1);
            vm.warp(block.timestamp + 2);
        }
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(staking.getPastStake(p1, alice, first), 10_000 ether);
        assertEq(staking.getPastVotes(p1, first), SELF + 10_000 ether);
        assertEq(staking.getPastTotalSupply(first), 2 * SELF + 10_000 ether);
        uint256 s = block.timestamp + 1;
        snap(s);
        vm.warp(s + 1);
        assertEq(staking.getPastStake(p1, alice, s), 0);
        assertEq(staking.getPastVotes(p1, s), SELF);
    }

    /// @dev Restake, exit and slash keep history too; claim and settlement touch none.
    function test_history_restakeExitSlashKeepIt() public {
        delegateAs(alice, p1, 10_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + 1 days);
        uint256 s1 = block.timestamp + 1;
        snap(s1);
        vm.warp(s1 + 1);
        vm.prank(alice);
        uint256 restaked = staking.restake(p1);
        vm.prank(governance);
        staking.slash(p1, 1000 ether);
        vm.prank(p2);
        staking.exitProvider();
        uint256 s2 = block.timestamp + 1;
        snap(s2);
        vm.warp(s2 + 1);
        assertEq(staking.getPastStake(p1, alice, s1), 10_000 ether);
        assertEq(staking.getPastStake(p1, alice, s2), 10_000 ether + restaked);
        assertEq(staking.getPastStake(p1, p1, s1), SELF);
        assertEq(staking.getPastStake(p1, p1, s2), SELF - 1000 ether);
        assertEq(staking.getPastVotes(p2, s1), SELF);
        assertEq(staking.getPastVotes(p2, s2), 0);
        assertEq(staking.getPastTotalSupply(s1), 2 * SELF + 10_000 ether);
        assertEq(staking.getPastTotalSupply(s2), SELF + 9000 ether + restaked);
    }

    /// @dev A slash that leaves a dust bond moves the provider's unclaimed pool rewards to its
    ///      commission: nothing is lost and nothing needs carrying.
    function test_slash_movesOwnRewardsToCommission() public {
        settleNext(10_000);
        vm.warp(block.timestamp + 3 days);
        uint256 before = staking.pendingRewards(p1, p1);
        assertGt(before, 0);
        Parameters memory p = params;
        p.maxSlashBps = uint16(BPS);
        setParams(p);
        vm.prank(governance);
        staking.slash(p1, SELF - 1);
        assertEq(stakeOf(p1, p1), 1);
        assertEq(staking.pendingRewards(p1, p1), before);
        assertEq(staking.getProvider(p1).commissionAccrued, before);
    }

    /*//////////////////////////////////////////////////////////////
                     PREPARED POOL ENTRIES (VotesLib.PREPARED)
    //////////////////////////////////////////////////////////////*/

    uint256 internal constant PREPARED = 1 << 255;

    function poolEntry(address provider, uint256 key) internal view returns (uint256) {
        return VotesSlots.poolEntry(address(staking), provider, key);
    }

    function totalEntry(uint256 key) internal view returns (uint256) {
        return VotesSlots.totalEntry(address(staking), key);
    }

    function votingPoolCount() internal view returns (uint256) {
        return VotesSlots.votingPoolCount(address(staking));
    }

    function test_prepared_registrationPreparesEveryChangeablePool() public {
        assertEq(votingPoolCount(), 2);
        uint256 s = block.timestamp + 10;
        assertEq(snap(s), 1);
        assertEq(poolEntry(p1, 1), PREPARED);
        assertEq(poolEntry(p2, 1), PREPARED);
        // A pool untouched across the snapshot keeps the prepared entry, which reads as absent.
        vm.warp(s + 1);
        delegateAs(alice, p1, 10_000 ether);
        assertEq(poolEntry(p1, 1), SELF, "old value, previous key 0");
        assertEq(poolEntry(p2, 1), PREPARED);
        assertEq(staking.getPastVotes(p1, s), SELF);
        assertEq(staking.getPastVotes(p2, s), SELF);
    }

    function test_prepared_newProviderGetsThePendingSnapshots() public {
        uint256 passed = block.timestamp + 1;
        snap(passed);
        vm.warp(passed + 1);
        uint256 s1 = block.timestamp + 10;
        uint256 s2 = block.timestamp + 20;
        snap(s1);
        snap(s2);
        registerProvider(p3, SELF, 500);
        assertEq(votingPoolCount(), 3);
        assertEq(poolEntry(p3, 1), 0, "past before it existed: nothing to keep");
        assertEq(poolEntry(p3, 2), PREPARED);
        assertEq(poolEntry(p3, 3), PREPARED);
        vm.warp(s2 + 1);
        delegateAs(p3, p3, 1000 ether);
        assertEq(staking.getPastVotes(p3, passed), 0);
        assertEq(staking.getPastVotes(p3, s1), SELF);
        assertEq(staking.getPastVotes(p3, s2), SELF);
    }

    /// @dev An exited pool leaves the set at its exit, whatever it still holds: registration does
    ///      not prepare it, and the delegator who leaves it later pays for its own history entry.
    function test_prepared_exitedPoolsLeaveTheSetAtExit() public {
        delegateAs(alice, p2, 10_000 ether);
        vm.prank(p1);
        staking.exitProvider();
        assertEq(votingPoolCount(), 1, "p1's pool left at its exit");
        vm.prank(p2);
        staking.exitProvider();
        assertEq(votingPoolCount(), 0, "p2's pool left too, though it still holds alice");
        uint256 s = block.timestamp + 10;
        snap(s);
        assertEq(poolEntry(p1, 1), 0);
        assertEq(poolEntry(p2, 1), 0, "not prepared");
        vm.warp(s + 1);
        undelegateAs(alice, p2, 10_000 ether);
        assertEq(uint96(poolEntry(p2, 1)), 10_000 ether, "written by alice's undelegation");
        assertEq(staking.getPastVotes(p2, s), 10_000 ether);
        assertEq(staking.getVotes(p2), 0);
    }

    /// @dev Security finding 3: exited pools that someone keeps non-empty (dust it can withdraw at
    ///      will, or a lost key) used to hold their slot under the 256 cap for ever, so after 256
    ///      admit/exit cycles nobody could register again. 300 cycles, each leaving a delegation
    ///      behind, then a registration succeeds and a snapshot prepares only the live pools.
    function test_prepared_registrationStaysOpenAfter300ExitsLeavingStakeBehind() public {
        for (uint256 i; i < 300; ++i) {
            address provider = address(uint160(0x10000 + i));
            addProvider(provider, SELF, 500);
            delegateAs(alice, provider, MIN_DELEGATION);
            vm.prank(provider);
            staking.exitProvider();
        }
        assertEq(votingPoolCount(), 2, "only p1 and p2");
        address late = makeAddr("late");
        registerProvider(late, SELF, 500);
        assertEq(votingPoolCount(), 3);
        uint256 s = block.timestamp + 10;
        snap(s);
        assertEq(poolEntry(late, 1), PREPARED);
        assertEq(poolEntry(address(uint160(0x10000)), 1), 0);
    }

    function test_prepared_atMost256ChangeablePools() public {
        for (uint256 i = 2; i < 256; ++i) {
            registerProvider(address(uint160(0x1000 + i)), SELF, 500);
        }
        assertEq(votingPoolCount(), 256);
        address extra = makeAddr("extra");
        give(extra, SELF);
        vm.startPrank(extra);
        token.approve(address(staking), SELF);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingTooManyProviders.selector, 256));
        staking.registerProvider(SELF, 500, "ipfs://extra");
        vm.stopPrank();
        // An exit makes room again.
        vm.prank(address(uint160(0x1000 + 2)));
        staking.exitProvider();
        registerProvider(extra, SELF, 500);
        assertEq(votingPoolCount(), 256);
    }
}
