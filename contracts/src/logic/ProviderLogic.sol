// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {Parameters, ProviderStatus} from "../interfaces/IStakingTypes.sol";
import {CapacityLib} from "../libraries/CapacityLib.sol";
import {PoolLib} from "../libraries/PoolLib.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {StakeLib} from "../libraries/StakeLib.sol";
import {Bond, Delegation, Layout, Pool, Provider, Settlement} from "../libraries/StakingStorage.sol";

/// @title ProviderLogic
/// @notice A provider's life cycle: register, admit, describe, commission, jail, slash, exit.
/// @dev An external library: the staking contract delegatecalls it, so it runs on the staking
///      contract's storage with the original `msg.sender`. Access control is the caller's job.
library ProviderLogic {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;

    function register(Layout storage $, uint256 selfStake, uint16 commissionBps, string calldata metadataURI)
        external
    {
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
        StakeLib.takeGlobalRoom($, msg.sender, amount);

        prov.pool = Pool({
            totalStake: amount,
            selfStake: amount,
            status: ProviderStatus.Pending,
            commissionBps: commissionBps,
            lastUpdate: uint32(block.timestamp),
            capped: false
        });
        prov.metadataURI = metadataURI;
        $.delegations[msg.sender][msg.sender].stake = amount;

        $.token.safeTransferFrom(msg.sender, address(this), amount);
        emit IStakingEvents.ProviderRegistered(msg.sender, amount, commissionBps, metadataURI);
        emit IStakingEvents.Delegated(msg.sender, msg.sender, amount, amount, amount);
    }

    function admit(Layout storage $, address provider) external {
        Provider storage prov = $.providers[provider];
        StakeLib.requireStatus(provider, prov.pool.status, ProviderStatus.Pending);
        (Pool memory pool,) = PoolLib.accrue($, prov);
        // A slash may have taken a Pending bond below the minimum.
        uint96 minSelfStake = $.params.minSelfStake;
        if (pool.selfStake < minSelfStake) {
            revert IStakingErrors.StakingBelowMinSelfStake(pool.selfStake, minSelfStake);
        }
        pool.status = ProviderStatus.Active;
        prov.pool = pool;
        _startWindow(prov);
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
        uint16 current = prov.pool.commissionBps;
        _requireRegistered(msg.sender, prov.pool.status);
        uint16 maxBps = $.params.maxCommissionBps;
        if (commissionBps > maxBps) revert IStakingErrors.StakingCommissionTooHigh(commissionBps, maxBps);

        Settlement storage st = prov.settlement;
        if (commissionBps <= current) {
            // A decrease (or no change) applies at once and cancels any scheduled increase.
            st.pendingCommissionBps = 0;
            st.commissionEffectiveAt = 0;
            prov.pool.commissionBps = commissionBps;
            emit IStakingEvents.CommissionChanged(msg.sender, current, commissionBps);
        } else {
            uint256 effectiveAt = block.timestamp + $.params.commissionNoticePeriod;
            st.pendingCommissionBps = commissionBps;
            st.commissionEffectiveAt = uint32(effectiveAt);
            emit IStakingEvents.CommissionIncreaseScheduled(msg.sender, commissionBps, effectiveAt);
        }
    }

    function exit(Layout storage $, address provider, bool removed) external {
        Provider storage prov = $.providers[provider];
        (Pool memory pool, uint256 rpt) = PoolLib.accrue($, prov);
        _requireRegistered(provider, pool.status);
        if (pool.status == ProviderStatus.Active || pool.status == ProviderStatus.Jailed) {
            $.scored.remove(provider);
        }

        uint96 selfStake = pool.selfStake;
        Delegation storage own = $.delegations[provider][provider];
        PoolLib.sync(own, rpt);
        own.stake = 0;
        pool.selfStake = 0;
        pool.totalStake -= selfStake;
        pool.status = ProviderStatus.Exited;
        prov.pool = pool;
        StakeLib.releaseGlobalRoom($, provider, selfStake);

        uint256 releaseAt = block.timestamp + $.params.providerUnbondingPeriod;
        Bond storage bond = prov.bond;
        uint96 unbonding = bond.unbondingSelfStake + selfStake;
        bond.unbondingSelfStake = unbonding;
        if (releaseAt > bond.releaseAt) bond.releaseAt = uint32(releaseAt);
        else releaseAt = bond.releaseAt;
        prov.settlement.pendingCommissionBps = 0;
        prov.settlement.commissionEffectiveAt = 0;
        // An exited pool is never settled again: queued rewards start streaming now.
        if (prov.settlement.rewardsQueued) {
            prov.settlement.rewardsQueued = false;
            uint256 queued = prov.queuedRewards;
            prov.queuedRewards = 0;
            PoolLib.restartStream($, prov, queued);
        }
        emit IStakingEvents.ProviderExited(provider, unbonding, releaseAt, removed);
    }

    function jail(Layout storage $, address provider) external {
        Provider storage prov = $.providers[provider];
        StakeLib.requireStatus(provider, prov.pool.status, ProviderStatus.Active);
        StakeLib.jail($, prov);
        emit IStakingEvents.ProviderJailed(provider, StakeLib.currentEpoch($), true);
    }

    function unjail(Layout storage $, address provider, bool byGovernance) external {
        Provider storage prov = $.providers[provider];
        StakeLib.requireStatus(provider, prov.pool.status, ProviderStatus.Jailed);
        if (!byGovernance) {
            Settlement memory st = prov.settlement;
            Parameters memory params = $.params;
            uint256 availableAt = uint256(st.jailedAt) + params.jailCooldown;
            if (block.timestamp < availableAt) revert IStakingErrors.StakingJailCooldown(availableAt);
            if (st.lowScoreStreak != 0) {
                revert IStakingErrors.StakingScoreBelowThreshold(st.lastScoreBps, params.jailThresholdBps);
            }
            uint256 selfStake = prov.pool.selfStake;
            if (selfStake < params.minSelfStake) {
                revert IStakingErrors.StakingBelowMinSelfStake(selfStake, params.minSelfStake);
            }
        }
        (Pool memory pool,) = PoolLib.accrue($, prov);
        pool.status = ProviderStatus.Active;
        prov.pool = pool;
        prov.settlement.lowScoreStreak = 0;
        _startWindow(prov);
        emit IStakingEvents.ProviderUnjailed(provider, byGovernance);
    }

    function slash(Layout storage $, address provider, uint256 amount) external {
        if (amount == 0) revert IStakingErrors.StakingZeroAmount();
        Provider storage prov = $.providers[provider];
        (Pool memory pool, uint256 rpt) = PoolLib.accrue($, prov);
        if (pool.status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        Bond memory bond = prov.bond;
        uint256 maxAmount =
            (uint256(pool.selfStake) + bond.unbondingSelfStake) * $.params.maxSlashBps / RewardMath.BPS;
        if (amount > maxAmount) revert IStakingErrors.StakingSlashTooLarge(amount, maxAmount);

        // Active self-stake is the first-loss bond; unbonding self-stake covers the rest.
        uint96 fromStake = uint96(CapacityLib.min(amount, pool.selfStake));
        uint96 fromUnbonding = uint96(amount - fromStake);
        if (fromStake != 0) {
            Delegation storage own = $.delegations[provider][provider];
            PoolLib.sync(own, rpt);
            own.stake -= fromStake;
            pool.selfStake -= fromStake;
            pool.totalStake -= fromStake;
            StakeLib.releaseGlobalRoom($, provider, fromStake);
        }
        if (fromUnbonding != 0) prov.bond.unbondingSelfStake = bond.unbondingSelfStake - fromUnbonding;
        prov.pool = pool;

        if (pool.status == ProviderStatus.Active && pool.selfStake < $.params.minSelfStake) {
            StakeLib.jail($, prov);
            emit IStakingEvents.ProviderJailed(provider, StakeLib.currentEpoch($), true);
        }
        $.token.forceApprove(address($.vault), amount);
        $.vault.fund(amount);
        emit IStakingEvents.Slashed(provider, fromStake, fromUnbonding, pool.selfStake);
    }

    function withdrawSelfStake(Layout storage $) external {
        Bond storage bond = $.providers[msg.sender].bond;
        uint96 amount = bond.unbondingSelfStake;
        if (amount == 0 || block.timestamp < bond.releaseAt) {
            revert IStakingErrors.StakingNothingToWithdraw();
        }
        bond.unbondingSelfStake = 0;
        $.token.safeTransfer(msg.sender, amount);
        emit IStakingEvents.SelfStakeWithdrawn(msg.sender, amount);
    }

    function setProviderCap(Layout storage $, address provider, uint256 maxStake) external {
        Provider storage prov = $.providers[provider];
        if (prov.pool.status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        prov.bond.maxStake = StakeLib.toAmount(maxStake);
        prov.pool.capped = maxStake != 0;
        emit IStakingEvents.ProviderCapSet(provider, maxStake);
    }

    /// @dev Stake-time before this point (Pending, Jailed) earns nothing at the next settlement.
    function _startWindow(Provider storage prov) private {
        prov.stream.stakeSeconds = 0;
        prov.settlement.windowStart = uint32(block.timestamp);
    }

    function _requireRegistered(address provider, ProviderStatus status) private pure {
        if (status == ProviderStatus.None) revert IStakingErrors.StakingUnknownProvider(provider);
        if (status == ProviderStatus.Exited) {
            revert IStakingErrors.StakingInvalidProviderStatus(provider, uint8(status));
        }
    }
}
