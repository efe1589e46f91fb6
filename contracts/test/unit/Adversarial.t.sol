// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {RewardVault} from "../../src/RewardVault.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {ReentrantToken} from "../mocks/ReentrantToken.sol";
import {UnitBase} from "./UnitBase.sol";

/*//////////////////////////////////////////////////////////////
                         REENTRANT TOKEN
//////////////////////////////////////////////////////////////*/

/// @dev A separate staking proxy over a token that calls back into staking from inside every
///      transfer: each re-entry into a guarded function must revert with ReentrancyGuardReentrantCall,
///      and anything else it can reach must be harmless.
contract AdversarialReentrancyTest is UnitBase {
    ReentrantToken internal rtoken;
    RewardVault internal rvault;
    AnkrStaking internal rs;

    function setUp() public override {
        super.setUp();
        rtoken = new ReentrantToken(address(this), 1_000_000_000 ether);
        rvault = new RewardVault(IERC20(address(rtoken)), governance);
        rs = deployStaking(IERC20(address(rtoken)), rvault, params);
        vm.prank(governance);
        rvault.setStaking(address(rs));
        rtoken.approve(address(rvault), 100_000_000 ether);
        rvault.fund(100_000_000 ether);

        _rgive(p1, SELF);
        vm.prank(p1);
        rs.registerProvider(SELF, 1000, "");
        vm.prank(governance);
        rs.admitProvider(p1);
        _rgive(alice, 10_000 ether);
        vm.prank(alice);
        rs.delegate(p1, 10_000 ether);
    }

    function _rgive(address account, uint256 amount) internal {
        rtoken.transfer(account, amount);
        vm.prank(account);
        rtoken.approve(address(rs), type(uint256).max);
    }

    function _settle() internal {
        (,,, uint256 epoch) = rs.epochClock();
        uint256 end = genesis + (epoch + 1) * epochLength;
        if (block.timestamp < end) vm.warp(end);
        address[] memory ps = rs.scoredProviders();
        uint16[] memory ss = new uint16[](ps.length);
        for (uint256 i; i < ss.length; ++i) {
            ss[i] = 10_000;
        }
        vm.prank(governance);
        rs.settleEpoch(epoch, ps, ss);
    }

    function _arm(bytes memory data) internal {
        rtoken.arm(address(rs), data, true);
    }

    function _expectReentrancy() internal {
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
    }

    function test_reentrancy_delegate() public {
        _rgive(bob, 2000 ether);
        _arm(abi.encodeCall(AnkrStaking.delegate, (p1, 1000 ether)));
        vm.prank(bob);
        _expectReentrancy();
        rs.delegate(p1, 1000 ether);

        rtoken.disarm();
        vm.prank(bob);
        rs.delegate(p1, 1000 ether);
        (uint256 stake,) = rs.getDelegation(p1, bob);
        assertEq(stake, 1000 ether);
    }

    function test_reentrancy_withdraw() public {
        vm.prank(alice);
        rs.undelegate(p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING);
        _arm(abi.encodeCall(AnkrStaking.withdraw, ()));
        vm.prank(alice);
        _expectReentrancy();
        rs.withdraw();

        rtoken.disarm();
        vm.prank(alice);
        assertEq(rs.withdraw(), 4000 ether);
        assertEq(rtoken.balanceOf(alice), 4000 ether, "paid exactly once");
    }

    function test_reentrancy_undelegateFromWithdraw() public {
        vm.prank(alice);
        rs.undelegate(p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING);
        _arm(abi.encodeCall(AnkrStaking.undelegate, (p1, 1000 ether)));
        vm.prank(alice);
        _expectReentrancy();
        rs.withdraw();
    }

    function test_reentrancy_claim() public {
        _settle();
        vm.warp(block.timestamp + epochLength);
        _arm(abi.encodeCall(AnkrStaking.claim, (p1)));
        vm.prank(alice);
        _expectReentrancy();
        rs.claim(p1);
    }

    function test_reentrancy_claimAll() public {
        _settle();
        vm.warp(block.timestamp + epochLength);
        address[] memory list = new address[](1);
        list[0] = p1;
        _arm(abi.encodeCall(AnkrStaking.claimAll, (list)));
        vm.prank(alice);
        _expectReentrancy();
        rs.claimAll(list);
    }

    function test_reentrancy_restakeFromClaim() public {
        _settle();
        vm.warp(block.timestamp + epochLength);
        _arm(abi.encodeCall(AnkrStaking.restake, (p1)));
        vm.prank(alice);
        _expectReentrancy();
        rs.claim(p1);
    }

    function test_reentrancy_withdrawSelfStake() public {
        vm.prank(p1);
        rs.exitProvider();
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        _arm(abi.encodeCall(AnkrStaking.withdrawSelfStake, ()));
        vm.prank(p1);
        _expectReentrancy();
        rs.withdrawSelfStake();
    }

    function test_reentrancy_registerProvider() public {
        _rgive(p2, SELF);
        _arm(abi.encodeCall(AnkrStaking.exitProvider, ()));
        vm.prank(p2);
        _expectReentrancy();
        rs.registerProvider(SELF, 0, "");
    }

    function test_reentrancy_addRewards() public {
        _rgive(carol, 10 ether);
        _arm(abi.encodeCall(AnkrStaking.redelegate, (p1, p2, 1 ether)));
        vm.prank(carol);
        _expectReentrancy();
        rs.addRewards(p1, 1 ether);
    }

    /// @dev The vault's transfer to staking during settlement re-enters staking.
    function test_reentrancy_settleEpochThroughVault() public {
        vm.warp(epochEnd(0));
        address[] memory ps = rs.scoredProviders();
        uint16[] memory ss = new uint16[](1);
        ss[0] = 10_000;
        _arm(abi.encodeCall(AnkrStaking.claim, (p1)));
        vm.prank(governance);
        _expectReentrancy();
        rs.settleEpoch(0, ps, ss);
    }

    /// @dev Re-entering a role-gated function from a transfer fails on the role before anything else.
    function test_reentrancy_settleEpochRoleGatedReentry() public {
        vm.warp(epochEnd(0));
        address[] memory ps = rs.scoredProviders();
        uint16[] memory ss = new uint16[](1);
        ss[0] = 10_000;
        _arm(abi.encodeCall(AnkrStaking.settleEpoch, (0, ps, ss)));
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(rtoken), SETTLER_ROLE
            )
        );
        rs.settleEpoch(0, ps, ss);
    }

    /// @dev The slashed tokens go to the vault through transferFrom: re-entry is refused there too.
    function test_reentrancy_slashThroughVault() public {
        _arm(abi.encodeCall(AnkrStaking.withdraw, ()));
        vm.prank(governance);
        _expectReentrancy();
        rs.slash(p1, 1 ether);
    }

    /// @dev Unguarded entry points reachable from a transfer only act for the caller (the token),
    ///      which is nobody here: the call fails on its own and the outer claim completes.
    function test_reentrancy_unguardedCallsAreHarmless() public {
        _settle();
        vm.warp(block.timestamp + epochLength);
        rtoken.arm(address(rs), abi.encodeCall(AnkrStaking.setCommission, (0)), false);
        uint256 pending = rs.pendingRewards(p1, alice);
        vm.prank(alice);
        assertEq(rs.claim(p1), pending);
        assertFalse(rtoken.lastCallSucceeded());
        assertEq(
            rtoken.lastReturnData(),
            abi.encodeWithSelector(IStakingErrors.StakingUnknownProvider.selector, address(rtoken))
        );
        assertEq(rtoken.balanceOf(alice), pending);
    }

    /// @dev A swallowed re-entry attempt changes nothing: the outer withdraw pays exactly once.
    function test_reentrancy_swallowedAttemptChangesNothing() public {
        vm.prank(alice);
        rs.undelegate(p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING);
        rtoken.arm(address(rs), abi.encodeCall(AnkrStaking.withdraw, ()), false);
        vm.prank(alice);
        assertEq(rs.withdraw(), 4000 ether);
        assertFalse(rtoken.lastCallSucceeded());
        assertEq(
            rtoken.lastReturnData(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(rtoken.balanceOf(alice), 4000 ether);
    }

    /// @dev Read-only re-entry sees the post-claim state: checks-effects-interactions.
    function test_reentrancy_viewsDuringTransferSeeFinalState() public {
        _settle();
        vm.warp(block.timestamp + epochLength);
        rtoken.arm(address(rs), abi.encodeCall(AnkrStaking.pendingRewards, (p1, alice)), false);
        vm.prank(alice);
        rs.claim(p1);
        assertTrue(rtoken.lastCallSucceeded());
        assertEq(abi.decode(rtoken.lastReturnData(), (uint256)), 0);
    }

    function test_reentrancy_viewsDuringWithdrawSeeAdvancedQueue() public {
        vm.prank(alice);
        rs.undelegate(p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING);
        rtoken.arm(address(rs), abi.encodeCall(AnkrStaking.withdrawable, (alice)), false);
        vm.prank(alice);
        rs.withdraw();
        assertEq(abi.decode(rtoken.lastReturnData(), (uint256)), 0);
    }
}

/*//////////////////////////////////////////////////////////////
                          ECONOMIC ATTACKS
//////////////////////////////////////////////////////////////*/

contract AdversarialTest is UnitBase {
    uint256 internal constant L = 604_800;
    address internal whale = makeAddr("whale");

    /*//////////////////////////////////////////////////////////////
                      STAKE JUST BEFORE SETTLEMENT
    //////////////////////////////////////////////////////////////*/

    /// @dev A deposit one second before the epoch ends barely changes its provider's share, and if
    ///      it leaves right after the settlement it earns nothing and gets exactly its principal.
    function test_jit_depositBeforeSettlementCapturesNothing() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.warp(epochEnd(0) - 1);
        delegateAs(whale, p1, SELF * 15);
        settleNext(10_000);

        uint256 w1 = SELF * L + SELF * 15;
        uint256 w2 = SELF * L;
        assertEq(staking.getProvider(p1).rewardRate, REWARD * w1 / (w1 + w2) / L);
        assertEq(staking.getProvider(p2).rewardRate, REWARD * w2 / (w1 + w2) / L);
        // 15x the stake for 1 second of a 604,800-second epoch: under 0.003% more than p2.
        assertApproxEqRel(staking.getProvider(p1).rewardRate, staking.getProvider(p2).rewardRate, 3e13);

        undelegateAs(whale, p1, SELF * 15);
        assertEq(staking.pendingRewards(p1, whale), 0);
        vm.prank(whale);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claim(p1);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(whale), SELF * 15);
        assertEq(token.balanceOf(whale), SELF * 15);
    }

    /// @dev Depositing just before a settlement is worth no more than depositing just after it.
    function test_jit_noGainOverDepositingAfterSettlement() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.warp(epochEnd(0) - 1);
        delegateAs(bob, p1, SELF); // just before
        settleNext(10_000);
        delegateAs(carol, p2, SELF); // just after, same block as the settlement
        vm.warp(block.timestamp + L);

        uint256 bobReward = staking.pendingRewards(p1, bob);
        uint256 carolReward = staking.pendingRewards(p2, carol);
        assertGt(carolReward, 0);
        // bob's one second of stake-time moved p1's share up by under 0.001%.
        assertApproxEqRel(bobReward, carolReward, 1e13);
    }

    /// @dev A staker present for the whole epoch earns about twice the one who came at its last second.
    function test_jit_stakerPresentAllEpochEarnsMore() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        delegateAs(alice, p1, SELF); // whole epoch 0
        vm.warp(epochEnd(0) - 1);
        delegateAs(bob, p2, SELF); // last second of epoch 0
        settleNext(10_000);
        vm.warp(block.timestamp + L);

        uint256 w1 = 2 * SELF * L;
        uint256 w2 = SELF * L + SELF;
        uint256 rate1 = REWARD * w1 / (w1 + w2) / L;
        uint256 rate2 = REWARD * w2 / (w1 + w2) / L;
        uint256 aliceReward = SELF * (rate1 * L * WAD / (2 * SELF)) / WAD;
        uint256 bobReward = SELF * (rate2 * L * WAD / (2 * SELF)) / WAD;
        assertEq(staking.pendingRewards(p1, alice), aliceReward);
        assertEq(staking.pendingRewards(p2, bob), bobReward);
        assertGt(aliceReward, bobReward * 19 / 10);
    }

    /*//////////////////////////////////////////////////////////////
                                  DUST
    //////////////////////////////////////////////////////////////*/

    function _lowerMinimums() internal {
        params.minDelegation = 1;
        params.minSelfStake = 1;
        setParams(params);
    }

    /// @dev 1-wei delegations earn their rounded-down share and never more; nothing is created.
    function test_dust_oneWeiDelegationsRoundDown() public {
        _lowerMinimums();
        addProvider(p1, SELF, 0);
        address[3] memory dust = [makeAddr("d1"), makeAddr("d2"), makeAddr("d3")];
        for (uint256 i; i < 3; ++i) {
            delegateAs(dust[i], p1, 1);
        }
        settleNext(10_000);
        vm.warp(block.timestamp + L);

        uint256 rate = REWARD / L;
        uint256 rpt = rate * L * WAD / (SELF + 3); // 9,999,999,999,999,999,999
        assertEq(rpt, 9_999_999_999_999_999_999);
        uint256 paid;
        for (uint256 i; i < 3; ++i) {
            uint256 got = claimAs(dust[i], p1);
            assertEq(got, rpt / WAD); // 9 wei each
            paid += got;
        }
        uint256 providerGot = claimAs(p1, p1);
        assertEq(providerGot, SELF * rpt / WAD);
        paid += providerGot;
        assertLe(paid, rate * L, "never more than streamed");
        assertLt(rate * L - paid, 1e6, "only rounding dust is left behind");
    }

    function test_dust_oneWeiBudgetIsCarried() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        params.rewardPerEpoch = 1;
        setParams(params);
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(0, 1, 0, 2 * SELF * L * BPS, 1);
        settleNext(10_000);
        assertEq(reserve(), 1, "the wei neither provider could take stays in the reserve");

        uint256 vaultBefore = vault.balance();
        settleNext(10_000);
        assertEq(vault.balance(), vaultBefore, "the carried wei funds the next budget");
        assertEq(reserve(), 1);
    }

    function test_dust_tinyProviderCapacity() public {
        _lowerMinimums();
        registerProvider(p2, 1, 0);
        vm.prank(governance);
        staking.admitProvider(p2);
        delegateAs(alice, p2, 16);
        give(bob, 1);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingProviderCapacityExceeded.selector, p2, 1, 0)
        );
        staking.delegate(p2, 1);
    }

    /// @dev A 17-wei pool next to a 100k-token pool gets its exact tiny share; what cannot stream
    ///      (under one wei per second) goes to the reserve instead of being lost.
    function test_dust_tinyPoolShareGoesToReserve() public {
        _lowerMinimums();
        addProvider(p1, SELF, 0);
        registerProvider(p2, 1, 0);
        vm.prank(governance);
        staking.admitProvider(p2);
        delegateAs(alice, p2, 16);
        settleNext(10_000);
        uint256 r2 = REWARD * 17 / (SELF + 17); // 169 wei
        assertEq(r2, 169);
        uint256 r1 = REWARD * SELF / (SELF + 17);
        assertEq(staking.getProvider(p2).rewardRate, 0);
        assertEq(reserve(), (REWARD - r1 - r2) + r1 % L + r2);
    }

    /// @dev A pool so large that a second's stream is below one wei per token loses only rounding
    ///      dust, and never pays more than it streamed.
    function test_dust_hugePoolNeverOverpays() public {
        params.delegationRatio = 0;
        setParams(params);
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, 1_000_000_000 ether);
        give(carol, 1000 ether);
        vm.prank(carol);
        staking.addRewards(p1, 1000 ether); // ~0.0016 tokens per second over 1e9 tokens
        uint256 rate = staking.getProvider(p1).rewardRate;
        for (uint256 i; i < 100; ++i) {
            vm.warp(block.timestamp + 1);
            delegateAs(bob, p1, 1000 ether); // touches the pool every second
        }
        vm.warp(block.timestamp + L);
        uint256 paid = claimAs(alice, p1) + claimAs(p1, p1) + claimAs(bob, p1);
        assertLe(paid, rate * L);
    }

    /*//////////////////////////////////////////////////////////////
                     COMMISSION INCREASE FRONT-RUNNING
    //////////////////////////////////////////////////////////////*/

    /// @dev The provider raises 5% to 30%: it only applies after the notice, which is longer than
    ///      the unbonding period, so alice leaves with everything before it bites.
    function test_commission_delegatorsExitBeforeIncreaseApplies() public {
        addProvider(p1, SELF, 500);
        delegateAs(alice, p1, SELF);
        settleNext(10_000); // epoch 0 at 5%
        assertEq(staking.getProvider(p1).commissionAccrued, REWARD * 500 / BPS);
        vm.warp(block.timestamp + 1 hours);

        vm.prank(p1);
        staking.setCommission(3000);
        uint256 effectiveAt = block.timestamp + NOTICE;
        undelegateAs(alice, p1, SELF); // alice reacts in the same block
        uint256 aliceRewards = staking.pendingRewards(p1, alice);
        assertGt(aliceRewards, 0);

        settleNext(10_000); // epoch 1 (day 14): still 5%
        assertEq(staking.getProvider(p1).commissionBps, 500);
        settleNext(10_000); // epoch 2 (day 21): still 5%
        assertEq(staking.getProvider(p1).commissionBps, 500);
        assertEq(staking.getProvider(p1).commissionAccrued, 3 * (REWARD * 500 / BPS));

        vm.warp(genesis + L + 1 hours + UNBONDING);
        assertLt(block.timestamp, effectiveAt);
        assertEq(withdrawAs(alice), SELF);
        assertEq(claimAs(alice, p1), aliceRewards);
        assertEq(token.balanceOf(alice), SELF + aliceRewards);

        settleNext(10_000); // epoch 3 (day 28): its window began on day 21, before the notice ran out
        assertEq(staking.getProvider(p1).commissionBps, 500);
        settleNext(10_000); // epoch 4 (day 35): the first window wholly after the notice: now 30%
        assertEq(staking.getProvider(p1).commissionBps, 3000);
        assertEq(staking.getProvider(p1).commissionAccrued, 4 * (REWARD * 500 / BPS) + REWARD * 3000 / BPS);
    }

    /// @dev No sequence of commission calls shortens the notice.
    function test_commission_noShortcutAroundNotice() public {
        addProvider(p1, SELF, 1000);
        vm.startPrank(p1);
        staking.setCommission(0); // decrease: immediate
        staking.setCommission(3000); // increase from 0: scheduled
        vm.warp(block.timestamp + 10 days);
        staking.setCommission(2999); // still an increase over 0: rescheduled, not applied
        vm.stopPrank();
        assertEq(staking.getProvider(p1).commissionBps, 0);
        assertEq(staking.getProvider(p1).commissionEffectiveAt, block.timestamp + NOTICE);
        settleNext(10_000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionBps, 0);
        assertEq(staking.getProvider(p1).commissionAccrued, 0);
    }

    /*//////////////////////////////////////////////////////////////
                    ALLOTMENTS VS THE OPEN REMAINDER
    //////////////////////////////////////////////////////////////*/

    function test_allotment_openStakersCannotTakeReservedRoom() public {
        addProvider(p1, SELF, 0);
        vm.startPrank(governance);
        staking.setGlobalCap(SELF + 10_000 ether);
        staking.setAllotment(alice, 6000 ether);
        vm.stopPrank();

        // bob tries to take everything: only the open 4,000 is his to take.
        give(bob, 10_000 ether);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingGlobalCapExceeded.selector, 10_000 ether, 4000 ether)
        );
        staking.delegate(p1, 10_000 ether);
        vm.prank(bob);
        staking.delegate(p1, 4000 ether);

        // A new provider cannot register into alice's reservation either.
        give(p2, SELF);
        vm.prank(p2);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingGlobalCapExceeded.selector, SELF, 0));
        staking.registerProvider(SELF, 0, "");

        // alice still gets her full allotment.
        delegateAs(alice, p1, 6000 ether);
        assertEq(totalStaked(), SELF + 10_000 ether);

        // bob leaving frees open room for others, not for alice's allotment.
        undelegateAs(bob, p1, 4000 ether);
        assertEq(staking.capacityLeft(p1, carol), 4000 ether);
        delegateAs(carol, p1, 4000 ether);
    }

    function test_allotment_holderKeepsReservationAcrossExit() public {
        addProvider(p1, SELF, 0);
        vm.startPrank(governance);
        staking.setGlobalCap(SELF + 10_000 ether);
        staking.setAllotment(alice, 6000 ether);
        vm.stopPrank();
        delegateAs(alice, p1, 6000 ether);
        undelegateAs(alice, p1, 6000 ether);
        delegateAs(bob, p1, 4000 ether);
        assertEq(staking.capacityLeft(p1, carol), 0);
        assertEq(staking.capacityLeft(p1, alice), 6000 ether);
        delegateAs(alice, p1, 6000 ether);
    }

    function test_allotment_raisingCapOpensRoomForEveryone() public {
        addProvider(p1, SELF, 0);
        vm.startPrank(governance);
        staking.setGlobalCap(SELF + 6000 ether);
        staking.setAllotment(alice, 6000 ether);
        vm.stopPrank();
        assertEq(staking.capacityLeft(p1, bob), 0);
        vm.prank(governance);
        staking.setGlobalCap(SELF + 16_000 ether);
        assertEq(staking.capacityLeft(p1, bob), 10_000 ether);
        assertEq(staking.capacityLeft(p1, alice), 16_000 ether);
    }

    /*//////////////////////////////////////////////////////////////
                          100% VS 0% SCORE
    //////////////////////////////////////////////////////////////*/

    function test_scores_fullScoreTakesWholeBudget() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        delegateAs(alice, p2, SELF);
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(0, REWARD, REWARD, SELF * L * BPS, REWARD % L);
        settleTwo(p1, 10_000, p2, 0);
        assertEq(staking.getProvider(p1).rewardRate, REWARD / L);
        assertEq(staking.getProvider(p2).rewardRate, 0);

        settleTwo(p1, 10_000, p2, 0);
        settleTwo(p1, 10_000, p2, 0);
        assertEq(uint8(statusOf(p2)), uint8(ProviderStatus.Jailed));
        assertEq(staking.pendingRewards(p2, alice), 0);

        // The zero-score pool's delegator leaves with her principal.
        undelegateAs(alice, p2, SELF);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), SELF);
        // The full-score pool got the whole budget each epoch.
        vm.warp(block.timestamp + L);
        // (rewardPerToken rounds down at each of the three accruals: a few wei per 1e5 stay behind.)
        uint256 streamed = 3 * (REWARD / L) * L;
        uint256 got = claimAs(p1, p1);
        assertLe(got, streamed);
        assertApproxEqAbs(got, streamed, 3 * SELF / WAD);
    }

    /*//////////////////////////////////////////////////////////////
                  PROVIDER SLASHED WHILE DELEGATORS EXIT
    //////////////////////////////////////////////////////////////*/

    function test_slash_whileDelegatorsExitTheyGetExactPrincipal() public {
        addProvider(p1, 2 * SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
        delegateAs(bob, p1, 30_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + 1 days);

        undelegateAs(alice, p1, 50_000 ether);
        vm.prank(governance);
        staking.slash(p1, 20_000 ether);
        undelegateAs(bob, p1, 30_000 ether);
        vm.prank(p1);
        staking.exitProvider();
        vm.prank(governance);
        staking.slash(p1, 18_000 ether); // 10% of the 180k now unbonding

        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 50_000 ether);
        assertEq(withdrawAs(bob), 30_000 ether);
        uint256 aliceRewards = claimAs(alice, p1);
        uint256 bobRewards = claimAs(bob, p1);
        assertGt(aliceRewards, 0);
        assertGt(bobRewards, 0);
        assertEq(token.balanceOf(alice), 50_000 ether + aliceRewards);
        assertEq(token.balanceOf(bob), 30_000 ether + bobRewards);

        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        staking.withdrawSelfStake();
        claimAs(p1, p1);
        assertEq(token.balanceOf(p1) >= 162_000 ether, true);

        // Everything owed was paid: what remains is the reserve plus rounding dust.
        uint256 left = token.balanceOf(address(staking));
        assertGe(left, reserve());
        assertLt(left - reserve(), 1e6);
        assertEq(totalStaked(), 0);
    }

    /*//////////////////////////////////////////////////////////////
                 NO ONE DELAYS OR BLOCKS ANOTHER'S EXIT
    //////////////////////////////////////////////////////////////*/

    function test_noBlock_otherUserFillingOwnQueue() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, 10_000 ether);
        delegateAs(carol, p1, 100_000 ether);
        for (uint256 i; i < 20; ++i) {
            vm.warp(genesis + i * L);
            undelegateAs(carol, p1, 1000 ether);
        }
        undelegateAs(alice, p1, 10_000 ether);
        uint256 releaseAt = block.timestamp + UNBONDING;
        (, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(entries.length, 1);
        assertEq(entries[0].releaseAt, releaseAt);
        vm.warp(releaseAt);
        assertEq(withdrawAs(alice), 10_000 ether);
    }

    /// @dev Jail, slash, exit and pause all hit alice's provider; she still leaves with principal and
    ///      rewards on the normal schedule.
    function test_noBlock_providerJailedSlashedExitedAndPaused() public {
        addProvider(p1, 2 * SELF, 1000);
        delegateAs(alice, p1, 10_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + 1 days);
        jailAs(p1);
        vm.prank(governance);
        staking.slash(p1, 20_000 ether);
        vm.prank(p1);
        staking.exitProvider();
        pauseAll();

        uint256 pending = staking.pendingRewards(p1, alice);
        assertGt(pending, 0);
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(claimAs(alice, p1), pending);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 10_000 ether);
    }

    function test_noBlock_governanceLimitsDoNotTrapStake() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, 10_000 ether);
        params.minDelegation = 50_000 ether;
        params.delegationRatio = 1;
        setParams(params);
        vm.startPrank(governance);
        staking.setGlobalCap(1);
        staking.setProviderCap(p1, 1);
        vm.stopPrank();
        undelegateAs(alice, p1, 10_000 ether);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 10_000 ether);
    }

    function test_noDelay_whaleDoesNotDiluteAccruedRewards() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, SELF);
        settleNext(10_000);
        vm.warp(block.timestamp + L / 2);
        uint256 accrued = staking.pendingRewards(p1, alice);
        delegateAs(whale, p1, SELF * 15);
        assertEq(staking.pendingRewards(p1, alice), accrued);
    }

    /// @dev KNOWN ISSUE (fails on purpose): anyone can call addRewards(provider, 1 wei), which
    ///      re-spreads the pool's unstreamed rewards over a whole new epoch length. One call half-way
    ///      through the stream holds back a quarter of what the pool's delegators would have earned
    ///      by the stream's end; repeated calls keep pushing it out. See the report for the fix.
    function test_noDelay_dustAddRewardsCannotStretchStream() public {
        addProvider(p1, SELF, 0);
        delegateAs(alice, p1, SELF);
        settleNext(10_000);
        uint256 rate = staking.getProvider(p1).rewardRate;
        uint256 finish = staking.getProvider(p1).rewardFinish;
        uint256 expected = SELF * (rate * L * WAD / (2 * SELF)) / WAD;

        vm.warp(block.timestamp + L / 2);
        give(stranger, 1);
        vm.prank(stranger);
        staking.addRewards(p1, 1);

        vm.warp(finish);
        assertApproxEqRel(staking.pendingRewards(p1, alice), expected, 1e12, "alice's stream was stretched");
    }
}
