// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, ProviderView} from "../../src/interfaces/IStakingTypes.sol";
import {ProviderSettlement} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract JailUnjailTest is UnitBase {
    uint256 internal constant L = 604_800;

    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        delegateAs(alice, p1, 10_000 ether);
    }

    function _unjail(address who, address provider) internal {
        vm.prank(who);
        staking.unjail(provider);
    }

    /*//////////////////////////////////////////////////////////////
                                  JAIL
    //////////////////////////////////////////////////////////////*/

    function test_jail_byGovernance() public {
        vm.warp(genesis + 3 days);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderJailed(p1, 0, true);
        jailAs(p1);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.Jailed));
        assertEq(v.jailedAt, block.timestamp);
        assertEq(v.lowScoreStreak, params.jailAfterEpochs, "a self-unjail then needs a passing score");
        assertEq(staking.scoredProviders().length, 2, "jailed providers stay in the settlement set");
    }

    function test_jail_revertsWhenNotActive() public {
        jailAs(p1);
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Jailed));
        staking.jail(p1);
    }

    function test_jail_revertsWhenPending() public {
        registerProvider(p3, SELF, 0);
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p3, ProviderStatus.Pending));
        staking.jail(p3);
    }

    function test_jail_revertsForUnknownProvider() public {
        vm.prank(governance);
        vm.expectRevert(errUnknown(p3));
        staking.jail(p3);
    }

    function test_jail_revertsForNonGovernance() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, GOVERNANCE_ROLE
            )
        );
        staking.jail(p1);
    }

    /// @dev Three consecutive settlements below 50% jail at the third; the epoch's reward is still paid.
    function test_settleEpoch_jailsAfterLowScoreStreak() public {
        settleTwo(p1, 4999, p2, 10_000);
        assertEq(staking.getProvider(p1).lowScoreStreak, 1);
        settleTwo(p1, 0, p2, 10_000);
        assertEq(staking.getProvider(p1).lowScoreStreak, 2);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));

        vm.warp(epochEnd(2));
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderJailed(p1, 2, false);
        settleTwo(p1, 1000, p2, 10_000);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.Jailed));
        assertEq(v.lowScoreStreak, 3);
        assertEq(v.jailedAt, epochEnd(2));
        assertEq(v.lastScoreBps, 1000);
    }

    function test_settleEpoch_passingScoreResetsStreak() public {
        settleTwo(p1, 0, p2, 10_000);
        settleTwo(p1, 0, p2, 10_000);
        settleTwo(p1, 5000, p2, 10_000); // exactly the threshold passes
        assertEq(staking.getProvider(p1).lowScoreStreak, 0);
        settleTwo(p1, 0, p2, 10_000);
        settleTwo(p1, 0, p2, 10_000);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));
    }

    function test_jailed_earnsNothingAtSettlement() public {
        jailAs(p1);
        settleTwo(p1, 10_000, p2, 10_000);
        assertEq(staking.getProvider(p1).rewardRate, 0);
        assertEq(staking.getProvider(p2).rewardRate, REWARD / L);
    }

    function test_jailed_acceptsNoDelegation() public {
        jailAs(p1);
        give(bob, MIN_DELEGATION);
        vm.prank(bob);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Jailed));
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_jailed_providerCanTopUpBond() public {
        jailAs(p1);
        give(p1, 1000 ether);
        vm.prank(p1);
        staking.delegate(p1, 1000 ether);
        assertEq(staking.getProvider(p1).selfStake, SELF + 1000 ether);
    }

    /// @dev Rewards settled before the jail keep streaming to the pool.
    function test_jailed_existingStreamKeepsPaying() public {
        settleTwo(p1, 10_000, p2, 10_000);
        jailAs(p1);
        vm.warp(block.timestamp + L);
        assertGt(staking.pendingRewards(p1, alice), 0);
        claimAs(alice, p1);
    }

    /*//////////////////////////////////////////////////////////////
                                 UNJAIL
    //////////////////////////////////////////////////////////////*/

    function test_unjail_byGovernanceAtOnce() public {
        jailAs(p1);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderUnjailed(p1, true);
        _unjail(governance, p1);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.Active));
        assertEq(v.lowScoreStreak, 0);
    }

    function test_unjail_byProviderAfterCooldownAndPassingScore() public {
        jailAs(p1);
        settleTwo(p1, 5000, p2, 10_000);
        vm.warp(genesis + COOLDOWN);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderUnjailed(p1, false);
        _unjail(p1, p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));
    }

    function test_unjail_revertsDuringCooldown() public {
        vm.warp(genesis + 1 days);
        jailAs(p1);
        settleTwo(p1, 10_000, p2, 10_000); // at genesis + 7 days
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingJailCooldown.selector, genesis + 8 days));
        staking.unjail(p1);
    }

    function test_unjail_revertsWithoutPassingScore() public {
        jailAs(p1);
        settleTwo(p1, 4999, p2, 10_000);
        vm.warp(genesis + COOLDOWN + 1 days);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingScoreBelowThreshold.selector, 4999, 5000)
        );
        staking.unjail(p1);
    }

    function test_unjail_revertsBeforeAnySettlementAfterGovernanceJail() public {
        jailAs(p1);
        vm.warp(genesis + COOLDOWN);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingScoreBelowThreshold.selector, 0, 5000));
        staking.unjail(p1);
    }

    function test_unjail_revertsWhenAutoJailedWithoutRecovery() public {
        settleTwo(p1, 0, p2, 10_000);
        settleTwo(p1, 0, p2, 10_000);
        settleTwo(p1, 0, p2, 10_000); // jailed at epochEnd(2)
        vm.warp(epochEnd(2) + COOLDOWN);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingScoreBelowThreshold.selector, 0, 5000));
        staking.unjail(p1);
        settleTwo(p1, 9000, p2, 10_000); // epoch 3 at epochEnd(3) = jailedAt + cooldown
        _unjail(p1, p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));
    }

    function test_unjail_revertsBelowMinSelfStake() public {
        vm.prank(governance);
        staking.slash(p1, 10_000 ether); // 90k left: jailed
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Jailed));
        settleTwo(p1, 10_000, p2, 10_000);
        vm.warp(genesis + COOLDOWN);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingBelowMinSelfStake.selector, 90_000 ether, SELF)
        );
        staking.unjail(p1);

        give(p1, 10_000 ether);
        vm.prank(p1);
        staking.delegate(p1, 10_000 ether);
        _unjail(p1, p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));
    }

    function test_unjail_revertsForOtherAccounts() public {
        jailAs(p1);
        vm.prank(p2);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, p2, GOVERNANCE_ROLE
            )
        );
        staking.unjail(p1);
    }

    function test_unjail_revertsWhenNotJailed() public {
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Active));
        staking.unjail(p1);
        vm.prank(p1);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Active));
        staking.unjail(p1);
    }

    function test_unjail_revertsForUnknownProvider() public {
        vm.prank(governance);
        vm.expectRevert(errUnknown(p3));
        staking.unjail(p3);
    }

    /// @dev Time spent jailed earns no weight: after an unjail half-way, the window restarts.
    function test_unjail_restartsWindow() public {
        jailAs(p1);
        vm.warp(genesis + L / 2);
        _unjail(governance, p1);
        vm.warp(epochEnd(0));
        uint256 stakeSeconds = (SELF + 10_000 ether) * (L / 2);
        vm.recordLogs();
        settleTwo(p1, 10_000, p2, 10_000);
        ProviderSettlement memory settled = settlementIn(vm.getRecordedLogs(), p1);
        assertEq(settled.stakeSeconds, stakeSeconds, "window starts at unjailing");
        assertEq(settled.reward, REWARD * stakeSeconds / (stakeSeconds + SELF * L));
    }
}
