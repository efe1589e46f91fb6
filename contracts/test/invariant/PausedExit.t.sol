// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProviderStatus, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {InvariantBase} from "./InvariantBase.sol";

/// @notice (e) A paused contract still lets every actor leave, from any reachable state.
/// @dev The exit drill costs ~60 state-changing calls, so it runs on every fourth state of a
///      sequence (chosen by the handler's call count, so different states each run) and always on
///      the last one (afterInvariant); see the report for the ci-profile runtime this buys.
contract PausedExitInvariantTest is InvariantBase {
    uint256 internal constant CHECK_EVERY = 4;

    function invariant_pausedContractLetsEveryoneExit() public {
        if (handler.ghost_calls() % CHECK_EVERY != 0) return;
        _exitDrill();
    }

    function afterInvariant() public {
        _exitDrill();
    }

    /// @dev On a throw-away snapshot: pause; providers exit; delegators undelegate everything;
    ///      after the longest unbonding period everyone withdraws exactly their principal and
    ///      claims at least the rewards the views showed when the guardian paused.
    function _exitDrill() internal {
        uint256 snapshot = vm.snapshotState();
        if (!staking.paused()) {
            vm.prank(governance);
            staking.pause();
        }
        State memory st = _readState();

        for (uint256 i; i < providers.length; ++i) {
            ProviderStatus status = st.pools[i].status;
            if (
                status == ProviderStatus.Pending || status == ProviderStatus.Active
                    || status == ProviderStatus.Jailed
            ) {
                vm.prank(providers[i]);
                staking.exitProvider();
            }
            for (uint256 j; j < delegators.length; ++j) {
                if (st.stake[i][j] == 0) continue;
                vm.prank(delegators[j]);
                staking.undelegate(providers[i], st.stake[i][j]);
            }
        }
        (uint256 totalStaked,,,) = staking.totals();
        assertEq(totalStaked, 0, "(e) stake left after everyone undelegated while paused");

        vm.warp(block.timestamp + staking.parameters().providerUnbondingPeriod + epochLength + 1);
        for (uint256 j; j < delegators.length; ++j) {
            _withdrawAndClaim(delegators[j], _delegatorPrincipal(st, j), _delegatorPending(st, j));
            (, UnbondingEntry[] memory entries) = staking.unbondingQueue(delegators[j]);
            assertEq(entries.length, 0, "(e) unbonding left behind");
        }
        for (uint256 i; i < providers.length; ++i) {
            _withdrawAndClaim(providers[i], _providerPrincipal(st, i), st.ownPending[i]);
        }

        // What remains is the reserve, streams that ran into now-empty pools, and rounding dust.
        State memory end = _readState();
        uint256 balance = token.balanceOf(address(staking));
        uint256 kept = end.reserve + _sumUnstreamed(end);
        assertEq(_sumPending(end), 0, "(e) rewards left behind");
        assertGe(balance, kept, "(e) reserve not backed after everyone left");
        assertLe(
            balance - kept,
            handler.ghost_dustBound() + _viewDust(st),
            "(e) tokens stranded after everyone left"
        );
        vm.revertToState(snapshot);
    }

    function _withdrawAndClaim(address a, uint256 principal, uint256 rewardsAtPause) internal {
        uint256 before = token.balanceOf(a);
        if (staking.withdrawable(a) != 0) {
            vm.prank(a);
            staking.withdraw();
        }
        if (staking.getProvider(a).selfStakeUnbonding != 0) {
            vm.prank(a);
            staking.withdrawSelfStake();
        }
        assertEq(token.balanceOf(a) - before, principal, "(e) principal not fully returned while paused");

        uint256 pending;
        for (uint256 i; i < providers.length; ++i) {
            pending += staking.pendingRewards(providers[i], a);
        }
        assertGe(pending, rewardsAtPause, "(e) rewards shrank while paused");
        if (pending == 0) return;
        vm.prank(a);
        assertEq(staking.claimAll(providers), pending, "(e) claimAll != pending rewards");
    }
}
