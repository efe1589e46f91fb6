// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StdInvariant} from "forge-std/StdInvariant.sol";

import {ProviderView, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {RewardMath} from "../../src/libraries/RewardMath.sol";
import {StakingFixture} from "../utils/StakingFixture.sol";
import {StakingHandler} from "./handlers/StakingHandler.sol";

/// @notice Deploys the protocol and the {StakingHandler}, funds the actors, gives every run a
///         running start, and reads the protocol's whole observable state in one pass for the
///         invariants to share.
abstract contract InvariantBase is StakingFixture {
    StakingHandler internal handler;
    address[] internal delegators;
    address[] internal providers;
    address[] internal actors;

    /// @dev Everything the invariants look at, read once per check.
    struct State {
        ProviderView[] pools;
        /// @dev [provider][delegator]; providers hold stake only in their own pool (`own`).
        uint256[][] stake;
        uint256[][] pending;
        uint256[] ownStake;
        uint256[] ownPending;
        /// @dev Per delegator: queued unbonding amount and entry count.
        uint256[] queued;
        uint256[] queueLength;
        uint256 totalStaked;
        uint256 unusedAllotments;
        uint256 reserve;
    }

    function setUp() public virtual override {
        super.setUp();
        handler = new StakingHandler(staking, token, vault, governance);
        delegators = handler.delegators();
        providers = handler.providers();
        actors = handler.actors();
        // Delegators approve per delegation (or sign a permit); providers and the funder approve once.
        for (uint256 i; i < delegators.length; ++i) {
            token.transfer(delegators[i], 20_000_000 ether);
        }
        for (uint256 i; i < providers.length; ++i) {
            give(providers[i], 20_000_000 ether);
        }
        give(handler.funder(), 100_000_000 ether);

        // A running start: two Active providers, one Pending, a few delegations (one by permit).
        handler.registerProvider(0, 1_000_000 ether, 1000, true);
        handler.registerProvider(1, 400_000 ether, 500, true);
        handler.registerProvider(2, 200_000 ether, 3000, false);
        handler.delegate(0, 0, 2_000_000 ether);
        handler.delegate(1, 1, 500_000 ether);
        handler.delegateWithPermit(2, 0, 50_000 ether, 1 hours);
        (uint256 permitStake,) = staking.getDelegation(providers[0], delegators[2]);
        assertEq(permitStake, 50_000 ether, "permit delegation");

        targetContract(address(handler));
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: _selectors()}));
    }

    function _selectors() internal pure returns (bytes4[] memory s) {
        s = new bytes4[](30);
        s[0] = StakingHandler.registerProvider.selector;
        s[1] = StakingHandler.setCommission.selector;
        s[2] = StakingHandler.exitProvider.selector;
        s[3] = StakingHandler.withdrawSelfStake.selector;
        s[4] = StakingHandler.topUpSelfStake.selector;
        s[5] = StakingHandler.unbondSelfStake.selector;
        s[6] = StakingHandler.delegate.selector;
        s[7] = StakingHandler.delegateWithPermit.selector;
        s[8] = StakingHandler.undelegate.selector;
        s[9] = StakingHandler.undelegateOverEpochs.selector;
        s[10] = StakingHandler.withdraw.selector;
        s[11] = StakingHandler.redelegate.selector;
        s[12] = StakingHandler.claim.selector;
        s[13] = StakingHandler.claimAll.selector;
        s[14] = StakingHandler.restake.selector;
        s[15] = StakingHandler.addRewards.selector;
        s[16] = StakingHandler.settleEpoch.selector;
        s[17] = StakingHandler.warp.selector;
        s[18] = StakingHandler.jail.selector;
        s[19] = StakingHandler.unjail.selector;
        s[20] = StakingHandler.slash.selector;
        s[21] = StakingHandler.pause.selector;
        s[22] = StakingHandler.unpause.selector;
        s[23] = StakingHandler.setGlobalCap.selector;
        s[24] = StakingHandler.setAllotment.selector;
        s[25] = StakingHandler.setProviderCap.selector;
        // Delegating, settling and claiming are what the protocol is for: weight them up.
        s[26] = StakingHandler.delegate.selector;
        s[27] = StakingHandler.settleEpoch.selector;
        s[28] = StakingHandler.claim.selector;
        s[29] = StakingHandler.setMaxCommission.selector;
    }

    /// @dev One pass over every view the invariants need.
    function _readState() internal view returns (State memory st) {
        uint256 np = providers.length;
        uint256 nd = delegators.length;
        st.pools = new ProviderView[](np);
        st.stake = new uint256[][](np);
        st.pending = new uint256[][](np);
        st.ownStake = new uint256[](np);
        st.ownPending = new uint256[](np);
        for (uint256 i; i < np; ++i) {
            address p = providers[i];
            st.pools[i] = staking.getProvider(p);
            (st.ownStake[i], st.ownPending[i]) = staking.getDelegation(p, p);
            st.stake[i] = new uint256[](nd);
            st.pending[i] = new uint256[](nd);
            for (uint256 j; j < nd; ++j) {
                (st.stake[i][j], st.pending[i][j]) = staking.getDelegation(p, delegators[j]);
            }
        }
        st.queued = new uint256[](nd);
        st.queueLength = new uint256[](nd);
        for (uint256 j; j < nd; ++j) {
            (, UnbondingEntry[] memory entries) = staking.unbondingQueue(delegators[j]);
            st.queueLength[j] = entries.length;
            for (uint256 k; k < entries.length; ++k) {
                st.queued[j] += entries[k].amount;
            }
        }
        (st.totalStaked,, st.unusedAllotments, st.reserve) = staking.totals();
    }

    /// @dev Principal held for delegator `j`: its delegations and its queued unbondings.
    function _delegatorPrincipal(State memory st, uint256 j) internal pure returns (uint256 amount) {
        amount = st.queued[j];
        for (uint256 i; i < st.pools.length; ++i) {
            amount += st.stake[i][j];
        }
    }

    /// @dev Principal held for provider `i`: its self-stake and its unbonding self-stake.
    function _providerPrincipal(State memory st, uint256 i) internal pure returns (uint256) {
        return st.pools[i].selfStake + st.pools[i].selfStakeUnbonding;
    }

    function _delegatorPending(State memory st, uint256 j) internal pure returns (uint256 amount) {
        for (uint256 i; i < st.pools.length; ++i) {
            amount += st.pending[i][j];
        }
    }

    function _sumPending(State memory st) internal pure returns (uint256 amount) {
        for (uint256 i; i < st.pools.length; ++i) {
            amount += st.ownPending[i];
            for (uint256 j; j < st.pending[i].length; ++j) {
                amount += st.pending[i][j];
            }
        }
    }

    function _principalHeld(State memory st) internal pure returns (uint256 amount) {
        for (uint256 i; i < st.pools.length; ++i) {
            amount += _providerPrincipal(st, i);
        }
        for (uint256 j; j < st.queued.length; ++j) {
            amount += _delegatorPrincipal(st, j);
        }
    }

    /// @dev Reward still to reach pool `i`'s delegations: the rest of its stream (from the last
    ///      update if the pool is empty: that part goes to the reserve at its next accrual) and
    ///      what addRewards queued for its next settlement.
    function _unstreamed(State memory st, uint256 i) internal view returns (uint256) {
        ProviderView memory v = st.pools[i];
        uint256 from = v.totalStake < RewardMath.MIN_EARNING_STAKE
            ? handler.streamUpdatedAt(providers[i])
            : block.timestamp;
        uint256 streaming = v.rewardFinish > from ? v.rewardRate * (v.rewardFinish - from) : 0;
        return streaming + handler.queuedRewards(providers[i]);
    }

    function _sumUnstreamed(State memory st) internal view returns (uint256 amount) {
        for (uint256 i; i < st.pools.length; ++i) {
            amount += _unstreamed(st, i);
        }
    }

    /// @dev The views' own rounding: one hypothetical accrual per pool and a wei per delegation.
    function _viewDust(State memory st) internal view returns (uint256 amount) {
        for (uint256 i; i < st.pools.length; ++i) {
            amount += st.pools[i].totalStake / 1e18 + 1;
        }
        amount += actors.length * providers.length;
    }
}
