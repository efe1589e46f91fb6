// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {
    AccessControlUpgradeable
} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IAnkrStaking} from "./interfaces/IAnkrStaking.sol";
import {IRewardVault} from "./interfaces/IRewardVault.sol";
import {Parameters, ProviderStatus, ProviderView, UnbondingEntry} from "./interfaces/IStakingTypes.sol";
import {PoolLib} from "./libraries/PoolLib.sol";
import {RewardMath} from "./libraries/RewardMath.sol";
import {StakeLib} from "./libraries/StakeLib.sol";
import {
    Allotment,
    Delegation,
    Layout,
    Pool,
    Provider,
    Stake,
    StakingStorage,
    Totals
} from "./libraries/StakingStorage.sol";
import {UnbondingLib} from "./libraries/UnbondingLib.sol";
import {ConfigLogic} from "./logic/ConfigLogic.sol";
import {ProviderLogic} from "./logic/ProviderLogic.sol";
import {SettlementLogic} from "./logic/SettlementLogic.sol";
import {ViewLogic} from "./logic/ViewLogic.sol";

/// @title AnkrStaking
/// @notice Delegated ANKR staking to RPC node providers: delegations, unbonding and rewards here;
///         provider life cycle, settlement and configuration in delegatecalled logic libraries.
/// @dev Full documentation lives on {IAnkrStaking}. Storage is the ERC-7201 namespace of
///      {StakingStorage}; the hot per-provider state is packed so a stake change touches three
///      provider slots and two delegation slots.
contract AnkrStaking is
    IAnkrStaking,
    Initializable,
    AccessControlUpgradeable,
    PausableUpgradeable,
    UUPSUpgradeable,
    ReentrancyGuardTransient
{
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Holds parameters, admission, removal, slashing, caps, allotments and upgrades (the timelock).
    bytes32 public constant GOVERNANCE_ROLE = keccak256("GOVERNANCE_ROLE");
    /// @notice Settles epochs (the oracle committee).
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    /// @notice Pauses new stake and nothing else (the guardian).
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @inheritdoc IAnkrStaking
    uint256 public constant MAX_UNBONDING_ENTRIES = StakingStorage.MAX_UNBONDING_ENTRIES;

    /// @dev The staked token, fixed in the implementation's code so that no operation pays to read
    ///      it: every implementation a proxy upgrades to must be built with the same token.
    IERC20 private immutable TOKEN;

    /// @param token_ The staked token: a plain 18-decimal ERC-20 (no fee on transfer, no rebasing).
    /// @custom:oz-upgrades-unsafe-allow constructor state-variable-immutable
    constructor(IERC20 token_) {
        if (address(token_) == address(0)) revert StakingZeroAddress();
        TOKEN = token_;
        _disableInitializers();
    }

    /// @notice Sets the vault, clock and parameters, and gives `admin` every role; the deploy
    ///         script hands the roles to the timelock, oracle committee and guardian, then renounces.
    /// @param genesisTime Start of epoch 0.
    /// @param epochLength Seconds per epoch, fixed for the deployment (an upgrade may change it).
    function initialize(
        IRewardVault vault_,
        address admin,
        uint256 genesisTime,
        uint256 epochLength,
        Parameters calldata params
    ) external initializer {
        if (address(vault_) == address(0) || admin == address(0)) {
            revert StakingZeroAddress();
        }
        if (epochLength == 0 || epochLength > type(uint32).max) {
            revert StakingInvalidParameter("epochLength", epochLength);
        }
        if (genesisTime > type(uint32).max) revert StakingInvalidParameter("genesisTime", genesisTime);
        __AccessControl_init();
        __Pausable_init();
        Layout storage $ = StakingStorage.layout();
        $.vault = vault_;
        $.totals.genesis = uint32(genesisTime);
        $.totals.epochLength = uint32(epochLength);
        ConfigLogic.setParameters($, params);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNANCE_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _grantRole(SETTLER_ROLE, admin);
    }

    /*//////////////////////////////////////////////////////////////
                                PROVIDERS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function registerProvider(uint256 selfStake, uint16 commissionBps, string calldata metadataURI)
        external
        whenNotPaused
        nonReentrant
    {
        Layout storage $ = StakingStorage.layout();
        ProviderLogic.register($, TOKEN, selfStake, commissionBps, metadataURI);
    }

    /// @inheritdoc IAnkrStaking
    function admitProvider(address provider) external onlyRole(GOVERNANCE_ROLE) {
        ProviderLogic.admit(StakingStorage.layout(), provider);
    }

    /// @inheritdoc IAnkrStaking
    function setMetadataURI(string calldata metadataURI) external {
        ProviderLogic.setMetadataURI(StakingStorage.layout(), metadataURI);
    }

    /// @inheritdoc IAnkrStaking
    function setCommission(uint16 commissionBps) external {
        ProviderLogic.setCommission(StakingStorage.layout(), commissionBps);
    }

    /// @inheritdoc IAnkrStaking
    function exitProvider() external nonReentrant {
        ProviderLogic.exit(StakingStorage.layout(), msg.sender, false);
    }

    /// @inheritdoc IAnkrStaking
    function removeProvider(address provider) external onlyRole(GOVERNANCE_ROLE) nonReentrant {
        ProviderLogic.exit(StakingStorage.layout(), provider, true);
    }

    /// @inheritdoc IAnkrStaking
    function jail(address provider) external onlyRole(GOVERNANCE_ROLE) {
        ProviderLogic.jail(StakingStorage.layout(), provider);
    }

    /// @inheritdoc IAnkrStaking
    function unjail(address provider) external {
        bool byGovernance = hasRole(GOVERNANCE_ROLE, msg.sender);
        if (!byGovernance && msg.sender != provider) {
            revert AccessControlUnauthorizedAccount(msg.sender, GOVERNANCE_ROLE);
        }
        ProviderLogic.unjail(StakingStorage.layout(), provider, byGovernance);
    }

    /// @inheritdoc IAnkrStaking
    function slash(address provider, uint256 amount) external onlyRole(GOVERNANCE_ROLE) nonReentrant {
        Layout storage $ = StakingStorage.layout();
        ProviderLogic.slash($, TOKEN, provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function withdrawSelfStake() external nonReentrant {
        Layout storage $ = StakingStorage.layout();
        ProviderLogic.withdrawSelfStake($, TOKEN);
    }

    /// @inheritdoc IAnkrStaking
    function setProviderCap(address provider, uint256 maxStake) external onlyRole(GOVERNANCE_ROLE) {
        ProviderLogic.setProviderCap(StakingStorage.layout(), provider, maxStake);
    }

    /*//////////////////////////////////////////////////////////////
                               DELEGATIONS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function delegate(address provider, uint256 amount) external whenNotPaused nonReentrant {
        _delegate(provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function delegateWithPermit(
        address provider,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external whenNotPaused nonReentrant {
        if (block.timestamp > deadline) revert StakingPermitExpired(deadline);
        // A front-run permit (its signature already used) must not block the delegation: the
        // transfer below still succeeds whenever the allowance is in place.
        try IERC20Permit(address(TOKEN)).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
            catch {}
        _delegate(provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function undelegate(address provider, uint256 amount) external nonReentrant {
        Layout storage $ = StakingStorage.layout();
        (uint96 value, uint96 stake, uint96 poolStake) = _removeStake($, provider, amount);
        Totals memory t = StakeLib.releaseGlobalRoom($, msg.sender, value);

        uint256 entryId;
        uint256 releaseAt;
        if (provider == msg.sender) {
            // A provider's own stake unbonds over the longer provider period and stays slashable.
            (, releaseAt) =
                StakeLib.unbondSelfStake($.providers[provider].bond, value, $.params.providerUnbondingPeriod);
            entryId = type(uint256).max;
        } else {
            (entryId, releaseAt) = UnbondingLib.enqueue(
                $.queues[msg.sender],
                value,
                block.timestamp + $.params.unbondingPeriod,
                StakeLib.currentEpoch(t)
            );
        }
        emit Undelegated(msg.sender, provider, value, stake, poolStake, entryId, releaseAt);
    }

    /// @inheritdoc IAnkrStaking
    function withdraw() external nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        uint256 first;
        uint256 next;
        (amount, first, next) = UnbondingLib.popMatured($.queues[msg.sender]);
        if (amount == 0) revert StakingNothingToWithdraw();
        TOKEN.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount, first, next);
    }

    /// @inheritdoc IAnkrStaking
    function redelegate(address fromProvider, address toProvider, uint256 amount)
        external
        whenNotPaused
        nonReentrant
    {
        if (fromProvider == toProvider) revert StakingSameProvider();
        if (fromProvider == msg.sender || toProvider == msg.sender) revert StakingSelfStakeNotMovable();
        Layout storage $ = StakingStorage.layout();
        // Pool-wide totals and allotments do not change: the stake stays in the protocol.
        (uint96 value, uint96 fromStake, uint96 fromPoolStake) = _removeStake($, fromProvider, amount);
        (uint96 toStake, uint96 toPoolStake) = _addStake($, toProvider, value);
        emit Redelegated(
            msg.sender, fromProvider, toProvider, value, fromStake, fromPoolStake, toStake, toPoolStake
        );
    }

    /*//////////////////////////////////////////////////////////////
                                 REWARDS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function claim(address provider) external nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        amount = _takeRewards($, provider);
        if (amount == 0) revert StakingNothingToClaim();
        TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IAnkrStaking
    function claimAll(address[] calldata providers) external nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        for (uint256 i; i < providers.length; ++i) {
            amount += _takeRewards($, providers[i]);
        }
        if (amount == 0) revert StakingNothingToClaim();
        TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IAnkrStaking
    function restake(address provider) external whenNotPaused nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        StakeLib.requireActive(provider, pool.status);
        Stake memory stake = PoolLib.stakeNow(prov);
        uint256 rpt = PoolLib.accrue($, prov, stake.total);
        Delegation storage d = $.delegations[provider][msg.sender];
        Delegation memory current = d;
        bool isSelf = msg.sender == provider;
        amount = PoolLib.owed(current, rpt);
        if (isSelf) amount += pool.commissionAccrued;
        if (amount == 0) revert StakingNothingToClaim();
        uint96 value = StakeLib.toAmount(amount);

        uint256 room = StakeLib.providerRoom($, prov, pool, stake.total, isSelf);
        if (value > room) revert StakingProviderCapacityExceeded(provider, value, room);
        uint96 newStake = current.stake + value;
        _checkMinDelegation($, isSelf, newStake);
        StakeLib.takeGlobalRoom($, msg.sender, value);

        PoolLib.store(d, newStake, 0, rpt);
        if (isSelf) {
            pool.commissionAccrued = 0;
            pool.selfStake += value;
            PoolLib.write(prov, pool);
        }
        stake.total += value;
        PoolLib.writeStake(prov, stake);
        emit RewardsRestaked(msg.sender, provider, value, newStake, stake.total);
    }

    /// @inheritdoc IAnkrStaking
    function addRewards(address provider, uint256 amount) external nonReentrant {
        Layout storage $ = StakingStorage.layout();
        SettlementLogic.addRewards($, TOKEN, provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function settleEpoch(uint256 epoch, address[] calldata providers, uint16[] calldata scoresBps)
        external
        onlyRole(SETTLER_ROLE)
        nonReentrant
    {
        SettlementLogic.settle(StakingStorage.layout(), epoch, providers, scoresBps);
    }

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function setParameters(Parameters calldata params) external onlyRole(GOVERNANCE_ROLE) {
        ConfigLogic.setParameters(StakingStorage.layout(), params);
    }

    /// @inheritdoc IAnkrStaking
    function setGlobalCap(uint256 globalCap) external onlyRole(GOVERNANCE_ROLE) {
        ConfigLogic.setGlobalCap(StakingStorage.layout(), globalCap);
    }

    /// @inheritdoc IAnkrStaking
    function setAllotment(address account, uint256 allotment) external onlyRole(GOVERNANCE_ROLE) {
        ConfigLogic.setAllotment(StakingStorage.layout(), account, allotment);
    }

    /// @inheritdoc IAnkrStaking
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @inheritdoc IAnkrStaking
    function unpause() external onlyRole(GOVERNANCE_ROLE) {
        _unpause();
    }

    /// @dev Upgrades go through governance, whose timelock delay exceeds the unbonding period.
    function _authorizeUpgrade(address) internal override onlyRole(GOVERNANCE_ROLE) {}

    /*//////////////////////////////////////////////////////////////
                                  VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function token() external view returns (IERC20) {
        return TOKEN;
    }

    /// @inheritdoc IAnkrStaking
    function vault() external view returns (IRewardVault) {
        return StakingStorage.layout().vault;
    }

    /// @inheritdoc IAnkrStaking
    function parameters() external view returns (Parameters memory) {
        return StakingStorage.layout().params;
    }

    /// @inheritdoc IAnkrStaking
    function epochClock() external view returns (uint256, uint256, uint256, uint256) {
        Layout storage $ = StakingStorage.layout();
        Totals memory t = $.totals;
        return (t.genesis, t.epochLength, StakeLib.currentEpoch(t), $.ledger.nextEpoch);
    }

    /// @inheritdoc IAnkrStaking
    function currentEpoch() external view returns (uint256) {
        return StakeLib.currentEpoch(StakingStorage.layout().totals);
    }

    /// @inheritdoc IAnkrStaking
    function totals() external view returns (uint256, uint256, uint256, uint256) {
        Layout storage $ = StakingStorage.layout();
        return ($.totals.totalStaked, $.totals.globalCap, $.ledger.unusedAllotments, $.ledger.rewardReserve);
    }

    /// @inheritdoc IAnkrStaking
    function scoredProviders() external view returns (address[] memory) {
        return StakingStorage.layout().scored.values();
    }

    /// @inheritdoc IAnkrStaking
    function getProvider(address provider) external view returns (ProviderView memory) {
        return ViewLogic.getProvider(StakingStorage.layout(), provider);
    }

    /// @inheritdoc IAnkrStaking
    function unbondingQueue(address account) external view returns (uint256, UnbondingEntry[] memory) {
        return ViewLogic.unbondingQueue(StakingStorage.layout(), account);
    }

    /// @inheritdoc IAnkrStaking
    function withdrawable(address account) external view returns (uint256) {
        return ViewLogic.withdrawable(StakingStorage.layout(), account);
    }

    /// @inheritdoc IAnkrStaking
    function capacityLeft(address provider, address account) external view returns (uint256) {
        return ViewLogic.capacityLeft(StakingStorage.layout(), provider, account);
    }

    /// @inheritdoc IAnkrStaking
    function getDelegation(address provider, address delegator) external view returns (uint256, uint256) {
        Layout storage $ = StakingStorage.layout();
        Delegation memory d = $.delegations[provider][delegator];
        return (d.stake, PoolLib.pendingRewards($.providers[provider], d, provider == delegator));
    }

    /// @inheritdoc IAnkrStaking
    function pendingRewards(address provider, address delegator) external view returns (uint256) {
        Layout storage $ = StakingStorage.layout();
        return PoolLib.pendingRewards(
            $.providers[provider], $.delegations[provider][delegator], provider == delegator
        );
    }

    /// @inheritdoc IAnkrStaking
    function allotmentOf(address account) external view returns (uint256, uint256) {
        Allotment memory allotment = StakingStorage.layout().allotments[account];
        return (allotment.amount, allotment.used);
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    function _delegate(address provider, uint256 amount) private {
        Layout storage $ = StakingStorage.layout();
        uint96 value = StakeLib.toAmount(amount);
        (uint96 stake, uint96 poolStake) = _addStake($, provider, value);
        StakeLib.takeGlobalRoom($, msg.sender, value);
        TOKEN.safeTransferFrom(msg.sender, address(this), value);
        emit Delegated(msg.sender, provider, value, stake, poolStake);
    }

    /// @dev Adds `value` to the caller's stake at `provider` after the provider's checks; the
    ///      caller handles the global cap when the stake is new to the protocol.
    function _addStake(Layout storage $, address provider, uint96 value)
        private
        returns (uint96 newStake, uint96 poolStake)
    {
        if (value == 0) revert StakingZeroAmount();
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        bool isSelf = msg.sender == provider;
        if (!StakeLib.acceptsStake(pool.status, isSelf)) StakeLib.requireActive(provider, pool.status);
        Stake memory stake = PoolLib.stakeNow(prov);
        uint256 room = StakeLib.providerRoom($, prov, pool, stake.total, isSelf);
        if (value > room) revert StakingProviderCapacityExceeded(provider, value, room);
        uint256 rpt = PoolLib.accrue($, prov, stake.total);

        Delegation storage d = $.delegations[provider][msg.sender];
        Delegation memory current = d;
        newStake = current.stake + value;
        _checkMinDelegation($, isSelf, newStake);
        PoolLib.store(d, newStake, PoolLib.owed(current, rpt), rpt);
        if (isSelf) {
            pool.selfStake += value;
            PoolLib.write(prov, pool);
        }
        stake.total += value;
        PoolLib.writeStake(prov, stake);
        return (newStake, stake.total);
    }

    /// @dev Removes `amount` of the caller's stake at `provider`; the caller decides where it goes.
    function _removeStake(Layout storage $, address provider, uint256 amount)
        private
        returns (uint96 value, uint96 remaining, uint96 poolStake)
    {
        if (amount == 0) revert StakingZeroAmount();
        value = StakeLib.toAmount(amount);
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        if (pool.status == ProviderStatus.None) revert StakingUnknownProvider(provider);
        Stake memory stake = PoolLib.stakeNow(prov);
        uint256 rpt = PoolLib.accrue($, prov, stake.total);
        Delegation storage d = $.delegations[provider][msg.sender];
        Delegation memory current = d;
        if (value > current.stake) revert StakingInsufficientStake(value, current.stake);
        remaining = current.stake - value;

        if (msg.sender == provider) {
            StakeLib.checkSelfStakeDecrease($, provider, pool, stake.total, remaining);
            pool.selfStake = remaining;
            PoolLib.write(prov, pool);
        } else {
            uint96 minDelegation = $.params.minDelegation;
            if (remaining != 0 && remaining < minDelegation) {
                revert StakingBelowMinDelegation(remaining, minDelegation);
            }
        }
        PoolLib.store(d, remaining, PoolLib.owed(current, rpt), rpt);
        stake.total -= value;
        PoolLib.writeStake(prov, stake);
        return (value, remaining, stake.total);
    }

    function _checkMinDelegation(Layout storage $, bool isSelf, uint96 newStake) private view {
        if (isSelf) return;
        uint96 minDelegation = $.params.minDelegation;
        if (newStake < minDelegation) revert StakingBelowMinDelegation(newStake, minDelegation);
    }

    /// @dev Zeroes and returns the caller's rewards at `provider` (with its commission if it is it).
    ///      Only the delegation is written: the pool's accumulator is read as of now without being
    ///      stored, which is safe because the stored one, once brought up to date, can only be
    ///      larger (the pool's stake is unchanged until a stake change, which accrues first). A pool
    ///      too small to earn is accrued, so what streamed to nobody goes back to the reserve.
    function _takeRewards(Layout storage $, address provider) private returns (uint256 amount) {
        Provider storage prov = $.providers[provider];
        uint256 totalStake = prov.stake.total;
        uint256 rpt;
        if (totalStake < RewardMath.MIN_EARNING_STAKE) rpt = PoolLib.accrue($, prov, totalStake);
        else (rpt,) = PoolLib.streamed(prov.stream, totalStake);
        Delegation storage d = $.delegations[provider][msg.sender];
        Delegation memory current = d;
        amount = PoolLib.owed(current, rpt);
        if (amount != 0) PoolLib.store(d, current.stake, 0, rpt);
        if (msg.sender == provider) {
            uint256 commission = prov.pool.commissionAccrued;
            if (commission != 0) {
                prov.pool.commissionAccrued = 0;
                amount += commission;
            }
        }
        if (amount != 0) emit RewardsClaimed(msg.sender, provider, amount);
    }
}
