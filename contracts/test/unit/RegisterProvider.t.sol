// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, ProviderView} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract RegisterProviderTest is UnitBase {
    string internal constant URI = "ipfs://provider";

    function test_registerProvider_pendingWithSelfStake() public {
        give(p1, SELF);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderRegistered(p1, SELF, 1500, URI);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Delegated(p1, p1, SELF, SELF, SELF);
        vm.prank(p1);
        staking.registerProvider(SELF, 1500, URI);

        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.Pending));
        assertEq(v.totalStake, SELF);
        assertEq(v.selfStake, SELF);
        assertEq(v.commissionBps, 1500);
        assertEq(v.metadataURI, URI);
        assertEq(stakeOf(p1, p1), SELF);
        assertEq(token.balanceOf(address(staking)), SELF);
        assertEq(token.balanceOf(p1), 0);
        assertEq(totalStaked(), SELF);
        assertEq(staking.scoredProviders().length, 0, "pending is not scored");
    }

    function test_registerProvider_aboveMinimumAndMaxCommission() public {
        give(p1, SELF * 3);
        vm.prank(p1);
        staking.registerProvider(SELF * 3, 3000, URI);
        assertEq(staking.getProvider(p1).selfStake, SELF * 3);
        assertEq(staking.getProvider(p1).commissionBps, 3000);
    }

    function test_registerProvider_revertsWhenAlreadyRegistered() public {
        registerProvider(p1, SELF, 1000);
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingProviderAlreadyRegistered.selector, p1));
        staking.registerProvider(SELF, 1000, URI);
    }

    function test_registerProvider_revertsWhenActiveRegistersAgain() public {
        addProvider(p1, SELF, 1000);
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingProviderAlreadyRegistered.selector, p1));
        staking.registerProvider(SELF, 1000, URI);
    }

    function test_registerProvider_revertsWhenExitedRegistersAgain() public {
        addProvider(p1, SELF, 1000);
        vm.prank(p1);
        staking.exitProvider();
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingProviderAlreadyRegistered.selector, p1));
        staking.registerProvider(SELF, 1000, URI);
    }

    function test_registerProvider_revertsBelowMinSelfStake() public {
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingBelowMinSelfStake.selector, SELF - 1, SELF)
        );
        staking.registerProvider(SELF - 1, 1000, URI);
    }

    function test_registerProvider_revertsWhenCommissionTooHigh() public {
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingCommissionTooHigh.selector, 3001, 3000));
        staking.registerProvider(SELF, 3001, URI);
    }

    function test_registerProvider_revertsWhenAmountTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.registerProvider(amount, 1000, URI);
    }

    function test_registerProvider_revertsWhenPaused() public {
        pauseAll();
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.registerProvider(SELF, 1000, URI);
    }

    function test_registerProvider_revertsWhenGlobalCapExceeded() public {
        vm.prank(governance);
        staking.setGlobalCap(SELF - 1);
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingGlobalCapExceeded.selector, SELF, SELF - 1)
        );
        staking.registerProvider(SELF, 1000, URI);
    }

    function test_registerProvider_usesAllotmentUnderGlobalCap() public {
        vm.startPrank(governance);
        staking.setGlobalCap(SELF);
        staking.setAllotment(p1, SELF);
        vm.stopPrank();
        registerProvider(p1, SELF, 1000);
        (uint256 allotment, uint256 used) = staking.allotmentOf(p1);
        assertEq(allotment, SELF);
        assertEq(used, SELF);
        assertEq(unusedAllotments(), 0);
    }

    function test_registerProvider_revertsWithoutAllowance() public {
        token.transfer(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, SELF
            )
        );
        staking.registerProvider(SELF, 1000, URI);
    }

    function test_registerProvider_pendingAcceptsNoDelegation() public {
        registerProvider(p1, SELF, 1000);
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Pending));
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_registerProvider_pendingCanTopUpOwnBond() public {
        registerProvider(p1, SELF, 1000);
        give(p1, 1 ether);
        vm.prank(p1);
        staking.delegate(p1, 1 ether);
        assertEq(staking.getProvider(p1).selfStake, SELF + 1 ether);
        assertEq(totalStaked(), SELF + 1 ether);
    }

    function test_registerProvider_pendingEarnsNothing() public {
        registerProvider(p1, SELF, 1000);
        addProvider(p2, SELF, 1000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).rewardRate, 0);
        assertGt(staking.getProvider(p2).rewardRate, 0);
    }

    function test_setMetadataURI_replacesURI() public {
        registerProvider(p1, SELF, 1000);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderMetadataUpdated(p1, "https://new");
        vm.prank(p1);
        staking.setMetadataURI("https://new");
        assertEq(staking.getProvider(p1).metadataURI, "https://new");
    }

    function test_setMetadataURI_revertsForUnknownProvider() public {
        vm.prank(stranger);
        vm.expectRevert(errUnknown(stranger));
        staking.setMetadataURI("x");
    }

    function test_setMetadataURI_revertsWhenExited() public {
        addProvider(p1, SELF, 1000);
        vm.prank(p1);
        staking.exitProvider();
        vm.prank(p1);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Exited));
        staking.setMetadataURI("x");
    }
}
