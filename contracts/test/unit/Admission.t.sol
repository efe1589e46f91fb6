// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract AdmissionTest is UnitBase {
    function test_admitProvider_activatesAndScores() public {
        registerProvider(p1, SELF, 1000);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderAdmitted(p1);
        vm.prank(governance);
        staking.admitProvider(p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));
        address[] memory scored = staking.scoredProviders();
        assertEq(scored.length, 1);
        assertEq(scored[0], p1);
    }

    function test_admitProvider_acceptsDelegationsAfterwards() public {
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, MIN_DELEGATION);
        assertEq(stakeOf(p1, alice), MIN_DELEGATION);
    }

    function test_admitProvider_revertsForUnknownProvider() public {
        vm.prank(governance);
        vm.expectRevert(errUnknown(p1));
        staking.admitProvider(p1);
    }

    function test_admitProvider_revertsWhenAlreadyActive() public {
        addProvider(p1, SELF, 1000);
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Active));
        staking.admitProvider(p1);
    }

    function test_admitProvider_revertsWhenJailed() public {
        addProvider(p1, SELF, 1000);
        jailAs(p1);
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Jailed));
        staking.admitProvider(p1);
    }

    function test_admitProvider_revertsWhenExited() public {
        registerProvider(p1, SELF, 1000);
        vm.prank(governance);
        staking.removeProvider(p1);
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Exited));
        staking.admitProvider(p1);
    }

    function test_admitProvider_revertsForNonGovernance() public {
        registerProvider(p1, SELF, 1000);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, GOVERNANCE_ROLE
            )
        );
        staking.admitProvider(p1);
    }

    /// @dev Time spent Pending earns no weight: a provider admitted half-way through the epoch gets
    ///      half the weight of one admitted at genesis with the same stake.
    function test_admitProvider_windowStartsAtAdmission() public {
        addProvider(p1, SELF, 0);
        registerProvider(p2, SELF, 0);
        vm.warp(genesis + epochLength / 2);
        vm.prank(governance);
        staking.admitProvider(p2);
        settleNext(10_000);

        uint256 w1 = SELF * epochLength * BPS;
        uint256 w2 = SELF * (epochLength / 2) * BPS;
        uint256 r1 = REWARD * w1 / (w1 + w2);
        uint256 r2 = REWARD * w2 / (w1 + w2);
        assertEq(staking.getProvider(p1).rewardRate, r1 / epochLength);
        assertEq(staking.getProvider(p2).rewardRate, r2 / epochLength);
    }
}
