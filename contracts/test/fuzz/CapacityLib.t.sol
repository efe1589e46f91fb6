// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {CapacityLib} from "../../src/libraries/CapacityLib.sol";
import {ProtocolFuzzBase} from "./utils/ProtocolFuzzBase.sol";

/// @notice Properties of the capacity arithmetic: a room is exactly what takes a figure up to its
///         limit, zero at or past the limit, and unlimited when the limit is switched off.
contract CapacityLibFuzzTest is Test {
    uint256 internal constant UNLIMITED = type(uint256).max;

    function test_fuzz_delegationRoom_fillsToRatio(uint96 selfStake, uint96 delegated, uint16 ratio)
        public
        pure
    {
        uint256 total = uint256(selfStake) + delegated;
        uint256 room = CapacityLib.delegationRoom(total, selfStake, ratio);
        if (ratio == 0) {
            assertEq(room, UNLIMITED, "ratio 0 must be uncapped");
            return;
        }
        uint256 maxDelegated = uint256(selfStake) * ratio;
        if (delegated >= maxDelegated) {
            assertEq(room, 0, "room past the ratio");
        } else {
            assertEq(delegated + room, maxDelegated, "room does not reach the ratio exactly");
        }
    }

    /// @dev Taking the room never breaks the ratio, and one more wei would.
    function test_fuzz_delegationRoom_isTight(uint96 selfStake, uint96 delegated, uint16 ratio, uint256 take)
        public
        pure
    {
        ratio = uint16(bound(ratio, 1, type(uint16).max));
        uint256 total = uint256(selfStake) + delegated;
        uint256 room = CapacityLib.delegationRoom(total, selfStake, ratio);
        take = bound(take, 0, room);
        if (room != 0) {
            assertLe(uint256(delegated) + take, uint256(selfStake) * ratio, "room breaks the ratio");
        }
        assertEq(CapacityLib.delegationRoom(total + room, selfStake, ratio), 0, "room left after filling it");
    }

    function test_fuzz_capRoom(uint96 totalStake, uint96 maxStake) public pure {
        uint256 room = CapacityLib.capRoom(totalStake, maxStake);
        if (maxStake == 0) assertEq(room, UNLIMITED);
        else if (totalStake >= maxStake) assertEq(room, 0);
        else assertEq(uint256(totalStake) + room, maxStake);
    }

    function test_fuzz_openRoom(uint96 globalCap, uint96 totalStaked, uint96 unusedAllotments) public pure {
        uint256 room = CapacityLib.openRoom(globalCap, totalStaked, unusedAllotments);
        uint256 taken = uint256(totalStaked) + unusedAllotments;
        if (globalCap == 0) assertEq(room, UNLIMITED);
        else if (taken >= globalCap) assertEq(room, 0);
        else assertEq(taken + room, globalCap, "open room does not reach the cap exactly");
    }

    /// @dev Unused allotments always come out of the open room, never on top of the cap.
    function test_fuzz_openRoom_allotmentsShrinkOpenRoom(
        uint96 globalCap,
        uint96 totalStaked,
        uint96 a,
        uint96 b
    ) public pure {
        vm.assume(globalCap != 0);
        if (a > b) (a, b) = (b, a);
        assertGe(
            CapacityLib.openRoom(globalCap, totalStaked, a), CapacityLib.openRoom(globalCap, totalStaked, b)
        );
    }

    /// @dev Rooms are below 2^97 (96-bit amounts) unless unlimited, which absorbs the other.
    function test_fuzz_add(uint256 a, uint256 b, bool aUnlimited, bool bUnlimited) public pure {
        a = aUnlimited ? UNLIMITED : bound(a, 0, uint256(type(uint96).max) * 2);
        b = bUnlimited ? UNLIMITED : bound(b, 0, uint256(type(uint96).max) * 2);
        uint256 sum = CapacityLib.add(a, b);
        if (aUnlimited || bUnlimited) assertEq(sum, UNLIMITED);
        else assertEq(sum, a + b);
    }

    function test_fuzz_min(uint256 a, uint256 b) public pure {
        uint256 m = CapacityLib.min(a, b);
        assertLe(m, a);
        assertLe(m, b);
        assertTrue(m == a || m == b);
    }
}

/// @notice `capacityLeft` is exact at the protocol level: delegating it succeeds and one more wei
///         fails, under the delegation ratio, a provider cap, and a global cap with allotments.
contract CapacityProtocolFuzzTest is ProtocolFuzzBase {
    address internal provider = makeAddr("provider");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function test_fuzz_capacityLeft_isExact(
        uint256 self,
        uint256 existing,
        uint256 providerCap,
        uint256 globalCap,
        uint256 allotment,
        uint256 bobAllotment
    ) public {
        self = bound(self, params.minSelfStake, 10_000_000 ether);
        existing = bound(existing, params.minDelegation, self * params.delegationRatio);
        addProvider(provider, self, 0);
        delegateAs(bob, provider, existing);
        uint256 total = self + existing;
        // Caps from none to a little above what is staked.
        providerCap = providerCap % 4 == 0 ? 0 : bound(providerCap, total / 2, total * 2);
        globalCap = globalCap % 3 == 0 ? 0 : bound(globalCap, total / 2, total * 2);
        vm.startPrank(governance);
        staking.setProviderCap(provider, providerCap);
        staking.setGlobalCap(globalCap);
        staking.setAllotment(alice, bound(allotment, 0, total));
        staking.setAllotment(bob, bound(bobAllotment, 0, total));
        vm.stopPrank();

        uint256 room = staking.capacityLeft(provider, alice);
        give(alice, room + 1);
        if (room >= params.minDelegation) {
            uint256 snap = vm.snapshotState();
            vm.prank(alice);
            staking.delegate(provider, room);
            vm.revertToState(snap);
        }
        if (room + 1 >= params.minDelegation) {
            vm.prank(alice);
            vm.expectRevert();
            staking.delegate(provider, room + 1);
        }
    }
}
