// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {UnitBase} from "./UnitBase.sol";

contract CapsTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        addProvider(p2, SELF, 1000);
    }

    function _exceeded(address provider, uint256 requested, uint256 available)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(
            IStakingErrors.StakingProviderCapacityExceeded.selector, provider, requested, available
        );
    }

    function _globalExceeded(uint256 requested, uint256 available) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IStakingErrors.StakingGlobalCapExceeded.selector, requested, available);
    }

    function _setGlobalCap(uint256 cap) internal {
        vm.prank(governance);
        staking.setGlobalCap(cap);
    }

    function _setAllotment(address account, uint256 allotment) internal {
        vm.prank(governance);
        staking.setAllotment(account, allotment);
    }

    /*//////////////////////////////////////////////////////////////
                             DELEGATION RATIO
    //////////////////////////////////////////////////////////////*/

    function test_delegationRatio_fillsExactly() public {
        delegateAs(alice, p1, SELF * 16);
        assertEq(staking.capacityLeft(p1, bob), 0);
        give(alice, 1);
        vm.prank(alice);
        vm.expectRevert(_exceeded(p1, 1, 0));
        staking.delegate(p1, 1);
    }

    function test_delegationRatio_growsWithSelfStake() public {
        delegateAs(alice, p1, SELF * 16);
        give(p1, 1000 ether);
        vm.prank(p1);
        staking.delegate(p1, 1000 ether);
        assertEq(staking.capacityLeft(p1, bob), 16_000 ether);
        delegateAs(bob, p1, 16_000 ether);
    }

    function test_delegationRatio_shrinksWhenSelfStakeUnbonds() public {
        give(p1, SELF);
        vm.prank(p1);
        staking.delegate(p1, SELF);
        undelegateAs(p1, p1, SELF);
        assertEq(staking.capacityLeft(p1, alice), SELF * 16);
    }

    function test_delegationRatio_zeroMeansUnlimited() public {
        params.delegationRatio = 0;
        setParams(params);
        delegateAs(alice, p1, SELF * 100);
        assertEq(stakeOf(p1, alice), SELF * 100);
    }

    function test_delegationRatio_ignoredForOwnTopUp() public {
        delegateAs(alice, p1, SELF * 16);
        give(p1, SELF * 50);
        vm.prank(p1);
        staking.delegate(p1, SELF * 50);
        assertEq(staking.getProvider(p1).selfStake, SELF * 51);
    }

    function test_delegationRatio_loweredRatioBlocksNewStakeOnly() public {
        delegateAs(alice, p1, SELF * 16);
        params.delegationRatio = 4;
        setParams(params);
        assertEq(staking.capacityLeft(p1, bob), 0);
        undelegateAs(alice, p1, SELF * 10); // exits are never blocked by the ratio
        assertEq(stakeOf(p1, alice), SELF * 6);
    }

    /*//////////////////////////////////////////////////////////////
                              PROVIDER CAP
    //////////////////////////////////////////////////////////////*/

    function test_setProviderCap_limitsTotalStake() public {
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderCapSet(p1, 150_000 ether);
        vm.prank(governance);
        staking.setProviderCap(p1, 150_000 ether);
        assertEq(staking.getProvider(p1).maxStake, 150_000 ether);
        assertEq(staking.capacityLeft(p1, alice), 50_000 ether);

        give(alice, 50_001 ether);
        vm.prank(alice);
        vm.expectRevert(_exceeded(p1, 50_001 ether, 50_000 ether));
        staking.delegate(p1, 50_001 ether);
        vm.prank(alice);
        staking.delegate(p1, 50_000 ether);
        assertEq(staking.getProvider(p1).totalStake, 150_000 ether);
    }

    function test_setProviderCap_limitsOwnTopUp() public {
        vm.prank(governance);
        staking.setProviderCap(p1, SELF + 10 ether);
        give(p1, 11 ether);
        vm.prank(p1);
        vm.expectRevert(_exceeded(p1, 11 ether, 10 ether));
        staking.delegate(p1, 11 ether);
        assertEq(staking.capacityLeft(p1, p1), 10 ether);
    }

    function test_setProviderCap_belowCurrentStakeLeavesNoRoom() public {
        delegateAs(alice, p1, 10_000 ether);
        vm.prank(governance);
        staking.setProviderCap(p1, SELF);
        assertEq(staking.capacityLeft(p1, bob), 0);
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
    }

    function test_setProviderCap_zeroRemovesCap() public {
        vm.startPrank(governance);
        staking.setProviderCap(p1, SELF);
        staking.setProviderCap(p1, 0);
        vm.stopPrank();
        assertEq(staking.capacityLeft(p1, alice), SELF * 16);
    }

    function test_setProviderCap_revertsForUnknownProvider() public {
        vm.prank(governance);
        vm.expectRevert(errUnknown(p3));
        staking.setProviderCap(p3, 1);
    }

    function test_setProviderCap_revertsWhenTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.setProviderCap(p1, amount);
    }

    function test_setProviderCap_revertsForNonGovernance() public {
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, p1, GOVERNANCE_ROLE
            )
        );
        staking.setProviderCap(p1, 1);
    }

    /*//////////////////////////////////////////////////////////////
                               GLOBAL CAP
    //////////////////////////////////////////////////////////////*/

    function test_setGlobalCap_limitsNewStake() public {
        vm.expectEmit(address(staking));
        emit IStakingEvents.GlobalCapSet(2 * SELF + 5000 ether);
        _setGlobalCap(2 * SELF + 5000 ether);
        (, uint256 cap,,) = staking.totals();
        assertEq(cap, 2 * SELF + 5000 ether);
        assertEq(staking.capacityLeft(p1, alice), 5000 ether);

        give(alice, 6000 ether);
        vm.prank(alice);
        vm.expectRevert(_globalExceeded(6000 ether, 5000 ether));
        staking.delegate(p1, 6000 ether);
        vm.prank(alice);
        staking.delegate(p1, 5000 ether);
        assertEq(staking.capacityLeft(p2, bob), 0);
    }

    function test_setGlobalCap_undelegationFreesRoom() public {
        delegateAs(alice, p1, 5000 ether);
        _setGlobalCap(totalStaked());
        undelegateAs(alice, p1, 2000 ether);
        assertEq(staking.capacityLeft(p2, bob), 2000 ether);
        delegateAs(bob, p2, 2000 ether);
    }

    function test_setGlobalCap_raisingExpandsPool() public {
        _setGlobalCap(2 * SELF);
        assertEq(staking.capacityLeft(p1, alice), 0);
        _setGlobalCap(2 * SELF + 10_000 ether);
        assertEq(staking.capacityLeft(p1, alice), 10_000 ether);
        delegateAs(alice, p1, 10_000 ether);
    }

    function test_setGlobalCap_belowTotalBlocksOnlyNewStake() public {
        delegateAs(alice, p1, 10_000 ether);
        _setGlobalCap(SELF);
        assertEq(staking.capacityLeft(p1, bob), 0);
        undelegateAs(alice, p1, 10_000 ether);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 10_000 ether);
    }

    function test_setGlobalCap_zeroUncaps() public {
        _setGlobalCap(2 * SELF);
        _setGlobalCap(0);
        delegateAs(alice, p1, SELF * 16);
    }

    function test_setGlobalCap_revertsWhenTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.setGlobalCap(amount);
    }

    /*//////////////////////////////////////////////////////////////
                               ALLOTMENTS
    //////////////////////////////////////////////////////////////*/

    function test_setAllotment_reservesPartOfCap() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.AllotmentSet(alice, 6000 ether, 0);
        _setAllotment(alice, 6000 ether);

        (uint256 allotment, uint256 used) = staking.allotmentOf(alice);
        assertEq(allotment, 6000 ether);
        assertEq(used, 0);
        assertEq(unusedAllotments(), 6000 ether);
        assertEq(staking.capacityLeft(p1, bob), 4000 ether, "open remainder excludes unused allotments");
        assertEq(staking.capacityLeft(p1, alice), 10_000 ether, "alice: her allotment plus the open room");
    }

    function test_allotment_holderStakesWhenOpenRoomIsGone() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        delegateAs(bob, p1, 4000 ether); // fills the open remainder
        assertEq(staking.capacityLeft(p1, carol), 0);

        give(carol, 1000 ether);
        vm.prank(carol);
        vm.expectRevert(_globalExceeded(1000 ether, 0));
        staking.delegate(p1, 1000 ether);

        delegateAs(alice, p1, 6000 ether);
        (, uint256 used) = staking.allotmentOf(alice);
        assertEq(used, 6000 ether);
        assertEq(unusedAllotments(), 0);
        assertEq(totalStaked(), 2 * SELF + 10_000 ether);
    }

    function test_allotment_holderBeyondAllotmentUsesOpenRoom() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        delegateAs(alice, p1, 9000 ether); // 6000 from the allotment, 3000 from the open room
        (, uint256 used) = staking.allotmentOf(alice);
        assertEq(used, 6000 ether);
        assertEq(staking.capacityLeft(p1, bob), 1000 ether);

        give(alice, 2000 ether);
        vm.prank(alice);
        vm.expectRevert(_globalExceeded(2000 ether, 1000 ether));
        staking.delegate(p1, 2000 ether);
    }

    function test_allotment_errorReportsOpenPlusUnused() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        give(alice, 10_001 ether);
        vm.prank(alice);
        vm.expectRevert(_globalExceeded(10_001 ether, 10_000 ether));
        staking.delegate(p1, 10_001 ether);
    }

    function test_allotment_restoredOnUndelegate() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        delegateAs(alice, p1, 6000 ether);
        undelegateAs(alice, p1, 2000 ether);
        (, uint256 used) = staking.allotmentOf(alice);
        assertEq(used, 4000 ether);
        assertEq(unusedAllotments(), 2000 ether);
        assertEq(staking.capacityLeft(p1, bob), 4000 ether, "the freed allotment is not open room");
    }

    function test_allotment_redelegateKeepsUsage() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        delegateAs(alice, p1, 6000 ether);
        vm.prank(alice);
        staking.redelegate(p1, p2, 6000 ether);
        (, uint256 used) = staking.allotmentOf(alice);
        assertEq(used, 6000 ether);
    }

    function test_setAllotment_reduceBelowUsed() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        delegateAs(alice, p1, 6000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.AllotmentSet(alice, 2000 ether, 2000 ether);
        _setAllotment(alice, 2000 ether);
        (uint256 allotment, uint256 used) = staking.allotmentOf(alice);
        assertEq(allotment, 2000 ether);
        assertEq(used, 2000 ether);
        assertEq(unusedAllotments(), 0);
    }

    function test_setAllotment_increaseKeepsUsed() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        delegateAs(alice, p1, 5000 ether);
        _setAllotment(alice, 8000 ether);
        (uint256 allotment, uint256 used) = staking.allotmentOf(alice);
        assertEq(allotment, 8000 ether);
        assertEq(used, 5000 ether);
        assertEq(unusedAllotments(), 3000 ether);
    }

    function test_setAllotment_toZeroReleasesReservation() public {
        _setGlobalCap(2 * SELF + 10_000 ether);
        _setAllotment(alice, 6000 ether);
        _setAllotment(alice, 0);
        assertEq(unusedAllotments(), 0);
        assertEq(staking.capacityLeft(p1, bob), 10_000 ether);
    }

    /// @dev Allotments are tracked only while a cap is in force.
    function test_allotment_notTrackedWhileUncapped() public {
        _setAllotment(alice, 6000 ether);
        delegateAs(alice, p1, 6000 ether);
        (, uint256 used) = staking.allotmentOf(alice);
        assertEq(used, 0);
        assertEq(totalStaked(), 2 * SELF + 6000 ether);
    }

    function test_setAllotment_revertsForZeroAddress() public {
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingZeroAddress.selector);
        staking.setAllotment(address(0), 1);
    }

    function test_setAllotment_revertsWhenTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.setAllotment(alice, amount);
    }

    /*//////////////////////////////////////////////////////////////
                              CAPACITY VIEW
    //////////////////////////////////////////////////////////////*/

    function test_capacityLeft_minOfEveryLimit() public {
        assertEq(staking.capacityLeft(p1, alice), SELF * 16);
        vm.prank(governance);
        staking.setProviderCap(p1, SELF + 50_000 ether);
        assertEq(staking.capacityLeft(p1, alice), 50_000 ether);
        _setGlobalCap(2 * SELF + 20_000 ether);
        assertEq(staking.capacityLeft(p1, alice), 20_000 ether);
    }

    function test_capacityLeft_zeroWhenNotActive() public {
        jailAs(p1);
        assertEq(staking.capacityLeft(p1, alice), 0);
        registerProvider(p3, SELF, 0);
        assertEq(staking.capacityLeft(p3, alice), 0);
        assertEq(staking.capacityLeft(makeAddr("nobody"), alice), 0);
    }

    function test_capacityLeft_providerItselfIgnoresRatio() public view {
        assertEq(staking.capacityLeft(p1, p1), type(uint96).max - SELF);
    }
}
