// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
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
    }

    /// @dev Announces `implementation` now and waits until the upgrade may run.
    function _announceAndWait(address implementation) internal {
        _announce(implementation);
        vm.warp(block.timestamp + PROVIDER_UNBONDING + 1);
    }

    function _announce(address implementation) internal {
        vm.prank(governance);
        staking.announceUpgrade(implementation);
    }

    function _expectTooEarly(address implementation, uint256 readyAt) internal {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingUpgradeTooEarly.selector, implementation, readyAt)
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
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        _announceAndWait(address(v2));
        bytes memory before = _snapshot();
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
        _announceAndWait(address(v2));
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

    function test_upgrade_revertsWithoutAnnouncement() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.warp(block.timestamp + 365 days);
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingUpgradeNotAnnounced.selector, address(v2))
        );
        staking.upgradeToAndCall(address(v2), "");
        assertTrue(_implementation() != address(v2));
    }

    function test_upgrade_revertsForAnotherImplementationThanAnnounced() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        AnkrStakingV2Mock other = new AnkrStakingV2Mock(token);
        _announceAndWait(address(v2));
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingUpgradeNotAnnounced.selector, address(other))
        );
        staking.upgradeToAndCall(address(other), "");
    }

    /// @dev Announce, then upgrade one second too early: refused; a second later it runs, and the
    ///      announcement is used up (the same implementation cannot be installed again without one).
    function test_upgrade_revertsUntilMoreThanTheLongestUnbondingPassed() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        uint256 announcedAt = block.timestamp;
        uint256 readyAt = announcedAt + PROVIDER_UNBONDING + 1;
        vm.expectEmit(address(staking));
        emit IStakingEvents.UpgradeAnnounced(address(v2), readyAt);
        _announce(address(v2));
        (address pending, uint256 at, uint256 ready) = staking.pendingUpgrade();
        assertEq(pending, address(v2));
        assertEq(at, announcedAt);
        assertEq(ready, readyAt);

        vm.warp(readyAt - 1);
        _expectTooEarly(address(v2), readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");

        vm.warp(readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
        assertEq(_implementation(), address(v2));
        (pending,,) = staking.pendingUpgrade();
        assertEq(pending, address(0));
    }

    /// @dev A provider that exits the moment an upgrade is announced has its bond back before the
    ///      upgrade can run.
    function test_upgrade_exitAtAnnouncementCompletesFirst() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        _announce(address(v2));
        vm.prank(p1);
        staking.exitProvider();
        (,, uint256 readyAt) = staking.pendingUpgrade();
        assertGt(readyAt, staking.getProvider(p1).selfStakeReleaseAt);
        vm.warp(staking.getProvider(p1).selfStakeReleaseAt);
        uint256 balance = token.balanceOf(p1);
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1), balance + SELF);
        _expectTooEarly(address(v2), readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
    }

    /// @dev Raising the provider unbonding period after the announcement pushes the upgrade back;
    ///      lowering it does not bring the upgrade forward.
    function test_upgrade_waitsTheLongerOfThePeriodAtAnnouncementAndNow() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        uint256 announcedAt = block.timestamp;
        _announce(address(v2));

        Parameters memory p = staking.parameters();
        p.providerUnbondingPeriod = uint32(60 days);
        p.commissionNoticePeriod = uint32(61 days);
        vm.prank(governance);
        staking.setParameters(p);
        (,, uint256 readyAt) = staking.pendingUpgrade();
        assertEq(readyAt, announcedAt + 60 days + 1);
        vm.warp(announcedAt + PROVIDER_UNBONDING + 1);
        _expectTooEarly(address(v2), readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");

        p.providerUnbondingPeriod = uint32(UNBONDING);
        vm.prank(governance);
        staking.setParameters(p);
        (,, readyAt) = staking.pendingUpgrade();
        assertEq(readyAt, announcedAt + PROVIDER_UNBONDING + 1, "the period at the announcement still holds");
        vm.warp(announcedAt + UNBONDING + 1);
        _expectTooEarly(address(v2), readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
    }

    /// @dev Issue 16 review: one governance batch `[setParameters(periods 0), announceUpgrade(v2)]`
    ///      made the upgrade ready a second later, while a provider's bond and a delegator's entry,
    ///      started under the old periods, were still unbonding. The announcement now waits for
    ///      every exit begun under a longer period: both pay out before the upgrade can run.
    function test_upgrade_periodsLoweredBeforeTheAnnouncementWaitForExitsUnderWay() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        vm.prank(p1);
        staking.exitProvider();
        uint256 bondRelease = staking.getProvider(p1).selfStakeReleaseAt;
        (, UnbondingEntry[] memory entries) = staking.unbondingQueue(alice);
        assertLt(entries[0].releaseAt, bondRelease);

        Parameters memory p = staking.parameters();
        p.unbondingPeriod = 0;
        p.providerUnbondingPeriod = 0;
        vm.prank(governance);
        staking.setParameters(p);
        _announce(address(v2));
        (,, uint256 readyAt) = staking.pendingUpgrade();
        assertEq(readyAt, bondRelease + 1);

        vm.warp(bondRelease);
        _expectTooEarly(address(v2), readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(withdrawAs(alice), 10_000 ether);

        vm.warp(readyAt);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");
        assertEq(_implementation(), address(v2));
    }

    /// @dev The wait for exits under way outlives the announcement it held back: after that upgrade,
    ///      an announcement made at once still waits for an exit begun under a longer period.
    function test_upgrade_exitsUnderWayHoldBackEveryLaterAnnouncement() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        AnkrStakingV2Mock v3 = new AnkrStakingV2Mock(token);
        _announce(address(v2));
        Parameters memory p = staking.parameters();
        p.providerUnbondingPeriod = uint32(60 days);
        p.commissionNoticePeriod = uint32(61 days);
        vm.prank(governance);
        staking.setParameters(p);
        vm.prank(p1);
        staking.exitProvider();
        uint256 bondRelease = staking.getProvider(p1).selfStakeReleaseAt;

        p.providerUnbondingPeriod = uint32(PROVIDER_UNBONDING);
        p.commissionNoticePeriod = uint32(NOTICE);
        vm.prank(governance);
        staking.setParameters(p);
        vm.warp(block.timestamp + PROVIDER_UNBONDING + 1);
        vm.prank(governance);
        staking.upgradeToAndCall(address(v2), "");

        _announce(address(v3));
        (,, uint256 readyAt) = staking.pendingUpgrade();
        assertEq(readyAt, bondRelease + 1);
    }

    /// @dev A new announcement restarts the wait; announcing address(0) withdraws it.
    function test_announceUpgrade_replacesAndWithdraws() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(token);
        _announce(address(v2));
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        _announce(address(v2));
        (,, uint256 readyAt) = staking.pendingUpgrade();
        assertEq(readyAt, block.timestamp + PROVIDER_UNBONDING + 1);

        vm.expectEmit(address(staking));
        emit IStakingEvents.UpgradeAnnounced(address(0), 0);
        _announce(address(0));
        (address pending, uint256 at, uint256 ready) = staking.pendingUpgrade();
        assertEq(abi.encode(pending, at, ready), abi.encode(address(0), 0, 0));
        vm.warp(block.timestamp + 365 days);
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingUpgradeNotAnnounced.selector, address(v2))
        );
        staking.upgradeToAndCall(address(v2), "");
    }

    function test_announceUpgrade_revertsForNonGovernance() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, GOVERNANCE_ROLE
            )
        );
        staking.announceUpgrade(address(1));
    }

    function test_upgrade_revertsToNonUUPSImplementation() public {
        NotUUPSMock bad = new NotUUPSMock();
        _announceAndWait(address(bad));
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
