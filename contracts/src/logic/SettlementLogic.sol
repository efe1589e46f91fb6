// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters, ProviderSettlement, ProviderStatus} from "../interfaces/IStakingTypes.sol";
import {EpochLib} from "../libraries/EpochLib.sol";
import {PoolLib} from "../libraries/PoolLib.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {
    Control,
    Layout,
    Ledger,
    Pool,
    PoolFlags,
    Provider,
    Stake,
    Stream,
    Terms
} from "../libraries/StakingStorage.sol";
import {TimeLib} from "../libraries/TimeLib.sol";

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
        uint256 epochLength;
        /// @dev Rewards coming back to the reserve (streamed to nobody, rate rounding), written once.
        uint256 toReserve;
        uint16 jailThresholdBps;
        uint8 jailAfterEpochs;
        /// @dev When the previous settlement ran (genesis before the first): every settled window
        ///      started then or later.
        uint256 previousSettlement;
    }

    function settle(
        Layout storage $,
        uint256 epoch,
        address[] calldata providers,
        uint16[] calldata scoresBps
    ) external {
        Control memory t = $.control;
        Ledger memory ledger = $.ledger;
        uint256 next = ledger.nextEpoch;
        uint256 endsAt = EpochLib.endOf(epoch, t.genesis, t.epochLength);
        if (epoch != next || block.timestamp < endsAt) {
            revert IStakingErrors.StakingEpochNotSettleable(epoch, next, endsAt);
        }
        uint256 count = providers.length;
        if (count != scoresBps.length || count != $.scored.length()) {
            revert IStakingErrors.StakingInvalidSettlementSet();
        }

        (ProviderSettlement[] memory settlements, uint256 totalWeight) = _collect($, providers, scoresBps);
        Round memory round = _openRound($, epoch, t, ledger, totalWeight);
        uint256 distributed = _settleAll($, round, settlements);
        // Rounding remainders of the split stay in the reserve for the next epoch.
        ledger = $.ledger;
        ledger.rewardReserve = uint96(ledger.rewardReserve + round.toReserve - distributed);
        ledger.nextEpoch = uint32(epoch + 1);
        ledger.lastSettledAt = TimeLib.now32();
        $.ledger = ledger;
        emit IStakingEvents.EpochSettled(epoch, round.budget, distributed, totalWeight, ledger.rewardReserve);
        emit IStakingEvents.ProvidersSettled(epoch, settlements);
    }

    /// @notice Adds `amount` from the caller to a provider's rewards (Active or Jailed pools). An
    ///         idle stream starts at once; a running one is never stretched: the amount waits for the
    ///         pool's next settlement.
    function addRewards(Layout storage $, IERC20 token, address provider, uint256 amount) external {
        if (amount == 0) revert IStakingErrors.StakingZeroAmount();
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        if (pool.status != ProviderStatus.Active && pool.status != ProviderStatus.Jailed) {
            StakeLib.requireActive(provider, pool.status);
        }
        uint96 value = StakeLib.toAmount(amount);
        uint256 rate = prov.stream.rate;
        uint256 finish = prov.stream.finish;
        bool queued = finish > block.timestamp;
        if (queued) {
            prov.queuedRewards += value;
            if (!PoolFlags.has(pool.flags, PoolFlags.REWARDS_QUEUED)) {
                pool.flags = PoolFlags.set(pool.flags, PoolFlags.REWARDS_QUEUED, true);
                PoolLib.write(prov, pool);
            }
        } else {
            (rate, finish) = PoolLib.restartStream($, prov, value, $.control.epochLength);
        }
        token.safeTransferFrom(msg.sender, address(this), value);
        emit IStakingEvents.PoolRewardsAdded(provider, msg.sender, value, queued, rate, finish);
    }

    /// @dev First pass: the set must be strictly increasing and all scored. Records each provider's
    ///      stake integral as of now and sums the Active ones' weights.
    function _collect(Layout storage $, address[] calldata providers, uint16[] calldata scoresBps)
        private
        view
        returns (ProviderSettlement[] memory settlements, uint256 totalWeight)
    {
        settlements = new ProviderSettlement[](providers.length);
        address previous;
        for (uint256 i; i < providers.length; ++i) {
            address provider = providers[i];
            if (provider <= previous) revert IStakingErrors.StakingInvalidSettlementSet();
            previous = provider;
            uint16 score = scoresBps[i];
            if (score > RewardMath.BPS) revert IStakingErrors.StakingScoreTooHigh(score);
            Provider storage prov = $.providers[provider];
            ProviderStatus status = prov.pool.status;
            if (status != ProviderStatus.Active && status != ProviderStatus.Jailed) {
                revert IStakingErrors.StakingInvalidSettlementSet();
            }
            ProviderSettlement memory settled = settlements[i];
            settled.provider = provider;
            settled.scoreBps = score;
            uint256 scratch = _memoryMark();
            settled.stakeSeconds = PoolLib.integrate(prov.stake);
            _memoryRelease(scratch);
            if (status == ProviderStatus.Active) {
                totalWeight += RewardMath.weight(settled.stakeSeconds, score);
            }
        }
    }

    /// @dev Gathers what every provider's settlement needs and funds the budget.
    function _openRound(
        Layout storage $,
        uint256 epoch,
        Control memory t,
        Ledger memory ledger,
        uint256 totalWeight
    ) private returns (Round memory round) {
        Parameters memory params = $.params;
        round = Round({
            epoch: epoch,
            budget: 0,
            totalWeight: totalWeight,
            epochLength: t.epochLength,
            toReserve: 0,
            jailThresholdBps: params.jailThresholdBps,
            jailAfterEpochs: params.jailAfterEpochs,
            previousSettlement: epoch == 0 ? t.genesis : ledger.lastSettledAt
        });
        if (totalWeight != 0) {
            // The budget follows the time since the previous settlement, so a settler that falls
            // behind and catches up pays every epoch's budget, however it catches up.
            uint256 due =
                Math.mulDiv(params.rewardPerEpoch, block.timestamp - round.previousSettlement, t.epochLength);
            round.budget = _fundBudget($, due, ledger.rewardReserve);
        }
    }

    /// @dev Tops the reserve up to the budget due from the vault (less when it runs dry).
    function _fundBudget(Layout storage $, uint256 due, uint96 reserve) private returns (uint256 budget) {
        if (reserve >= due) return due;
        uint256 pulled = $.vault.release(due - reserve);
        budget = reserve + pulled;
        $.ledger.rewardReserve = uint96(budget);
    }

    /// @dev Second pass: settles each provider and returns what was given in all.
    function _settleAll(Layout storage $, Round memory round, ProviderSettlement[] memory settlements)
        private
        returns (uint256 distributed)
    {
        for (uint256 i; i < settlements.length; ++i) {
            ProviderSettlement memory settled = settlements[i];
            uint256 scratch = _memoryMark();
            _settleProvider($, round, settled);
            _memoryRelease(scratch);
            distributed += settled.reward;
        }
    }

    /// @dev Second pass for one provider: fills in what it was given (commission + pool share).
    function _settleProvider(Layout storage $, Round memory round, ProviderSettlement memory settled)
        private
    {
        Provider storage prov = $.providers[settled.provider];
        Pool memory pool = prov.pool;
        Stake memory stake = prov.stake;
        Stream memory stream = prov.stream;
        round.toReserve += PoolLib.advance(stream, stake.total, stake.updatedAt);

        if (PoolFlags.has(pool.flags, PoolFlags.COMMISSION_PENDING)) {
            _applyCommissionChange(prov, pool, settled.provider, round.previousSettlement);
        }

        uint256 toStream;
        bool restart = PoolFlags.has(pool.flags, PoolFlags.REWARDS_QUEUED);
        if (restart) {
            toStream = prov.queuedRewards;
            prov.queuedRewards = 0;
            pool.flags = PoolFlags.set(pool.flags, PoolFlags.REWARDS_QUEUED, false);
        }
        if (pool.status == ProviderStatus.Active && round.totalWeight != 0) {
            settled.reward = RewardMath.shareDown(
                round.budget, RewardMath.weight(settled.stakeSeconds, settled.scoreBps), round.totalWeight
            );
            uint256 poolShare;
            (settled.commission, poolShare) =
                RewardMath.splitCommissionDown(settled.reward, pool.commissionBps);
            pool.commissionAccrued += uint96(settled.commission);
            toStream += poolShare;
            restart = true;
        }
        if (restart) round.toReserve += PoolLib.restart(stream, toStream, round.epochLength);
        PoolLib.writeStream(prov, stream);
        // The next window starts now.
        PoolLib.writeStake(prov, Stake({total: stake.total, stakeSeconds: 0, updatedAt: TimeLib.now32()}));
        pool.lastScoreBps = settled.scoreBps;
        if (settled.scoreBps < round.jailThresholdBps) {
            if (pool.lowScoreStreak < type(uint8).max) ++pool.lowScoreStreak;
            if (pool.status == ProviderStatus.Active && pool.lowScoreStreak >= round.jailAfterEpochs) {
                pool.status = ProviderStatus.Jailed;
                prov.terms.jailedAt = TimeLib.now32();
                emit IStakingEvents.ProviderJailed(settled.provider, round.epoch, false);
            }
        } else {
            pool.lowScoreStreak = 0;
        }
        PoolLib.write(prov, pool);
    }

    /// @dev A scheduled commission increase applies from the first settlement whose window starts
    ///      after its notice ran out: however late settlements run, no reward for time before
    ///      `commissionEffectiveAt` pays it.
    function _applyCommissionChange(
        Provider storage prov,
        Pool memory pool,
        address provider,
        uint256 windowStart
    ) private {
        Terms memory terms = prov.terms;
        if (terms.commissionEffectiveAt > windowStart) return;
        StakeLib.setCommissionNow(prov, pool, provider, terms.pendingCommissionBps);
    }

    /// @dev The loops copy each provider's slots into memory structs that are dead once the provider
    ///      is done; releasing them keeps memory, whose cost grows quadratically, at one provider's
    ///      worth instead of the whole set's. Nothing allocated after a mark may be used after release.
    function _memoryMark() private pure returns (uint256 mark) {
        assembly ("memory-safe") {
            mark := mload(0x40)
        }
    }

    function _memoryRelease(uint256 mark) private pure {
        assembly ("memory-safe") {
            mstore(0x40, mark)
        }
    }
}
