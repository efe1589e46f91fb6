// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RewardVault} from "../../src/RewardVault.sol";
import {IRewardVault} from "../../src/interfaces/IRewardVault.sol";
import {UnitBase} from "./UnitBase.sol";

contract RewardVaultTest is UnitBase {
    uint256 internal constant FUNDED = 100_000_000 ether;

    function test_constructor_setsTokenAndAdmin() public view {
        assertEq(vault.token(), address(token));
        assertEq(vault.staking(), address(staking));
        assertTrue(vault.hasRole(vault.DEFAULT_ADMIN_ROLE(), governance));
        assertEq(vault.balance(), FUNDED);
    }

    function test_constructor_revertsOnZeroToken() public {
        vm.expectRevert(IRewardVault.RewardVaultZeroAddress.selector);
        new RewardVault(IERC20(address(0)), governance);
    }

    function test_constructor_revertsOnZeroAdmin() public {
        vm.expectRevert(IRewardVault.RewardVaultZeroAddress.selector);
        new RewardVault(token, address(0));
    }

    function test_fund_pullsTokens() public {
        give(alice, 500 ether);
        vm.prank(alice);
        token.approve(address(vault), 500 ether);
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultFunded(alice, 500 ether, FUNDED + 500 ether);
        vm.prank(alice);
        vault.fund(500 ether);
        assertEq(vault.balance(), FUNDED + 500 ether);
        assertEq(token.balanceOf(alice), 0);
    }

    function test_fund_revertsOnZeroAmount() public {
        vm.expectRevert(IRewardVault.RewardVaultZeroAmount.selector);
        vault.fund(0);
    }

    function test_release_onlyStaking() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRewardVault.RewardVaultOnlyStaking.selector, stranger));
        vault.release(1);
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IRewardVault.RewardVaultOnlyStaking.selector, governance));
        vault.release(1);
    }

    function test_release_sendsToStaking() public {
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultReleased(1000 ether, FUNDED - 1000 ether);
        vm.prank(address(staking));
        assertEq(vault.release(1000 ether), 1000 ether);
        assertEq(token.balanceOf(address(staking)), 1000 ether);
    }

    function test_release_capsAtBalance() public {
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultReleased(FUNDED, 0);
        vm.prank(address(staking));
        assertEq(vault.release(FUNDED + 1), FUNDED);
        vm.prank(address(staking));
        assertEq(vault.release(1), 0);
    }

    function test_setStaking_byAdmin() public {
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultStakingSet(alice);
        vm.prank(governance);
        vault.setStaking(alice);
        assertEq(vault.staking(), alice);
        vm.prank(alice);
        vault.release(1);
        vm.prank(address(staking));
        vm.expectRevert(
            abi.encodeWithSelector(IRewardVault.RewardVaultOnlyStaking.selector, address(staking))
        );
        vault.release(1);
    }

    function test_setStaking_revertsOnZeroAddress() public {
        vm.prank(governance);
        vm.expectRevert(IRewardVault.RewardVaultZeroAddress.selector);
        vault.setStaking(address(0));
    }

    function test_setStaking_revertsForNonAdmin() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, bytes32(0)
            )
        );
        vault.setStaking(stranger);
    }

    function test_withdraw_byAdmin() public {
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultWithdrawn(alice, 1000 ether, FUNDED - 1000 ether);
        vm.prank(governance);
        vault.withdraw(alice, 1000 ether);
        assertEq(token.balanceOf(alice), 1000 ether);
    }

    function test_withdraw_revertsForNonAdmin() public {
        vm.prank(address(staking));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(staking), bytes32(0)
            )
        );
        vault.withdraw(stranger, 1);
    }

    function test_withdraw_revertsOnZeroAddress() public {
        vm.prank(governance);
        vm.expectRevert(IRewardVault.RewardVaultZeroAddress.selector);
        vault.withdraw(address(0), 1);
    }

    function test_withdraw_revertsOnZeroAmount() public {
        vm.prank(governance);
        vm.expectRevert(IRewardVault.RewardVaultZeroAmount.selector);
        vault.withdraw(alice, 0);
    }

    /// @dev Slashed self-stake is funded into the vault and paid out as future rewards.
    function test_vault_receivesSlashes() public {
        addProvider(p1, SELF, 0);
        vm.prank(governance);
        staking.slash(p1, 1 ether);
        assertEq(vault.balance(), FUNDED + 1 ether);
    }
}
