// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {Parameters, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {AnkrStakingV2Mock, NotUUPSMock} from "../mocks/AnkrStakingV2Mock.sol";
import {UnitBase} from "./UnitBase.sol";

contract UpgradeTest is UnitBase {
    bytes32 internal constant IMPLEMENTATION_SLOT =
        0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + 2 days);
        undelegateAs(alice, p1, 10_000 ether);
        vm.prank(governance);
        staking.setGlobalCap(10_000_000 ether);
        vm.prank(governance);
        staking.setAllotment(bob, 5000 ether);
        // `governance` stands for the upgrade timelock: it answers getMinDelay() above the unbonding.
        _mockDelay(UPGRADE_DELAY);
    }

    uint256 internal constant UPGRADE_DELAY = 30 days;

    function _mockDelay(uint256 delay) internal {
        vm.mockCall(governance, abi.encodeWithSignature("getMinDelay()"), abi.encode(delay));
    }

    function _expectDelayTooShort(uint256 delay) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingUpgradeDelayTooShort.selector,
                delay,
                staking.parameters().providerUnbondingPeriod
            )
        );
    }

    function _implementation() internal view returns (address) {
        return address(uint160(uint256(vm.load(address(staking), IMPLEMENTATION_SLOT))));
    }

    /// @dev Everything a client reads, in one blob, to compare before and after an upgrade.
    function _snapshot() internal view returns (bytes memory) {
        (uint256 aliceStake, uint256 alicePending) = staking.getDelegation(p1, alice);
        (uint256 first, UnbondingEntry[] memory entries) = staking.unbondingQueue(alice);
        (uint256 t0, uint256 t1, uint256 t2, uint256 t3) = staking.totals();
        (uint256 allotment, uint256 used) = staking.allotmentOf(bob);
        return bytes.concat(
            abi.encode(staking.getProvider(p1), aliceStake, alicePending, first, entries),
            abi.encode(t0, t1, t2, t3, staking.parameters(), allotment, used),
            abi.encode(token.balanceOf(address(staking)), nextEpochToSettle(), staking.scoredProviders())
        );
    }

    function test_upgrade_byGovernanceKeepsState() public {
        bytes memory before = _snapshot();
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.expectEmit(address(staking));
        emit IERC1967.Upgraded(address(v2));
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");

        assertEq(_implementation(), address(v2));
        assertEq(AnkrStakingV2Mock(address(staking)).version(), "2");
        assertEq(_snapshot(), before);
        assertTrue(staking.hasRole(GOVERNANCE_ROLE, governance));
    }

    function test_upgrade_positionsKeepWorkingAfterwards() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");

        vm.warp(block.timestamp + epochLength);
        uint256 pending = staking.pendingRewards(p1, alice);
        assertGt(pending, 0);
        assertEq(claimAs(alice, p1), pending);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 10_000 ether);
        delegateAs(bob, p1, 5000 ether);
        (, uint256 used) = staking.allotmentOf(bob);
        assertEq(used, 5000 ether);
        settleNext(10_000);
        assertEq(nextEpochToSettle(), 2);
    }

    function test_upgrade_revertsForNonUpgrader() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, UPGRADER_ROLE
            )
        );
        staking.upgradeToAndCall(address(v2), "");
        assertTrue(_implementation() != address(v2));
    }

    function test_upgrade_revertsWhenDelayNotAboveUnbonding() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        uint256 longest = staking.parameters().providerUnbondingPeriod;
        _mockDelay(longest);
        _expectDelayTooShort(longest);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
        assertTrue(_implementation() != address(v2));

        _mockDelay(longest + 1);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
        assertEq(_implementation(), address(v2));
    }

    function test_upgrade_revertsFromCallerWithoutDelay() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.clearMockedCalls();
        _expectDelayTooShort(0);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
    }

    function test_upgrade_revertsAfterUnbondingRaisedPastDelay() public {
        Parameters memory p = staking.parameters();
        p.providerUnbondingPeriod = uint32(UPGRADE_DELAY);
        p.commissionNoticePeriod = uint32(UPGRADE_DELAY + 1);
        vm.prank(governance);
        staking.setParameters(p);

        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        _expectDelayTooShort(UPGRADE_DELAY);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
    }

    function test_upgrade_revertsToNonUUPSImplementation() public {
        NotUUPSMock bad = new NotUUPSMock();
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(ERC1967Utils.ERC1967InvalidImplementation.selector, address(bad))
        );
        staking.upgradeToAndCall(address(bad), "");
    }

    function test_upgrade_revertsOnImplementationDirectly() public {
        AnkrStaking implementation = AnkrStaking(_implementation());
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.prank(governance);
        vm.expectRevert(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector);
        implementation.upgradeToAndCall(address(v2), "");
    }

    function test_upgrade_proxiableUUID() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        assertEq(v2.proxiableUUID(), IMPLEMENTATION_SLOT);
        vm.expectRevert(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector);
        staking.proxiableUUID();
    }
}
