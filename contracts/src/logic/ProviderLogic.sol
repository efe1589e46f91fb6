// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IRewardVault} from "../interfaces/IRewardVault.sol";
import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters, ProviderStatus} from "../interfaces/IStakingTypes.sol";
import {CapacityLib} from "../libraries/CapacityLib.sol";
import {PoolLib} from "../libraries/PoolLib.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {
    Bond,
    Control,
    Delegation,
    Layout,
    Pool,
    PoolFlags,
    Provider,
    Stake,
    Stream,
    Terms
} from "../libraries/StakingStorage.sol";
import {TimeLib} from "../libraries/TimeLib.sol";
import {VotesLib} from "../libraries/VotesLib.sol";

/// @title ProviderLogic
/// @notice A provider's life cycle: register, admit, describe, commission, jail, slash, exit.
/// @dev An external library: the staking contract delegatecalls it, so it runs on the staking
///      contract's storage with the original `msg.sender`. Access control is the caller's job.
library ProviderLogic {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;

    function register(
        Layout storage $,
        IERC20 token,
        uint256 selfStake,
        uint16 commissionBps,
        string calldata metadataURI
    ) external {
        if ($.control.paused) revert IStakingErrors.EnforcedPause();
        Provider storage prov = $.providers[msg.sender];
        if (prov.pool.status != ProviderStatus.None) {
            revert IStakingErrors.StakingProviderAlreadyRegistered(msg.sender);
        }
        Parameters memory params = $.params;
        if (selfStake < params.minSelfStake) {
            revert IStakingErrors.StakingBelowMinSelfStake(selfStake, params.minSelfStake);
        }
        if (commissionBps > params.maxCommissionBps) {
            revert IStakingErrors.StakingCommissionTooHigh(commissionBps, params.maxCommissionBps);
        }
        uint96 amount = StakeLib.toAmount(selfStake);
        Control memory c = $.control;
        // A new record held nothing at any past snapshot: it starts having seen them all.
        uint256 p = VotesLib.past($, c);
        StakeLib.takeGlobalRoom($, c, msg.sender, amount, p);

        prov.pool = Pool({
            selfStake: amount,
            commissionAccrued: 0,
            status: ProviderStatus.Pending,
            commissionBps: commissionBps,
            lowScoreStreak: 0,
            lastScoreBps: 0,
            flags: 0
        });
        PoolLib.writeStake(prov, Stake({total: amount, stakeSeconds: 0, updatedAt: TimeLib.now32()}));
        // Non-zero from the start (an ended stream), so no settlement or delegator pays for creating
        // the slot.
        PoolLib.writeStream(
            prov, Stream({rewardPerToken: 0, rate: 0, finish: TimeLib.now32(), votesSeen: uint32(p)})
        );
        prov.metadataURI = metadataURI;
        PoolLib.store($.delegations[msg.sender][msg.sender], amount, p, 0, 0);
        _addVotingPool($, msg.sender, p, c.snapshotCount);

        token.safeTransferFrom(msg.sender, address(this), amount);
        emit IStakingEvents.ProviderRegistered(msg.sender, amount, commissionBps, metadataURI);
        emit IStakingEvents.Delegated(msg.sender, msg.sender, amount, amount, amount);
    }

    function admit(Layout storage $, address provider) external {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        StakeLib.requireStatus(provider, pool.status, ProviderStatus.Pending);
        // A slash may have taken a Pending bond below the minimum.
        uint96 minSelfStake = $.params.minSelfStake;
        if (pool.selfStake < minSelfStake) {
            revert IStakingErrors.StakingBelowMinSelfStake(pool.selfStake, minSelfStake);
        }
        pool.status = ProviderStatus.Active;
        PoolLib.write(prov, pool);
        _startWindow($, prov);
        $.scored.add(provider);
        emit IStakingEvents.ProviderAdmitted(provider);
    }

    function setMetadataURI(Layout storage $, string calldata metadataURI) external {
        Provider storage prov = $.providers[msg.sender];
        _requireRegistered(msg.sender, prov.pool.status);
        prov.metadataURI = metadataURI;
        emit IStakingEvents.ProviderMetadataUpdated(msg.sender, metadataURI);
    }

    function setCommission(Layout storage $, uint16 commissionBps) external {
        Provider storage prov = $.providers[msg.sender];
        Pool memory pool = prov.pool;
        _requireRegistered(msg.sender, pool.status);
        uint16 maxBps = $.params.maxCommissionBps;
        if (commissionBps > maxBps) revert IStakingErrors.StakingCommissionTooHigh(commissionBps, maxBps);

        Terms storage terms = prov.terms;
        if (commissionBps <= pool.commissionBps) {
            // A decrease (or no change) applies at once and cancels any scheduled increase.
            StakeLib.setCommissionNow(prov, pool, msg.sender, commissionBps);
        } else {
            uint256 effectiveAt = block.timestamp + $.params.commissionNoticePeriod;
            terms.pendingCommissionBps = commissionBps;
            terms.commissionEffectiveAt = TimeLib.toTime(effectiveAt);
            pool.flags = PoolFlags.set(pool.flags, PoolFlags.COMMISSION_PENDING, true);
            emit IStakingEvents.CommissionIncreaseScheduled(msg.sender, commissionBps, effectiveAt);
        }
        PoolLib.write(prov, pool);
    }

    function exit(Layout storage $, address provider, bool removed) external {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        _requireRegistered(provider, pool.status);
        if (pool.status == ProviderStatus.Active || pool.status == ProviderStatus.Jailed) {
            $.scored.remove(provider);
        }

        Control memory c = $.control;
        uint256 p = VotesLib.past($, c);
        uint96 selfStake = pool.selfStake;
        _takeOwnStake($, prov, provider, selfStake, false, p);
        pool.selfStake = 0;
        pool.status = ProviderStatus.Exited;
        StakeLib.releaseGlobalRoom($, c, provider, selfStake, p);

        (uint256 unbonding, uint256 releaseAt) =
            StakeLib.unbondSelfStake(prov.bond, selfStake, $.params.providerUnbondingPeriod);
        _closePool($, prov, pool);
        // An exited pool can only shrink: it leaves the pools that snapshot registration prepares,
        // so it holds no slot under the cap, and whoever leaves it later pays for its own history.
        $.votingPools.remove(provider);
        emit IStakingEvents.ProviderExited(provider, unbonding, releaseAt, removed);
    }

    function jail(Layout storage $, address provider) external {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        StakeLib.requireStatus(provider, pool.status, ProviderStatus.Active);
        StakeLib.jail($, prov, pool);
        emit IStakingEvents.ProviderJailed(provider, StakeLib.currentEpoch($.control), true);
    }

    function unjail(Layout storage $, address provider, bool byGovernance) external {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        StakeLib.requireStatus(provider, pool.status, ProviderStatus.Jailed);
        if (!byGovernance) {
            Parameters memory params = $.params;
            uint256 availableAt = uint256(prov.terms.jailedAt) + params.jailCooldown;
            if (block.timestamp < availableAt) revert IStakingErrors.StakingJailCooldown(availableAt);
            if (pool.lowScoreStreak != 0) {
                revert IStakingErrors.StakingScoreBelowThreshold(pool.lastScoreBps, params.jailThresholdBps);
            }
            if (pool.selfStake < params.minSelfStake) {
                revert IStakingErrors.StakingBelowMinSelfStake(pool.selfStake, params.minSelfStake);
            }
        }
        pool.status = ProviderStatus.Active;
        pool.lowScoreStreak = 0;
        PoolLib.write(prov, pool);
        _startWindow($, prov);
        emit IStakingEvents.ProviderUnjailed(provider, byGovernance);
    }

    function slash(Layout storage $, IERC20 token, address provider, uint256 amount) external {
        if (amount == 0) revert IStakingErrors.StakingZeroAmount();
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        if (pool.status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        Bond memory bond = prov.bond;
        uint256 maxAmount = (uint256(pool.selfStake) + bond.unbonding) * $.params.maxSlashBps / RewardMath.BPS;
        if (amount > maxAmount) revert IStakingErrors.StakingSlashTooLarge(amount, maxAmount);

        // Active self-stake is the first-loss bond; unbonding self-stake covers the rest.
        uint96 fromStake = uint96(CapacityLib.min(amount, pool.selfStake));
        uint96 fromUnbonding = uint96(amount - fromStake);
        if (fromStake != 0) {
            Control memory c = $.control;
            uint256 p = VotesLib.past($, c);
            // The provider's unclaimed pool rewards move to its commission (both paid by
            // claim(self)), so however small the slashed bond, no carry is needed.
            pool.commissionAccrued += _takeOwnStake($, prov, provider, fromStake, true, p);
            pool.selfStake -= fromStake;
            StakeLib.releaseGlobalRoom($, c, provider, fromStake, p);
        }
        if (fromUnbonding != 0) prov.bond.unbonding = bond.unbonding - fromUnbonding;

        if (pool.status == ProviderStatus.Active && pool.selfStake < $.params.minSelfStake) {
            StakeLib.jail($, prov, pool);
            emit IStakingEvents.ProviderJailed(provider, StakeLib.currentEpoch($.control), true);
        } else {
            PoolLib.write(prov, pool);
        }
        IRewardVault vault = $.vault;
        token.forceApprove(address(vault), amount);
        vault.fund(amount);
        emit IStakingEvents.Slashed(provider, fromStake, fromUnbonding, pool.selfStake);
    }

    function withdrawSelfStake(Layout storage $, IERC20 token) external {
        Bond storage bond = $.providers[msg.sender].bond;
        uint96 amount = bond.unbonding;
        if (amount == 0 || block.timestamp < bond.releaseAt) {
            revert IStakingErrors.StakingNothingToWithdraw();
        }
        bond.unbonding = 0;
        token.safeTransfer(msg.sender, amount);
        emit IStakingEvents.SelfStakeWithdrawn(msg.sender, amount);
    }

    function setProviderCap(Layout storage $, address provider, uint256 maxStake) external {
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        if (pool.status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        prov.terms.maxStake = StakeLib.toAmount(maxStake);
        pool.flags = PoolFlags.set(pool.flags, PoolFlags.CAPPED, maxStake != 0);
        PoolLib.write(prov, pool);
        emit IStakingEvents.ProviderCapSet(provider, maxStake);
    }

    /// @dev An exited pool is never settled again: a scheduled commission change is dropped and
    ///      queued rewards start streaming now.
    function _closePool(Layout storage $, Provider storage prov, Pool memory pool) private {
        if (PoolFlags.has(pool.flags, PoolFlags.COMMISSION_PENDING)) {
            prov.terms.pendingCommissionBps = 0;
            prov.terms.commissionEffectiveAt = 0;
        }
        if (PoolFlags.has(pool.flags, PoolFlags.REWARDS_QUEUED)) {
            uint256 queued = prov.queuedRewards;
            prov.queuedRewards = 0;
            PoolLib.restartStream($, prov, queued, $.control.epochLength);
        }
        pool.flags = PoolFlags.set(pool.flags, PoolFlags.COMMISSION_PENDING | PoolFlags.REWARDS_QUEUED, false);
        PoolLib.write(prov, pool);
    }

    /// @dev Takes `amount` out of the provider's own delegation and its pool (exit, slash). With
    ///      `payOut`, returns the delegation's unclaimed rewards instead of carrying them.
    function _takeOwnStake(
        Layout storage $,
        Provider storage prov,
        address provider,
        uint96 amount,
        bool payOut,
        uint256 p
    ) private returns (uint96 rewards) {
        (Stake memory stake, Stream memory stream,) = PoolLib.sync($, prov);
        uint256 rpt = stream.rewardPerToken;
        Delegation storage own = $.delegations[provider][provider];
        Delegation memory current = own;
        uint256 owedAmount = PoolLib.owed(current, rpt);
        if (payOut) rewards = uint96(owedAmount);
        VotesLib.beforeDelegationChange($, provider, provider, current, p);
        PoolLib.store(own, current.stake - amount, current.votesSeen, payOut ? 0 : owedAmount, rpt);
        VotesLib.beforePoolChange($, provider, stream, stake.total, p);
        PoolLib.writeStream(prov, stream);
        stake.total -= amount;
        PoolLib.writeStake(prov, stake);
    }

    /// @dev Stake-time before this point (Pending, Jailed) earns nothing at the next settlement.
    function _startWindow(Layout storage $, Provider storage prov) private {
        (Stake memory stake, Stream memory stream,) = PoolLib.sync($, prov);
        stake.stakeSeconds = 0;
        PoolLib.writeStream(prov, stream);
        PoolLib.writeStake(prov, stake);
    }

    /// @dev A new pool joins the pools every snapshot registration prepares, and gets its entries
    ///      for the snapshots already registered but not yet past, `(p, count]`.
    function _addVotingPool(Layout storage $, address provider, uint256 p, uint256 count) private {
        $.votingPools.add(provider);
        if ($.votingPools.length() > VotesLib.MAX_VOTING_POOLS) {
            revert IStakingErrors.StakingTooManyProviders(VotesLib.MAX_VOTING_POOLS);
        }
        mapping(uint256 => uint256) storage entries = $.poolVotes[provider];
        for (uint256 i = p + 1; i <= count; ++i) {
            entries[i] = VotesLib.PREPARED;
        }
    }

    function _requireRegistered(address provider, ProviderStatus status) private pure {
        if (status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        if (status == ProviderStatus.Exited) {
            revert IStakingErrors.StakingInvalidProviderStatus(provider, uint8(status));
        }
    }
}
