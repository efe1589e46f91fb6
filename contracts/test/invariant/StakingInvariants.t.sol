// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {VotesSlots} from "../utils/VotesSlots.sol";
import {InvariantBase} from "./InvariantBase.sol";

/// @notice Protocol-wide accounting invariants under random sequences of every user, provider,
///         governance, guardian and settler action (see {StakingHandler}).
/// @dev Foundry runs one fuzzing campaign per `invariant_*` function, so the accounting checks
///      share one function (and one read of the state) to keep the ci profile within minutes;
///      each assertion message names the property it checks.
contract StakingInvariantsTest is InvariantBase {
    function invariant_accounting() public view {
        State memory st = _readState();
        _assertSolvent(st);
        _assertNoActorWithdrawsMoreThanItPutIn(st);
        _assertStakeSums(st);
        _assertRewardsNeverExceedFunding(st);
        _assertTokenConservation();
        _assertQueuesBounded(st);
        _assertAllotmentsAndScoredSet(st);
        _assertCommissionsWithinMaximum(st);
        _assertVotingPoolsAreTheLiveProviders(st);
    }

    /// @notice (h) No provider that can still be settled holds a commission, or a scheduled
    ///         increase, above the maximum: a later raise of the maximum brings none back at once.
    function _assertCommissionsWithinMaximum(State memory st) internal view {
        uint256 maxBps = staking.parameters().maxCommissionBps;
        for (uint256 i; i < st.pools.length; ++i) {
            ProviderStatus status = st.pools[i].status;
            if (status == ProviderStatus.None || status == ProviderStatus.Exited) continue;
            assertLe(st.pools[i].commissionBps, maxBps, "(h) commission above the maximum");
            assertLe(st.pools[i].pendingCommissionBps, maxBps, "(h) scheduled commission above the maximum");
        }
    }

    /// @notice (i) The pools a snapshot registration prepares are exactly the providers that have
    ///         not exited: an exited pool never holds a slot under the 256 cap, whatever it still holds.
    function _assertVotingPoolsAreTheLiveProviders(State memory st) internal view {
        uint256 live;
        for (uint256 i; i < st.pools.length; ++i) {
            ProviderStatus status = st.pools[i].status;
            if (status != ProviderStatus.None && status != ProviderStatus.Exited) ++live;
        }
        assertEq(
            VotesSlots.votingPoolCount(address(staking)), live, "(i) voting pools are not the live providers"
        );
    }

    /// @notice (a) The contract holds at least every pool, every queued unbonding, every unbonding
    ///         self-stake, every claimable reward and the reward reserve.
    function _assertSolvent(State memory st) internal view {
        uint256 owed = st.reserve + _principalHeld(st) + _sumPending(st);
        assertGe(token.balanceOf(address(staking)), owed, "(a) staking contract cannot pay what it owes");
    }

    /// @notice (b) No actor ever got more out than it put in plus the rewards it was credited, and
    ///         each actor's principal is exactly conserved (slashing only touches self-stake).
    function _assertNoActorWithdrawsMoreThanItPutIn(State memory st) internal view {
        for (uint256 i; i < actors.length; ++i) {
            (
                uint256 deposited,
                uint256 principalOut,
                uint256 rewardsOut,
                uint256 credited,
                uint256 restaked,
                uint256 slashed
            ) = handler.ghostsOf(actors[i]);
            assertLe(
                principalOut + rewardsOut,
                deposited + credited,
                "(b) actor withdrew more than deposits + credited rewards"
            );
            // actors = delegators, then providers.
            uint256 held = i < delegators.length
                ? _delegatorPrincipal(st, i)
                : _providerPrincipal(st, i - delegators.length);
            assertEq(deposited + restaked, principalOut + held + slashed, "(b) principal not conserved");
        }
    }

    /// @notice (c) Every pool is the sum of its delegations (self-stake included), the provider's
    ///         own delegation is its self-stake, and the pools sum to the pool-wide total.
    function _assertStakeSums(State memory st) internal pure {
        uint256 pools;
        for (uint256 i; i < st.pools.length; ++i) {
            assertEq(st.ownStake[i], st.pools[i].selfStake, "(c) own delegation != self-stake");
            uint256 sum = st.ownStake[i];
            for (uint256 j; j < st.stake[i].length; ++j) {
                sum += st.stake[i][j];
            }
            assertEq(sum, st.pools[i].totalStake, "(c) pool != sum of its delegations");
            pools += st.pools[i].totalStake;
        }
        assertEq(pools, st.totalStaked, "(c) pools != totalStaked");
    }

    /// @notice (d) Rewards paid out (claims + restakes) never exceed what was funded into the
    ///         contract (vault releases + addRewards). Beyond that, everything funded is paid,
    ///         claimable, still to stream or in the reserve, up to bounded rounding dust.
    function _assertRewardsNeverExceedFunding(State memory st) internal view {
        uint256 funded = handler.ghost_fundedFromVault() + handler.ghost_addedRewards();
        uint256 paid = handler.ghost_claimed() + handler.ghost_restakedTotal();
        assertLe(paid, funded, "(d) paid more rewards than were funded");
        uint256 accounted = paid + st.reserve + _sumPending(st) + _sumUnstreamed(st);
        assertLe(accounted, funded, "(d) rewards created out of nothing");
        assertLe(
            funded - accounted, handler.ghost_dustBound() + _viewDust(st), "(d) rewards lost beyond rounding"
        );
    }

    /// @notice Every token movement in or out of the staking contract is explained by the ghosts.
    function _assertTokenConservation() internal view {
        uint256 inflow =
            handler.ghost_fundedFromVault() + handler.ghost_addedRewards() + handler.ghost_depositedTotal();
        uint256 outflow =
            handler.ghost_claimed() + handler.ghost_slashedTotal() + handler.ghost_principalOutTotal();
        assertEq(token.balanceOf(address(staking)), inflow - outflow, "unexplained token movement");
    }

    /// @notice Unbonding queues never hold more than MAX_UNBONDING_ENTRIES (16) entries.
    function _assertQueuesBounded(State memory st) internal view {
        assertEq(staking.MAX_UNBONDING_ENTRIES(), 16);
        for (uint256 j; j < st.queueLength.length; ++j) {
            assertLe(st.queueLength[j], 16, "unbonding queue over its bound");
        }
        assertLe(handler.ghost_maxQueueLength(), 16, "unbonding queue was over its bound");
    }

    /// @notice The unused-allotment total is the sum of every account's unused allotment, and the
    ///         scored set is exactly the Active and Jailed providers.
    function _assertAllotmentsAndScoredSet(State memory st) internal view {
        uint256 sum;
        for (uint256 i; i < actors.length; ++i) {
            (uint256 allotment, uint256 used) = staking.allotmentOf(actors[i]);
            assertLe(used, allotment, "allotment over-used");
            sum += allotment - used;
        }
        assertEq(sum, st.unusedAllotments, "unusedAllotments out of sync");

        address[] memory scored = staking.scoredProviders();
        uint256 expected;
        for (uint256 i; i < providers.length; ++i) {
            bool inSet;
            for (uint256 j; j < scored.length; ++j) {
                if (scored[j] == providers[i]) inSet = true;
            }
            ProviderStatus status = st.pools[i].status;
            bool earns = status == ProviderStatus.Active || status == ProviderStatus.Jailed;
            assertEq(inSet, earns, "scored set != Active + Jailed providers");
            if (earns) ++expected;
        }
        assertEq(scored.length, expected, "scored set has strangers");
    }
}

/// @notice The handler is not vacuous: a long pseudo-random sequence makes every action do
///         something at least once (rather than always returning early), with the invariants
///         checked along the way.
contract StakingHandlerCoverageTest is InvariantBase {
    /// @dev 20 runs of 100 calls, like the fuzzer's, each from the setUp state.
    function test_handler_everyActionTakesEffect() public {
        bytes32[26] memory names = [
            bytes32("registerProvider"),
            "setCommission",
            "exitProvider",
            "withdrawSelfStake",
            "topUpSelfStake",
            "unbondSelfStake",
            "delegate",
            "delegateWithPermit",
            "undelegate",
            "undelegateOverEpochs",
            "withdraw",
            "redelegate",
            "claim",
            "claimAll",
            "restake",
            "addRewards",
            "settleEpoch",
            "warp",
            "jail",
            "unjail",
            "slash",
            "pause",
            "unpause",
            "setGlobalCap",
            "setAllotment",
            "setProviderCap"
        ];
        // Memory, not storage: revertToState rolls this contract's storage back too.
        uint256[26] memory done;
        uint256 longestQueue;
        uint256 merges;
        for (uint256 run; run < 20; ++run) {
            uint256 snapshot = vm.snapshotState();
            uint256 seed = uint256(keccak256(abi.encode("coverage", run)));
            for (uint256 step; step < 100; ++step) {
                seed = uint256(keccak256(abi.encode(seed, step)));
                _call(seed);
            }
            for (uint256 i; i < names.length; ++i) {
                done[i] += handler.done(names[i]);
            }
            if (handler.ghost_maxQueueLength() > longestQueue) longestQueue = handler.ghost_maxQueueLength();
            merges += handler.ghost_queueMerges();
            vm.revertToState(snapshot);
        }
        for (uint256 i; i < names.length; ++i) {
            string memory name = string(abi.encodePacked(names[i]));
            emit log_named_uint(name, done[i]);
            assertGt(done[i], 0, string.concat("never took effect: ", name));
        }
        emit log_named_uint("longest unbonding queue", longestQueue);
        emit log_named_uint("undelegations into a full queue", merges);
        assertEq(longestQueue, 16, "queue never filled");
        assertGt(merges, 0, "no undelegation merged into a full queue");
    }

    function _call(uint256 r) internal {
        uint256 a = uint256(keccak256(abi.encode(r, 1)));
        uint256 b = uint256(keccak256(abi.encode(r, 2)));
        uint256 c = uint256(keccak256(abi.encode(r, 3)));
        uint256 d = uint256(keccak256(abi.encode(r, 4)));
        bool flag = (r >> 128) % 2 == 0;
        uint256 action = r % 30;
        if (action == 0) handler.registerProvider(a, b, uint16(c), flag);
        else if (action == 1) handler.setCommission(a, uint16(b));
        else if (action == 2) handler.exitProvider(a, b % 12, flag);
        else if (action == 3) handler.withdrawSelfStake(a, flag);
        else if (action == 4) handler.topUpSelfStake(a, b);
        else if (action == 5) handler.unbondSelfStake(a, b);
        else if (action == 6 || action == 26) handler.delegate(a, b, c);
        else if (action == 7) handler.delegateWithPermit(a, b, c, d);
        else if (action == 8) handler.undelegate(a, b, c);
        else if (action == 9) handler.undelegateOverEpochs(a, b, c);
        else if (action == 10) handler.withdraw(a, flag);
        else if (action == 11) handler.redelegate(a, b, c, d);
        else if (action == 12 || action == 27) handler.claim(a, b);
        else if (action == 13) handler.claimAll(a, b);
        else if (action == 14 || action == 28) handler.restake(a, b);
        else if (action == 15) handler.addRewards(a, b);
        else if (action == 16 || action == 29) handler.settleEpoch(a, b);
        else if (action == 17) handler.warp(a);
        else if (action == 18) handler.jail(a);
        else if (action == 19) handler.unjail(a, flag);
        else if (action == 20) handler.slash(a, b);
        else if (action == 21) handler.pause(a);
        else if (action == 22) handler.unpause();
        else if (action == 23) handler.setGlobalCap(a);
        else if (action == 24) handler.setAllotment(a, b);
        else handler.setProviderCap(a, b);
    }
}
