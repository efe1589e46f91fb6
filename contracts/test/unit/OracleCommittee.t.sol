// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IAnkrStaking} from "../../src/interfaces/IAnkrStaking.sol";
import {IOracleCommitteeErrors} from "../../src/interfaces/IOracleCommitteeErrors.sol";
import {IOracleCommitteeEvents} from "../../src/interfaces/IOracleCommitteeEvents.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {OracleCommittee} from "../../src/oracle/OracleCommittee.sol";
import {OracleBase} from "./OracleBase.sol";

contract OracleCommitteeTest is OracleBase {
    /*//////////////////////////////////////////////////////////////
                               CONSTRUCTOR
    //////////////////////////////////////////////////////////////*/

    function test_constructor_setsMembersQuorumAndStaking() public view {
        assertEq(address(committee.staking()), address(staking));
        assertEq(committee.quorum(), 3);
        assertEq(committee.owner(), governance);
        address[] memory ms = committee.members();
        assertEq(ms.length, 4);
        assertEq(ms[0], m1);
        assertEq(ms[3], m4);
        assertTrue(committee.isMember(m2));
        assertFalse(committee.isMember(stranger));
    }

    function test_constructor_revertsOnZeroStaking() public {
        vm.expectRevert(IOracleCommitteeErrors.OracleZeroAddress.selector);
        new OracleCommittee(IAnkrStaking(address(0)), governance, _members4(), 3);
    }

    function test_constructor_revertsOnInvalidQuorum() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 5, 4));
        new OracleCommittee(staking, governance, _members4(), 5);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 0, 4));
        new OracleCommittee(staking, governance, _members4(), 0);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 2, 4));
        new OracleCommittee(staking, governance, _members4(), 2);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 0, 0));
        new OracleCommittee(staking, governance, new address[](0), 0);
    }

    function test_constructor_revertsOnDuplicateMember() public {
        address[] memory ms = _members4();
        ms[2] = m1;
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleAlreadyMember.selector, m1));
        new OracleCommittee(staking, governance, ms, 3);
    }

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    function test_addMember_takesLowestFreeSlot() public {
        vm.startPrank(governance);
        committee.removeMember(m2);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.MemberAdded(m5, 1);
        committee.addMember(m5);
        vm.stopPrank();
        assertEq(committee.members()[1], m5);
        assertTrue(committee.isMember(m5));
    }

    function test_addMember_revertsForNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        committee.addMember(m5);
    }

    function test_addMember_revertsOnZeroAndDuplicate() public {
        vm.startPrank(governance);
        vm.expectRevert(IOracleCommitteeErrors.OracleZeroAddress.selector);
        committee.addMember(address(0));
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleAlreadyMember.selector, m1));
        committee.addMember(m1);
        vm.stopPrank();
    }

    function test_addMember_revertsPastMaxMembers() public {
        vm.startPrank(governance);
        for (uint256 i = 4; i < committee.MAX_MEMBERS(); ++i) {
            committee.addMember(address(uint160(0x1000 + i)));
        }
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleTooManyMembers.selector, 32));
        committee.addMember(m5);
        vm.stopPrank();
        assertEq(committee.members().length, 32);
        assertEq(committee.quorum(), 17, "raised to a majority on the way");
    }

    /// @dev One more member never lowers the share that settles: the quorum rises to the new
    ///      minimum when it falls below it, and stays put otherwise.
    function test_addMember_raisesQuorumToTheRule() public {
        vm.startPrank(governance);
        committee.addMember(m5); // 5 members: 3 is still max(3, 5 / 2 + 1)
        assertEq(committee.quorum(), 3);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.MemberAdded(stranger, 5);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.QuorumSet(4);
        committee.addMember(stranger); // 6 members: a majority is 4
        assertEq(committee.quorum(), 4);
        vm.stopPrank();
    }

    /// @dev A committee that grows from 2 to 3 members goes from "both report" to "all three
    ///      report": quorum 3 from 3 members on.
    function test_addMember_fromTwoToThreeNeedsThree() public {
        address[] memory two = new address[](2);
        (two[0], two[1]) = (m1, m2);
        OracleCommittee small = new OracleCommittee(staking, governance, two, 2);
        vm.prank(governance);
        small.addMember(m3);
        assertEq(small.quorum(), 3);
    }

    function test_removeMember_emitsAndForgets() public {
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.MemberRemoved(m3, 2);
        vm.prank(governance);
        committee.removeMember(m3);
        assertFalse(committee.isMember(m3));
        assertEq(committee.members().length, 3);
    }

    function test_removeMember_revertsForNonOwnerOrNonMember() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        committee.removeMember(m1);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleNotMember.selector, m5));
        vm.prank(governance);
        committee.removeMember(m5);
    }

    /// @dev A quorum above the remaining members drops to their number (always allowed), down to a
    ///      single member; the last member cannot leave.
    function test_removeMember_lowersQuorumToRemaining() public {
        vm.startPrank(governance);
        committee.setQuorum(4);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.MemberRemoved(m4, 3);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.QuorumSet(3);
        committee.removeMember(m4);
        assertEq(committee.quorum(), 3);
        committee.removeMember(m3); // 2 members: both must report
        assertEq(committee.quorum(), 2);
        committee.removeMember(m2);
        assertEq(committee.quorum(), 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 1, 0));
        committee.removeMember(m1);
        vm.stopPrank();
        assertTrue(committee.isMember(m1));
    }

    /// @dev A quorum that still fits keeps its value and emits nothing about it.
    function test_removeMember_keepsAFittingQuorum() public {
        vm.recordLogs();
        vm.prank(governance);
        committee.removeMember(m4);
        assertEq(vm.getRecordedLogs().length, 1, "MemberRemoved only");
        assertEq(committee.quorum(), 3);
    }

    function test_setQuorum_setsAndEmits() public {
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.QuorumSet(4);
        vm.prank(governance);
        committee.setQuorum(4);
        assertEq(committee.quorum(), 4);
    }

    /// @dev Out of range: 0, above the members, and below `minQuorum` (3 of 4: two reports would
    ///      let one liar decide).
    function test_setQuorum_revertsOutOfRangeOrNonOwner() public {
        vm.startPrank(governance);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 0, 4));
        committee.setQuorum(0);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 5, 4));
        committee.setQuorum(5);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 2, 4));
        committee.setQuorum(2);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, 1, 4));
        committee.setQuorum(1);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        committee.setQuorum(3);
        assertEq(committee.quorum(), 3);
    }

    function test_minQuorum_followsTheRule() public view {
        uint256[10] memory expected = [uint256(0), 1, 2, 3, 3, 3, 4, 4, 5, 5];
        for (uint256 n; n < expected.length; ++n) {
            assertEq(committee.minQuorum(n), expected[n]);
        }
        assertEq(committee.minQuorum(32), 17);
    }

    function test_transferOwnership_isTwoStep() public {
        vm.prank(governance);
        committee.transferOwnership(stranger);
        assertEq(committee.owner(), governance);
        vm.prank(stranger);
        committee.acceptOwnership();
        assertEq(committee.owner(), stranger);
    }

    /*//////////////////////////////////////////////////////////////
                             SUBMIT REPORT
    //////////////////////////////////////////////////////////////*/

    function test_submitReport_quorumNotReachedRecordsOnly() public {
        warpPast(0);
        bytes32 key = committee.listHash(list);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.ReportSubmitted(0, key, m1, 1);
        assertFalse(report(m1, 0, pack3(9000, 8000, 7000)));
        assertEq(nextEpochToSettle(), 0);
        (uint256 valid, bool reported) = committee.reportCount(0, key, m1);
        assertEq(valid, 1);
        assertTrue(reported);
        assertEq(committee.reportOf(0, key, m1), pack3(9000, 8000, 7000));
        assertEq(committee.reportOf(0, key, m2).length, 0);
    }

    function test_submitReport_quorumSettlesWithMedian() public {
        warpPast(0);
        report(m1, 0, pack3(9000, 8000, 7000));
        assertFalse(report(m2, 0, pack3(7000, 8000, 10_000)));
        bytes32 key = committee.listHash(list);
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.CommitteeSettled(0, key, 3);
        assertTrue(report(m3, 0, pack3(8000, 6000, 8500)));
        assertEq(nextEpochToSettle(), 1);
        assertEq(lastScore(list[0]), 8000);
        assertEq(lastScore(list[1]), 8000);
        assertEq(lastScore(list[2]), 8500);
        assertGt(staking.getProvider(list[0]).rewardRate, 0);
    }

    /// @dev Quorum four: the mean of the two middle reports, rounded down; one extreme report (m4)
    ///      is never one of the middles.
    function test_submitReport_evenQuorumTakesMeanOfMiddles() public {
        vm.prank(governance);
        committee.setQuorum(4);
        warpPast(0);
        report(m4, 0, pack3(0, 10_000, 0));
        report(m1, 0, pack3(9000, 8000, 7000));
        assertFalse(report(m2, 0, pack3(7000, 8001, 10_000)));
        assertTrue(report(m3, 0, pack3(8000, 6000, 8500)));
        assertEq(lastScore(list[0]), 7500); // (7000 + 8000) / 2
        assertEq(lastScore(list[1]), 8000); // (8000 + 8001) / 2, rounded down
        assertEq(lastScore(list[2]), 7750); // (7000 + 8500) / 2
    }

    function test_submitReport_oddQuorumTakesMiddle() public {
        warpPast(0);
        report(m1, 0, pack3(1, 2, 3));
        assertFalse(report(m2, 0, pack3(9000, 20, 30)));
        assertTrue(report(m3, 0, pack3(5000, 10_000, 0)));
        assertEq(lastScore(list[0]), 5000);
        assertEq(lastScore(list[1]), 20);
        assertEq(lastScore(list[2]), 3);
    }

    function test_submitReport_duplicateReverts() public {
        warpPast(0);
        report(m1, 0, pack3(1, 2, 3));
        bytes32 key = committee.listHash(list);
        vm.expectRevert(
            abi.encodeWithSelector(IOracleCommitteeErrors.OracleAlreadyReported.selector, 0, key, m1)
        );
        report(m1, 0, pack3(4, 5, 6));
    }

    function test_submitReport_lateReportIgnoredWithoutRevert() public {
        warpPast(0);
        report(m1, 0, pack3(9000, 9000, 9000));
        report(m2, 0, pack3(9000, 9000, 9000));
        report(m3, 0, pack3(9000, 9000, 9000));
        vm.expectEmit(address(committee));
        emit IOracleCommitteeEvents.ReportIgnored(0, m4);
        assertFalse(report(m4, 0, pack3(0, 0, 0)));
        // Even a duplicate or malformed late report is ignored.
        vm.prank(m1);
        assertFalse(committee.submitReport(0, new address[](0), ""));
        assertEq(nextEpochToSettle(), 1);
        assertEq(lastScore(p1), 9000);
    }

    function test_submitReport_sameEpochNeverSettlesTwice() public {
        address[] memory ps = list;
        warpPast(1);
        report(m1, 0, pack3(9000, 9000, 9000));
        report(m2, 0, pack3(9000, 9000, 9000));
        report(m3, 0, pack3(1, 1, 1));
        report(m4, 0, pack3(1, 1, 1));
        assertEq(nextEpochToSettle(), 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleEpochNotNext.selector, 0, 1));
        committee.settle(0, list);
        // The staking contract refuses a second settlement even from another settler.
        uint16[] memory zeros = new uint16[](3);
        vm.expectRevert();
        vm.prank(address(committee));
        staking.settleEpoch(0, ps, zeros);
        assertEq(lastScore(p1), 9000);
    }

    function test_submitReport_revertsForNonMember() public {
        warpPast(0);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleNotMember.selector, stranger));
        report(stranger, 0, pack3(1, 2, 3));
    }

    function test_submitReport_revertsBeforeEpochEnds() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleEpochNotEnded.selector, 0, 0));
        report(m1, 0, pack3(1, 2, 3));
        vm.warp(epochEnd(0));
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleEpochNotEnded.selector, 1, 1));
        report(m1, 1, pack3(1, 2, 3));
    }

    function test_submitReport_revertsOutOfOrder() public {
        warpPast(1);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleEpochNotNext.selector, 1, 0));
        report(m1, 1, pack3(1, 2, 3));
    }

    function test_submitReport_revertsOnMalformedReport() public {
        warpPast(0);
        address[] memory ps = list;
        vm.startPrank(m1);
        vm.expectRevert(IOracleCommitteeErrors.OracleInvalidReport.selector);
        committee.submitReport(0, new address[](0), "");
        vm.expectRevert(IOracleCommitteeErrors.OracleInvalidReport.selector);
        committee.submitReport(0, ps, packSame(2, 1));
        vm.expectRevert(IOracleCommitteeErrors.OracleInvalidReport.selector);
        committee.submitReport(0, ps, bytes.concat(packSame(3, 1), hex"00"));
        (ps[0], ps[1]) = (ps[1], ps[0]);
        vm.expectRevert(IOracleCommitteeErrors.OracleInvalidReport.selector);
        committee.submitReport(0, ps, packSame(3, 1));
        ps[0] = ps[1];
        vm.expectRevert(IOracleCommitteeErrors.OracleInvalidReport.selector);
        committee.submitReport(0, ps, packSame(3, 1));
        vm.stopPrank();
    }

    function test_submitReport_revertsOnScoreTooHigh() public {
        warpPast(0);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleScoreTooHigh.selector, 1, 10_001));
        report(m1, 0, pack3(10_000, 10_001, 0));
    }

    /// @dev Members that read different provider sets never mix scores; only the set the staking
    ///      contract accepts settles, and a quorum on a stale set reverts with the staking error.
    function test_submitReport_listsAreTalliedApart() public {
        warpPast(0);
        report(m1, 0, pack3(9000, 9000, 9000)); // the three-provider list
        report(m2, 0, pack3(9000, 9000, 9000));
        bytes32 oldKey = committee.listHash(list);
        address p4 = makeAddr("p4");
        addProvider(p4, SELF, 0); // the set changes after the epoch ended
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        report(m3, 0, pack3(9000, 9000, 9000));

        refreshList();
        bytes memory four = packSame(4, 6000);
        report(m1, 0, four); // a member may report again for the new list
        report(m2, 0, four);
        (uint256 validOld,) = committee.reportCount(0, oldKey, m1);
        assertEq(validOld, 2);
        assertTrue(report(m3, 0, four));
        assertEq(lastScore(p4), 6000);
    }

    /*//////////////////////////////////////////////////////////////
                          MEMBERSHIP MID-EPOCH
    //////////////////////////////////////////////////////////////*/

    function test_submitReport_removedMemberReportStopsCounting() public {
        warpPast(0);
        report(m1, 0, pack3(0, 0, 0));
        vm.prank(governance);
        committee.removeMember(m1);
        bytes32 key = committee.listHash(list);
        (uint256 valid,) = committee.reportCount(0, key, m1);
        assertEq(valid, 0);
        assertFalse(report(m2, 0, pack3(8000, 8000, 8000)));
        assertFalse(report(m3, 0, pack3(9000, 9000, 9000)));
        assertTrue(report(m4, 0, pack3(8500, 8500, 8500)));
        assertEq(lastScore(p1), 8500);
    }

    function test_submitReport_removedMemberCannotReport() public {
        vm.prank(governance);
        committee.removeMember(m1);
        warpPast(0);
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleNotMember.selector, m1));
        report(m1, 0, pack3(1, 2, 3));
    }

    /// @dev A new member in a freed slot does not inherit the old member's report, and may report.
    function test_submitReport_reusedSlotStartsClean() public {
        warpPast(0);
        report(m1, 0, pack3(0, 0, 0));
        vm.startPrank(governance);
        committee.removeMember(m1);
        committee.addMember(m5); // slot 0 again
        vm.stopPrank();
        bytes32 key = committee.listHash(list);
        (uint256 valid, bool reported) = committee.reportCount(0, key, m5);
        assertEq(valid, 0);
        assertFalse(reported);
        assertEq(committee.reportOf(0, key, m5).length, 0);
        assertFalse(report(m5, 0, pack3(7000, 7000, 7000)));
        assertFalse(report(m2, 0, pack3(9000, 9000, 9000)));
        assertTrue(report(m3, 0, pack3(8000, 8000, 8000)));
        assertEq(lastScore(p1), 8000);
    }

    function test_submitReport_memberAddedMidEpochCounts() public {
        warpPast(0);
        vm.prank(governance);
        committee.addMember(m5);
        report(m5, 0, pack3(5000, 5000, 5000));
        report(m1, 0, pack3(7000, 7000, 7000));
        assertTrue(report(m2, 0, pack3(6000, 6000, 6000)));
        assertEq(lastScore(p2), 6000);
    }

    /*//////////////////////////////////////////////////////////////
                           MALICIOUS MEMBER
    //////////////////////////////////////////////////////////////*/

    /// @dev Three of four members honest, quorum three: whichever three reports settle, one
    ///      extreme report cannot push any median outside the honest values.
    function test_submitReport_extremeMemberCannotLeaveHonestRange() public {
        warpPast(0);
        report(m4, 0, pack3(0, 10_000, 0)); // malicious, first in
        report(m1, 0, pack3(8000, 6000, 9000));
        assertTrue(report(m2, 0, pack3(8200, 6100, 9500)));
        assertEq(lastScore(list[0]), 8000);
        assertEq(lastScore(list[1]), 6100);
        assertEq(lastScore(list[2]), 9000);
    }

    /*//////////////////////////////////////////////////////////////
                                 SETTLE
    //////////////////////////////////////////////////////////////*/

    function test_settle_afterQuorumLowered() public {
        vm.prank(governance);
        committee.setQuorum(4);
        warpPast(0);
        report(m1, 0, pack3(4000, 4000, 4000));
        report(m2, 0, pack3(6000, 6000, 6000));
        report(m3, 0, pack3(5000, 5000, 5000));
        vm.prank(governance);
        committee.setQuorum(3);
        vm.prank(stranger);
        committee.settle(0, list);
        assertEq(nextEpochToSettle(), 1);
        assertEq(lastScore(p3), 5000);
    }

    /// @dev Removing the member everyone waits for lowers the quorum to the remaining members; the
    ///      reports already in then settle.
    function test_settle_afterRemovalLowersQuorum() public {
        vm.prank(governance);
        committee.setQuorum(4);
        warpPast(0);
        report(m1, 0, pack3(4000, 4000, 4000));
        report(m2, 0, pack3(6000, 6000, 6000));
        report(m3, 0, pack3(5000, 5000, 5000));
        vm.prank(governance);
        committee.removeMember(m4);
        committee.settle(0, list);
        assertEq(lastScore(p1), 5000);
    }

    /// @dev A raised quorum makes a round wait: reports already in keep counting, one more settles.
    function test_settle_afterQuorumRaisedWaitsForMore() public {
        warpPast(0);
        report(m1, 0, pack3(4000, 4000, 4000));
        report(m2, 0, pack3(6000, 6000, 6000));
        vm.prank(governance);
        committee.setQuorum(4);
        assertFalse(report(m3, 0, pack3(5000, 5000, 5000)));
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleQuorumNotReached.selector, 3, 4));
        committee.settle(0, list);
        assertTrue(report(m4, 0, pack3(5500, 5500, 5500)));
        assertEq(lastScore(p1), 5250);
    }

    function test_settle_revertsBelowQuorum() public {
        warpPast(0);
        report(m1, 0, pack3(4000, 4000, 4000));
        report(m2, 0, pack3(4000, 4000, 4000));
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleQuorumNotReached.selector, 2, 3));
        committee.settle(0, list);
    }

    function test_settle_revertsBeforeEpochEnds() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleCommitteeErrors.OracleEpochNotEnded.selector, 0, 0));
        committee.settle(0, list);
    }

    function test_submitReport_revertsWithoutSettlerRole() public {
        vm.prank(governance);
        staking.revokeRole(SETTLER_ROLE, address(committee));
        warpPast(0);
        report(m1, 0, pack3(1, 1, 1));
        report(m2, 0, pack3(1, 1, 1));
        vm.expectRevert();
        report(m3, 0, pack3(1, 1, 1));
        assertEq(nextEpochToSettle(), 0);
    }

    /*//////////////////////////////////////////////////////////////
                                  VIEWS
    //////////////////////////////////////////////////////////////*/

    function test_listHash_isPackedKeccak() public view {
        assertEq(committee.listHash(list), keccak256(abi.encodePacked(list)));
    }

    function test_reportCount_unknownRoundIsEmpty() public view {
        (uint256 valid, bool reported) = committee.reportCount(7, bytes32(uint256(1)), m1);
        assertEq(valid, 0);
        assertFalse(reported);
        assertEq(committee.reportOf(7, bytes32(uint256(1)), stranger).length, 0);
    }

    /// @dev Several epochs in a row, each settled exactly once.
    function test_submitReport_consecutiveEpochs() public {
        for (uint256 e; e < 3; ++e) {
            warpPast(e);
            report(m1, e, pack3(9000, 9000, 9000));
            report(m2, e, pack3(7000, 7000, 7000));
            report(m3, e, pack3(1, 1, 1));
            assertEq(nextEpochToSettle(), e + 1);
        }
        assertEq(lastScore(p1), 7000);
    }
}
