// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters, ProviderStatus} from "../interfaces/IStakingTypes.sol";
import {EpochLib} from "../libraries/EpochLib.sol";
import {PoolLib} from "../libraries/PoolLib.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {Clock, Layout, Pool, Provider, Settlement} from "../libraries/StakingStorage.sol";

/// @title SettlementLogic
/// @notice Funds pools' reward streams: `addRewards` from anyone, and the settlement of an ended
///         epoch, which splits its budget among Active providers by stake-seconds x score, pays
///         commissions, restarts each pool's stream and jails providers whose score stayed below
///         the threshold. Linear in scored providers; nothing else is looped.
/// @dev An external library, delegatecalled by the staking contract.
library SettlementLogic {
    using EnumerableSet for EnumerableSet.AddressSet;
    using SafeERC20 for IERC20;

    /// @dev What every provider's settlement needs, gathered once.
    struct Round {
        uint256 epoch;
        uint256 budget;
        uint256 totalWeight;
        uint16 jailThresholdBps;
        uint8 jailAfterEpochs;
        uint16 maxCommissionBps;
    }

    function settle(
        Layout storage $,
        uint256 epoch,
        address[] calldata providers,
        uint16[] calldata scoresBps
    ) external {
        Clock memory clock = $.clock;
        uint256 next = $.totals.nextEpoch;
        uint256 endsAt = EpochLib.endOf(epoch, clock.genesis, clock.epochLength);
        if (epoch != next || block.timestamp < endsAt) {
            revert IStakingErrors.StakingEpochNotSettleable(epoch, next, endsAt);
        }
        uint256 count = providers.length;
        if (count != scoresBps.length || count != $.scored.length()) {
            revert IStakingErrors.StakingInvalidSettlementSet();
        }

        Parameters memory params = $.params;
        Round memory round = Round({
            epoch: epoch,
            budget: 0,
            totalWeight: _totalWeight($, providers, scoresBps),
            jailThresholdBps: params.jailThresholdBps,
            jailAfterEpochs: params.jailAfterEpochs,
            maxCommissionBps: params.maxCommissionBps
        });
        if (round.totalWeight != 0) {
            // The budget follows the time since the previous settlement, so a settler that falls
            // behind and catches up pays every epoch's budget, however it catches up.
            uint256 lastSettledAt = next == 0 ? clock.genesis : $.totals.lastSettledAt;
            uint256 due =
                Math.mulDiv(params.rewardPerEpoch, block.timestamp - lastSettledAt, clock.epochLength);
            round.budget = _fundBudget($, due, clock.rewardReserve);
        }

        uint256 distributed;
        for (uint256 i; i < count; ++i) {
            distributed += _settleProvider($, round, providers[i], scoresBps[i]);
        }
        // Rounding remainders of the split stay in the reserve for the next epoch.
        uint96 reserve = $.clock.rewardReserve - uint96(distributed);
        $.clock.rewardReserve = reserve;
        $.totals.nextEpoch = uint32(next + 1);
        $.totals.lastSettledAt = uint32(block.timestamp);
        emit IStakingEvents.EpochSettled(epoch, round.budget, distributed, round.totalWeight, reserve);
    }

    /// @notice Adds `amount` from the caller to a provider's rewards (Active or Jailed pools). An
    ///         idle stream starts at once; a running one is never stretched: the amount waits for the
    ///         pool's next settlement.
    function addRewards(Layout storage $, address provider, uint256 amount) external {
        if (amount == 0) revert IStakingErrors.StakingZeroAmount();
        Provider storage prov = $.providers[provider];
        (Pool memory pool,) = PoolLib.accrue($, prov);
        if (pool.status != ProviderStatus.Active && pool.status != ProviderStatus.Jailed) {
            StakeLib.requireActive(provider, pool.status);
        }
        uint96 value = StakeLib.toAmount(amount);
        prov.pool = pool;
        uint256 rate = prov.stream.rate;
        uint256 finish = prov.stream.finish;
        bool queued = finish > block.timestamp;
        if (queued) {
            prov.queuedRewards += value;
            prov.settlement.rewardsQueued = true;
        } else {
            (rate, finish) = PoolLib.restartStream($, prov, value);
        }
        $.token.safeTransferFrom(msg.sender, address(this), value);
        emit IStakingEvents.PoolRewardsAdded(provider, msg.sender, value, queued, rate, finish);
    }

    /// @dev First pass: the set must be strictly increasing and all scored; sums Active weights.
    function _totalWeight(Layout storage $, address[] calldata providers, uint16[] calldata scoresBps)
        private
        view
        returns (uint256 totalWeight)
    {
        address previous;
        for (uint256 i; i < providers.length; ++i) {
            address provider = providers[i];
            if (provider <= previous) revert IStakingErrors.StakingInvalidSettlementSet();
            previous = provider;
            uint16 score = scoresBps[i];
            if (score > RewardMath.BPS) revert IStakingErrors.StakingScoreTooHigh(score);
            Provider storage prov = $.providers[provider];
            Pool memory pool = prov.pool;
            if (pool.status == ProviderStatus.Active) {
                totalWeight += RewardMath.weight(PoolLib.stakeSecondsNow(prov, pool), score);
            } else if (pool.status != ProviderStatus.Jailed) {
                revert IStakingErrors.StakingInvalidSettlementSet();
            }
        }
    }

    /// @dev Tops the reserve up to the budget due from the vault (less when it runs dry).
    function _fundBudget(Layout storage $, uint256 due, uint96 reserve) private returns (uint256 budget) {
        if (reserve >= due) return due;
        uint256 pulled = $.vault.release(due - reserve);
        budget = reserve + pulled;
        $.clock.rewardReserve = uint96(budget);
    }

    /// @dev Second pass for one provider. Returns what it was given (commission + pool share).
    function _settleProvider(Layout storage $, Round memory round, address provider, uint16 scoreBps)
        private
        returns (uint256 reward)
    {
        Provider storage prov = $.providers[provider];
        (Pool memory pool,) = PoolLib.accrue($, prov);
        Settlement memory st = prov.settlement;
        uint256 stakeSeconds = prov.stream.stakeSeconds;
        uint256 window = block.timestamp - st.windowStart;

        if (st.commissionEffectiveAt != 0 && st.commissionEffectiveAt <= block.timestamp) {
            emit IStakingEvents.CommissionChanged(provider, pool.commissionBps, st.pendingCommissionBps);
            pool.commissionBps = st.pendingCommissionBps;
            st.pendingCommissionBps = 0;
            st.commissionEffectiveAt = 0;
        }

        uint256 commission;
        uint256 rate = prov.stream.rate;
        uint256 toStream;
        bool restart = st.rewardsQueued;
        if (restart) {
            toStream = prov.queuedRewards;
            prov.queuedRewards = 0;
            st.rewardsQueued = false;
        }
        if (pool.status == ProviderStatus.Active && round.totalWeight != 0) {
            reward = RewardMath.shareDown(
                round.budget, RewardMath.weight(stakeSeconds, scoreBps), round.totalWeight
            );
            uint256 poolShare;
            (commission, poolShare) = RewardMath.splitCommissionDown(
                reward,
                pool.commissionBps < round.maxCommissionBps ? pool.commissionBps : round.maxCommissionBps
            );
            st.commissionAccrued += uint96(commission);
            toStream += poolShare;
            restart = true;
        }
        if (restart) (rate,) = PoolLib.restartStream($, prov, toStream);
        prov.stream.stakeSeconds = 0;
        st.windowStart = uint32(block.timestamp);
        st.lastScoreBps = scoreBps;
        if (scoreBps < round.jailThresholdBps) {
            if (st.lowScoreStreak < type(uint8).max) ++st.lowScoreStreak;
            if (pool.status == ProviderStatus.Active && st.lowScoreStreak >= round.jailAfterEpochs) {
                pool.status = ProviderStatus.Jailed;
                st.jailedAt = uint32(block.timestamp);
                emit IStakingEvents.ProviderJailed(provider, round.epoch, false);
            }
        } else {
            st.lowScoreStreak = 0;
        }
        prov.pool = pool;
        prov.settlement = st;
        emit IStakingEvents.ProviderSettled(
            round.epoch, provider, scoreBps, stakeSeconds, window, reward, commission, rate
        );
    }
}
