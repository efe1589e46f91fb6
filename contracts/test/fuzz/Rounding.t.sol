// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {ProtocolFuzzBase} from "./utils/ProtocolFuzzBase.sol";

/// @notice Fuzzed sequences of stake, reward and settlement actions on a small system. After every
///         action the contract holds at least everything it owes; at the end, once every stream
///         has run out and everyone has claimed, claims + restakes + the reserve account for
///         everything funded, and what rounding kept back is bounded.
contract RoundingFuzzTest is ProtocolFuzzBase {
    uint256 internal constant STEPS = 24;

    address[2] internal providers;
    address[3] internal delegators;

    uint256 internal funded; // vault releases + addRewards
    uint256 internal claimed;
    uint256 internal restaked;
    uint256 internal actions;
    /// @dev Largest pool seen, for the accumulator's rounding bound (total / 1e18 per accrual).
    uint256 internal maxPool;

    function setUp() public override {
        super.setUp();
        providers = [makeAddr("providerA"), makeAddr("providerB")];
        delegators = [makeAddr("d0"), makeAddr("d1"), makeAddr("d2")];
        for (uint256 i; i < delegators.length; ++i) {
            give(delegators[i], 50_000_000 ether);
        }
        give(address(this), 0);
        token.approve(address(staking), type(uint256).max);
    }

    function _setUpProviders(uint256 selfA, uint256 selfB, uint16 commA, uint16 commB) internal {
        addProvider(
            providers[0], bound(selfA, params.minSelfStake, 5_000_000 ether), uint16(bound(commA, 0, 3000))
        );
        addProvider(
            providers[1], bound(selfB, params.minSelfStake, 5_000_000 ether), uint16(bound(commB, 0, 3000))
        );
    }

    /// @dev Each op word: low byte = action, the rest feeds its parameters.
    function test_fuzz_rounding_fundedEqualsPaidPlusReserve(
        uint256[STEPS] memory ops,
        uint256 selfA,
        uint256 selfB,
        uint16 commA,
        uint16 commB
    ) public {
        _setUpProviders(selfA, selfB, commA, commB);
        for (uint256 i; i < STEPS; ++i) {
            _step(ops[i]);
            _assertSolvent();
        }
        (uint256 dust, uint256 tolerance) = _drainAndMeasure();
        assertLe(dust, tolerance, "rounding kept back more than total/1e18 + a few wei per accrual");
    }

    /*//////////////////////////////////////////////////////////////
                                 ACTIONS
    //////////////////////////////////////////////////////////////*/

    function _step(uint256 op) internal {
        uint256 kind = op % 8;
        uint256 r = op >> 8;
        address d = delegators[r % 3];
        address p = providers[(r >> 8) % 2];
        uint256 amount = r >> 16;
        ++actions;
        if (kind == 0) _delegate(d, p, amount);
        else if (kind == 1) _undelegate(d, p, amount);
        else if (kind == 2) _addRewards(p, amount);
        else if (kind == 3) vm.warp(block.timestamp + bound(amount, 1, 3 days));
        else if (kind == 4) _settle(r);
        else if (kind == 5) claimed += claimAs(d, p);
        else if (kind == 6) _restake(d, p);
        else _redelegate(d, p, amount);
        _trackMaxPool();
    }

    function _delegate(address d, address p, uint256 amount) internal {
        uint256 room = staking.capacityLeft(p, d);
        (uint256 stake,) = staking.getDelegation(p, d);
        uint256 low = stake >= params.minDelegation ? 1 : params.minDelegation - stake;
        uint256 high = room < 5_000_000 ether ? room : 5_000_000 ether;
        if (high < low) return;
        vm.prank(d);
        staking.delegate(p, bound(amount, low, high));
    }

    function _undelegate(address d, address p, uint256 amount) internal {
        (uint256 stake,) = staking.getDelegation(p, d);
        if (stake == 0) return;
        amount = stake > params.minDelegation && amount % 2 == 0
            ? bound(amount, 1, stake - params.minDelegation)
            : stake;
        vm.prank(d);
        staking.undelegate(p, amount);
    }

    function _redelegate(address d, address from, uint256 amount) internal {
        address to = from == providers[0] ? providers[1] : providers[0];
        (uint256 stake,) = staking.getDelegation(from, d);
        (uint256 toStake,) = staking.getDelegation(to, d);
        if (stake == 0) return;
        amount = stake > params.minDelegation && amount % 2 == 0
            ? bound(amount, 1, stake - params.minDelegation)
            : stake;
        if (toStake + amount < params.minDelegation) return;
        // Redelegation needs provider room only (the stake stays in the protocol).
        if (amount > _providerRoom(to)) return;
        vm.prank(d);
        staking.redelegate(from, to, amount);
    }

    function _addRewards(address p, uint256 amount) internal {
        // Mostly odd small amounts, to exercise the rate remainder; sometimes large.
        amount = amount % 3 == 0 ? bound(amount, 1, 10_000_000 ether) : bound(amount, 1, 1e9);
        staking.addRewards(p, amount);
        funded += amount;
    }

    function _settle(uint256 r) internal {
        uint16[] memory scores =
            scorePair(uint16(bound(r, 5000, 10_000)), uint16(bound(r >> 16, 5000, 10_000)));
        uint256 vaultBefore = vault.balance();
        settleWithScores(pair(providers[0], providers[1]), scores);
        funded += vaultBefore - vault.balance();
    }

    function _restake(address d, address p) internal {
        uint256 pending = staking.pendingRewards(p, d);
        if (pending == 0) return;
        (uint256 stake,) = staking.getDelegation(p, d);
        if (stake + pending < params.minDelegation || pending > _providerRoom(p)) return;
        vm.prank(d);
        restaked += staking.restake(p);
    }

    function _providerRoom(address p) internal view returns (uint256) {
        uint256 total = staking.getProvider(p).totalStake;
        uint256 self = staking.getProvider(p).selfStake;
        uint256 maxDelegated = self * params.delegationRatio;
        return maxDelegated > total - self ? maxDelegated - (total - self) : 0;
    }

    /*//////////////////////////////////////////////////////////////
                               ACCOUNTING
    //////////////////////////////////////////////////////////////*/

    function _trackMaxPool() internal {
        for (uint256 i; i < 2; ++i) {
            uint256 total = staking.getProvider(providers[i]).totalStake;
            if (total > maxPool) maxPool = total;
        }
    }

    /// @dev Balance >= every pool + every queued unbonding + every pending reward + the reserve.
    function _assertSolvent() internal view {
        uint256 owed;
        for (uint256 i; i < 2; ++i) {
            owed += staking.getProvider(providers[i]).totalStake;
            owed += staking.getProvider(providers[i]).selfStakeUnbonding;
            owed += staking.pendingRewards(providers[i], providers[i]);
            for (uint256 j; j < 3; ++j) {
                owed += staking.pendingRewards(providers[i], delegators[j]);
            }
        }
        for (uint256 j; j < 3; ++j) {
            (, UnbondingEntry[] memory entries) = staking.unbondingQueue(delegators[j]);
            for (uint256 k; k < entries.length; ++k) {
                owed += entries[k].amount;
            }
        }
        (,,, uint256 reserve) = staking.totals();
        owed += reserve;
        assertGe(token.balanceOf(address(staking)), owed, "insolvent");
    }

    /// @dev Lets every stream run out, claims everything, and returns funded - (claims + restakes +
    ///      reserve) with its allowed bound.
    function _drainAndMeasure() internal returns (uint256 dust, uint256 tolerance) {
        // Rewards added while a stream ran wait for the pool's next settlement: settle once more
        // so they stream too, then let every stream run out.
        _settle(uint256(keccak256(abi.encode(actions))));
        vm.warp(block.timestamp + 2 * epochLength);
        for (uint256 i; i < 2; ++i) {
            claimed += claimAs(providers[i], providers[i]);
            for (uint256 j; j < 3; ++j) {
                claimed += claimAs(delegators[j], providers[i]);
            }
        }
        for (uint256 i; i < 2; ++i) {
            assertEq(
                staking.getProvider(providers[i]).rewardFinish <= block.timestamp,
                true,
                "stream still running"
            );
            assertEq(staking.pendingRewards(providers[i], providers[i]), 0);
        }
        (,,, uint256 reserve) = staking.totals();
        uint256 accounted = claimed + restaked + reserve;
        assertLe(accounted, funded, "rewards created out of nothing");
        dust = funded - accounted;
        // Per action at most two pools accrue (redelegate, settlement) and four delegations sync.
        tolerance = (actions + 4) * (2 * (maxPool / 1e18 + 1) + 4);
        emit log_named_uint("rounding dust (wei)", dust);
        emit log_named_uint("actions", actions);
    }
}
