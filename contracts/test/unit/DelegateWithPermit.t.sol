// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {RewardVault} from "../../src/RewardVault.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {ReentrantToken} from "../mocks/ReentrantToken.sol";
import {UnitBase} from "./UnitBase.sol";

contract DelegateWithPermitTest is UnitBase {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    address internal signer;
    uint256 internal signerKey;

    function setUp() public override {
        super.setUp();
        (signer, signerKey) = makeAddrAndKey("signer");
        addProvider(p1, SELF, 1000);
        token.transfer(signer, 10_000 ether);
    }

    function _sign(uint256 key, address owner, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, token.nonces(owner), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(key, digest);
    }

    function test_delegateWithPermit_delegatesWithoutPriorApproval() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(signerKey, signer, address(staking), 5000 ether, deadline);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Delegated(signer, p1, 5000 ether, 5000 ether, SELF + 5000 ether);
        vm.prank(signer);
        staking.delegateWithPermit(p1, 5000 ether, deadline, v, r, s);

        assertEq(stakeOf(p1, signer), 5000 ether);
        assertEq(token.balanceOf(signer), 5000 ether);
        assertEq(token.nonces(signer), 1);
        assertEq(token.allowance(signer, address(staking)), 0);
    }

    function test_delegateWithPermit_atExactDeadline() public {
        uint256 deadline = block.timestamp;
        (uint8 v, bytes32 r, bytes32 s) = _sign(signerKey, signer, address(staking), 5000 ether, deadline);
        vm.prank(signer);
        staking.delegateWithPermit(p1, 5000 ether, deadline, v, r, s);
        assertEq(stakeOf(p1, signer), 5000 ether);
    }

    function test_delegateWithPermit_revertsPastDeadline() public {
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _sign(signerKey, signer, address(staking), 5000 ether, deadline);
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingPermitExpired.selector, deadline));
        staking.delegateWithPermit(p1, 5000 ether, deadline, v, r, s);
    }

    /// @dev Someone submits the permit first: the signature is spent, but the allowance is there.
    function test_delegateWithPermit_frontRunPermitDoesNotBlock() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(signerKey, signer, address(staking), 5000 ether, deadline);
        vm.prank(stranger);
        token.permit(signer, address(staking), 5000 ether, deadline, v, r, s);

        vm.prank(signer);
        staking.delegateWithPermit(p1, 5000 ether, deadline, v, r, s);
        assertEq(stakeOf(p1, signer), 5000 ether);
    }

    function test_delegateWithPermit_invalidSignatureFallsBackToAllowance() public {
        vm.prank(signer);
        token.approve(address(staking), 5000 ether);
        (uint8 v, bytes32 r, bytes32 s) = _sign(1234, signer, address(staking), 5000 ether, block.timestamp);
        vm.prank(signer);
        staking.delegateWithPermit(p1, 5000 ether, block.timestamp, v, r, s);
        assertEq(stakeOf(p1, signer), 5000 ether);
        assertEq(token.nonces(signer), 0);
    }

    function test_delegateWithPermit_revertsWithInvalidSignatureAndNoAllowance() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(1234, signer, address(staking), 5000 ether, block.timestamp);
        vm.prank(signer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, 5000 ether
            )
        );
        staking.delegateWithPermit(p1, 5000 ether, block.timestamp, v, r, s);
    }

    /// @dev A permit signed by the owner for another caller is not usable by that caller.
    function test_delegateWithPermit_cannotUseSomeoneElsesPermit() public {
        (uint8 v, bytes32 r, bytes32 s) =
            _sign(signerKey, signer, address(staking), 5000 ether, block.timestamp);
        give(stranger, 0);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, stranger, 0, 5000 ether)
        );
        staking.delegateWithPermit(p1, 5000 ether, block.timestamp, v, r, s);
        assertEq(token.nonces(signer), 0);
    }

    function test_delegateWithPermit_revertsWhenPaused() public {
        pauseAll();
        (uint8 v, bytes32 r, bytes32 s) =
            _sign(signerKey, signer, address(staking), 5000 ether, block.timestamp);
        vm.prank(signer);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.delegateWithPermit(p1, 5000 ether, block.timestamp, v, r, s);
    }

    function test_delegateWithPermit_revertsOnZeroAmount() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(signerKey, signer, address(staking), 0, block.timestamp);
        vm.prank(signer);
        vm.expectRevert(IStakingErrors.StakingZeroAmount.selector);
        staking.delegateWithPermit(p1, 0, block.timestamp, v, r, s);
    }

    function test_delegateWithPermit_revertsBelowMinDelegation() public {
        (uint8 v, bytes32 r, bytes32 s) = _sign(signerKey, signer, address(staking), 1 ether, block.timestamp);
        vm.prank(signer);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingBelowMinDelegation.selector, 1 ether, MIN_DELEGATION)
        );
        staking.delegateWithPermit(p1, 1 ether, block.timestamp, v, r, s);
    }

    function test_delegateWithPermit_revertsWhenProviderNotActive() public {
        jailAs(p1);
        (uint8 v, bytes32 r, bytes32 s) =
            _sign(signerKey, signer, address(staking), 5000 ether, block.timestamp);
        vm.prank(signer);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Jailed));
        staking.delegateWithPermit(p1, 5000 ether, block.timestamp, v, r, s);
    }

    /// @dev Mainnet ANKR has no permit: the failed permit call is ignored and the allowance is used.
    function test_delegateWithPermit_tokenWithoutPermitUsesAllowance() public {
        ReentrantToken plain = new ReentrantToken(address(this), 1_000_000_000 ether);
        RewardVault plainVault = new RewardVault(IERC20(address(plain)), governance);
        AnkrStaking s2 = deployStaking(IERC20(address(plain)), plainVault, params);
        plain.transfer(p1, SELF);
        vm.startPrank(p1);
        plain.approve(address(s2), SELF);
        s2.registerProvider(SELF, 0, "");
        vm.stopPrank();
        vm.prank(governance);
        s2.admitProvider(p1);

        plain.transfer(alice, 5000 ether);
        vm.prank(alice);
        plain.approve(address(s2), 5000 ether);
        vm.prank(alice);
        s2.delegateWithPermit(p1, 5000 ether, block.timestamp, 27, bytes32(0), bytes32(0));
        (uint256 stake,) = s2.getDelegation(p1, alice);
        assertEq(stake, 5000 ether);
    }
}
