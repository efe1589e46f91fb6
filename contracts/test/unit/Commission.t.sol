// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderSettlement, ProviderStatus, ProviderView} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract CommissionTest is UnitBase {
    uint256 internal constant L = 604_800;

    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
    }

    function _setCommission(address who, uint16 bps) internal {
        vm.prank(who);
        staking.setCommission(bps);
    }

    function test_setCommission_decreaseAppliesAtOnce() public {
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionChanged(p1, 1000, 500);
        _setCommission(p1, 500);
        assertEq(staking.getProvider(p1).commissionBps, 500);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionAccrued, REWARD * 500 / BPS);
    }

    function test_setCommission_toZero() public {
        _setCommission(p1, 0);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionAccrued, 0);
        assertEq(staking.getProvider(p1).rewardRate, REWARD / L);
    }

    function test_setCommission_increaseIsScheduled() public {
        uint256 effectiveAt = block.timestamp + NOTICE;
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionIncreaseScheduled(p1, 2000, effectiveAt);
        _setCommission(p1, 2000);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(v.commissionBps, 1000);
        assertEq(v.pendingCommissionBps, 2000);
        assertEq(v.commissionEffectiveAt, effectiveAt);
    }

    /// @dev Scheduled at genesis, effective at day 15: the settlements at days 7, 14 and 21 keep 10%
    ///      (the last one's window began on day 14), the one at day 28 applies 20%.
    function test_setCommission_increaseAppliesFromFirstWindowAfterNotice() public {
        _setCommission(p1, 2000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionAccrued, 100_000 ether);
        settleNext(10_000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionAccrued, 300_000 ether);
        assertEq(staking.getProvider(p1).commissionBps, 1000);

        vm.warp(epochEnd(3));
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionChanged(p1, 1000, 2000);
        settleNext(10_000);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(v.commissionBps, 2000);
        assertEq(v.pendingCommissionBps, 0);
        assertEq(v.commissionEffectiveAt, 0);
        assertEq(v.commissionAccrued, 500_000 ether);
    }

    /// @dev Security lead 6(b): with settlements late, the first settlement after the notice used
    ///      to charge the new rate over a window that began before the increase was announced. The
    ///      oracle is down from genesis to day 40; the increase is announced on day 1 (effective day
    ///      16). Epoch 0, settled on day 40, covers days 0-40 and pays 10% of its whole budget.
    function test_commission_lateSettlementKeepsOldRateForEarlierTime() public {
        vm.warp(genesis + 1 days);
        _setCommission(p1, 2000);
        vm.warp(genesis + 40 days);
        vm.recordLogs();
        settleNext(10_000);
        ProviderSettlement memory settled = settlementIn(vm.getRecordedLogs(), p1);
        assertGt(settled.reward, 5 * REWARD, "the budget of the whole 40 days");
        assertEq(settled.commission, settled.reward * 1000 / BPS);
        assertEq(staking.getProvider(p1).commissionBps, 1000);
        // The catch-up settlements that follow start their windows on day 40: the increase applies.
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionBps, 2000);
    }

    /// @dev Security finding 4: a commission stored above a lowered maximum came back at once when
    ///      the maximum was raised again. Lowering the maximum now lowers the commission itself.
    function test_maxCommission_loweredLowersCommissionAndRaiseBringsNothingBack() public {
        _setCommission(p1, 3000);
        vm.warp(block.timestamp + NOTICE);
        settleNext(10_000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionBps, 3000);

        params.maxCommissionBps = 2000;
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionChanged(p1, 3000, 2000);
        setParams(params);
        assertEq(staking.getProvider(p1).commissionBps, 2000);

        params.maxCommissionBps = 3000;
        setParams(params);
        assertEq(staking.getProvider(p1).commissionBps, 2000, "no latent commission");
        vm.recordLogs();
        settleNext(10_000);
        ProviderSettlement memory settled = settlementIn(vm.getRecordedLogs(), p1);
        assertEq(settled.commission, settled.reward * 2000 / BPS);
    }

    /// @dev A scheduled increase above a lowered maximum shrinks to it and keeps its date; one over a
    ///      commission already at the new maximum is cancelled. Pending providers are covered too.
    function test_maxCommission_loweredTrimsScheduledIncreases() public {
        _setCommission(p1, 2500);
        uint256 effectiveAt = staking.getProvider(p1).commissionEffectiveAt;
        registerProvider(p2, SELF, 2000);
        _setCommission(p2, 3000);

        params.maxCommissionBps = 2000;
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionIncreaseScheduled(p1, 2000, effectiveAt);
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionChanged(p2, 2000, 2000);
        setParams(params);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(
            abi.encode(v.commissionBps, v.pendingCommissionBps, v.commissionEffectiveAt),
            abi.encode(1000, 2000, effectiveAt)
        );
        v = staking.getProvider(p2);
        assertEq(
            abi.encode(v.commissionBps, v.pendingCommissionBps, v.commissionEffectiveAt),
            abi.encode(2000, 0, 0)
        );

        params.maxCommissionBps = 3000;
        setParams(params);
        vm.warp(effectiveAt);
        settleNext(10_000);
        settleNext(10_000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionBps, 2000, "the trimmed increase, not the original");
    }

    /// @dev The loop over a lowered maximum is bounded by the 256 providers that have not exited: in
    ///      the worst layout (every one above the new maximum with an increase scheduled, so both of
    ///      its slots are rewritten) `setParameters` stays far below a block, so no registrant can
    ///      make lowering the maximum unaffordable for governance.
    function test_maxCommission_loweredOver256ProvidersFitsInABlock() public {
        _setCommission(p1, 2000);
        _setCommission(p1, 3000);
        for (uint256 i = 1; i < 256; ++i) {
            address provider = address(uint160(0x1000 + i));
            registerProvider(provider, SELF, 2000);
            _setCommission(provider, 3000);
        }
        params.maxCommissionBps = 1000;
        // Every slot cold, as in the governance transaction that runs it.
        vm.cool(address(staking));
        vm.prank(governance);
        uint256 before = gasleft();
        staking.setParameters(params);
        uint256 used = before - gasleft();
        emit log_named_uint("setParameters lowering 256 commissions and increases (gas)", used);
        assertLt(used, 10_000_000);
        ProviderView memory v = staking.getProvider(address(uint160(0x1000 + 255)));
        assertEq(abi.encode(v.commissionBps, v.pendingCommissionBps), abi.encode(1000, 0));
    }

    function test_setCommission_decreaseCancelsScheduledIncrease() public {
        _setCommission(p1, 2000);
        _setCommission(p1, 800);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(v.commissionBps, 800);
        assertEq(v.pendingCommissionBps, 0);
        assertEq(v.commissionEffectiveAt, 0);
        vm.warp(block.timestamp + NOTICE);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionBps, 800);
    }

    function test_setCommission_sameValueCancelsScheduledIncrease() public {
        _setCommission(p1, 2000);
        vm.expectEmit(address(staking));
        emit IStakingEvents.CommissionChanged(p1, 1000, 1000);
        _setCommission(p1, 1000);
        assertEq(staking.getProvider(p1).pendingCommissionBps, 0);
    }

    /// @dev A new increase restarts the notice period.
    function test_setCommission_rescheduleRestartsNotice() public {
        _setCommission(p1, 2000);
        vm.warp(block.timestamp + 10 days);
        _setCommission(p1, 2500);
        assertEq(staking.getProvider(p1).commissionEffectiveAt, block.timestamp + NOTICE);
        vm.warp(genesis + 21 days);
        settleNext(10_000); // epoch 0, settled late at day 21: not yet effective (day 25)
        assertEq(staking.getProvider(p1).commissionBps, 1000);
    }

    function test_setCommission_maximumAllowed() public {
        _setCommission(p1, 3000);
        assertEq(staking.getProvider(p1).pendingCommissionBps, 3000);
    }

    function test_setCommission_revertsAboveMaximum() public {
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingCommissionTooHigh.selector, 3001, 3000));
        staking.setCommission(3001);
    }

    function test_setCommission_revertsForUnknownProvider() public {
        vm.prank(stranger);
        vm.expectRevert(errUnknown(stranger));
        staking.setCommission(100);
    }

    function test_setCommission_revertsWhenExited() public {
        vm.prank(p1);
        staking.exitProvider();
        vm.prank(p1);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Exited));
        staking.setCommission(100);
    }

    function test_setCommission_pendingProviderCanChange() public {
        registerProvider(p2, SELF, 1000);
        _setCommission(p2, 200);
        assertEq(staking.getProvider(p2).commissionBps, 200);
    }

    function test_exitProvider_clearsScheduledIncrease() public {
        _setCommission(p1, 2000);
        vm.prank(p1);
        staking.exitProvider();
        assertEq(staking.getProvider(p1).pendingCommissionBps, 0);
        assertEq(staking.getProvider(p1).commissionEffectiveAt, 0);
    }

    /// @dev Commission rounds down (in the pool's favour): 10% of 999 wei is 99, the pool streams 900.
    function test_commission_roundsDown() public {
        params.rewardPerEpoch = 999;
        setParams(params);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProvidersSettled(0, settledOne(p1, 10_000, SELF * L, 999, 99));
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionAccrued, 99);
        assertEq(reserve(), 900, "the 900 wei pool share is below one wei per second");
    }

    function test_commission_fullCommissionLeavesPoolNothing() public {
        params.maxCommissionBps = 10_000;
        setParams(params);
        _setCommission(p1, 0);
        registerProvider(p2, SELF, 10_000);
        vm.prank(governance);
        staking.admitProvider(p2);
        vm.prank(p1);
        staking.exitProvider();
        settleNext(10_000);
        assertEq(staking.getProvider(p2).commissionAccrued, REWARD);
        assertEq(staking.getProvider(p2).rewardRate, 0);
        vm.warp(block.timestamp + L);
        assertEq(staking.pendingRewards(p2, p2), REWARD);
    }

    function test_commission_scheduledIncreaseAppliesWhileJailed() public {
        _setCommission(p1, 2000);
        jailAs(p1);
        vm.warp(genesis + NOTICE);
        settleNext(10_000); // its window began at genesis
        assertEq(staking.getProvider(p1).commissionBps, 1000);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).commissionBps, 2000);
    }
}
