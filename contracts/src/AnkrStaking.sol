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
import {StakeLib} from "./libraries/StakeLib.sol";
import {
    Account,
    Bond,
    Delegation,
    Layout,
    Pool,
    Provider,
    StakingStorage
} from "./libraries/StakingStorage.sol";
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
    uint256 public constant MAX_UNBONDING_ENTRIES = 16;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the token, vault, clock and parameters, and gives `admin` every role; the deploy
    ///         script hands the roles to the timelock, oracle committee and guardian, then renounces.
    /// @param genesisTime Start of epoch 0.
    /// @param epochLength Seconds per epoch, fixed for the deployment (an upgrade may change it).
    function initialize(
        IERC20 token_,
        IRewardVault vault_,
        address admin,
        uint256 genesisTime,
        uint256 epochLength,
        Parameters calldata params
    ) external initializer {
        if (address(token_) == address(0) || address(vault_) == address(0) || admin == address(0)) {
            revert StakingZeroAddress();
        }
        if (epochLength == 0 || epochLength > type(uint32).max) {
            revert StakingInvalidParameter("epochLength", epochLength);
        }
        if (genesisTime > type(uint32).max) revert StakingInvalidParameter("genesisTime", genesisTime);
        __AccessControl_init();
        __Pausable_init();
        Layout storage $ = StakingStorage.layout();
        $.token = token_;
        $.vault = vault_;
        $.clock.genesis = uint32(genesisTime);
        $.clock.epochLength = uint32(epochLength);
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
        ProviderLogic.register(StakingStorage.layout(), selfStake, commissionBps, metadataURI);
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
        ProviderLogic.slash(StakingStorage.layout(), provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function withdrawSelfStake() external nonReentrant {
        ProviderLogic.withdrawSelfStake(StakingStorage.layout());
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
        try IERC20Permit(address(StakingStorage.layout().token))
            .permit(msg.sender, address(this), amount, deadline, v, r, s) {}
            catch {}
        _delegate(provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function undelegate(address provider, uint256 amount) external nonReentrant {
        Layout storage $ = StakingStorage.layout();
        (uint96 value, uint96 stake, uint96 poolStake) = _removeStake($, provider, amount);
        StakeLib.releaseGlobalRoom($, msg.sender, value);

        uint256 entryId;
        uint256 releaseAt;
        if (provider == msg.sender) {
            // A provider's own stake unbonds over the longer provider period and stays slashable.
            releaseAt = block.timestamp + $.params.providerUnbondingPeriod;
            Bond storage bond = $.providers[provider].bond;
            bond.unbondingSelfStake += value;
            // Merged amounts release together, at the later of the two times.
            if (releaseAt > bond.releaseAt) bond.releaseAt = uint32(releaseAt);
            else releaseAt = bond.releaseAt;
            entryId = type(uint256).max;
        } else {
            (entryId, releaseAt) = _enqueue($, value);
        }
        emit Undelegated(msg.sender, provider, value, stake, poolStake, entryId, releaseAt);
    }

    /// @inheritdoc IAnkrStaking
    function withdraw() external nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        Account storage acct = $.accounts[msg.sender];
        uint256 head = acct.queueHead;
        uint256 tail = acct.queueTail;
        uint256 first = head;
        mapping(uint256 => UnbondingEntry) storage queue = $.queues[msg.sender];
        // The queue never holds more than MAX_UNBONDING_ENTRIES entries, so this loop is bounded.
        while (head < tail) {
            UnbondingEntry memory entry = queue[head];
            if (entry.releaseAt > block.timestamp) break;
            amount += entry.amount;
            delete queue[head];
            ++head;
        }
        if (amount == 0) revert StakingNothingToWithdraw();
        acct.queueHead = uint32(head);
        $.token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount, first, head);
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
        $.token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IAnkrStaking
    function claimAll(address[] calldata providers) external nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        for (uint256 i; i < providers.length; ++i) {
            amount += _takeRewards($, providers[i]);
        }
        if (amount == 0) revert StakingNothingToClaim();
        $.token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IAnkrStaking
    function restake(address provider) external whenNotPaused nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        Provider storage prov = $.providers[provider];
        (Pool memory pool, uint256 rpt) = PoolLib.accrue($, prov);
        StakeLib.requireActive(provider, pool.status);
        Delegation storage d = $.delegations[provider][msg.sender];
        PoolLib.sync(d, rpt);
        bool isSelf = msg.sender == provider;
        amount = d.rewards;
        if (isSelf) amount += prov.settlement.commissionAccrued;
        if (amount == 0) revert StakingNothingToClaim();
        uint96 value = StakeLib.toAmount(amount);

        uint256 room = StakeLib.providerRoom($, prov, pool, isSelf);
        if (value > room) revert StakingProviderCapacityExceeded(provider, value, room);
        uint96 newStake = d.stake + value;
        _checkMinDelegation($, isSelf, newStake);
        StakeLib.takeGlobalRoom($, msg.sender, value);

        d.stake = newStake;
        d.rewards = 0;
        if (isSelf) {
            prov.settlement.commissionAccrued = 0;
            pool.selfStake += value;
        }
        pool.totalStake += value;
        prov.pool = pool;
        emit RewardsRestaked(msg.sender, provider, value, newStake, pool.totalStake);
    }

    /// @inheritdoc IAnkrStaking
    function addRewards(address provider, uint256 amount) external nonReentrant {
        SettlementLogic.addRewards(StakingStorage.layout(), provider, amount);
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
        return StakingStorage.layout().token;
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
        return ($.clock.genesis, $.clock.epochLength, StakeLib.currentEpoch($), $.totals.nextEpoch);
    }

    /// @inheritdoc IAnkrStaking
    function currentEpoch() external view returns (uint256) {
        return StakeLib.currentEpoch(StakingStorage.layout());
    }

    /// @inheritdoc IAnkrStaking
    function totals() external view returns (uint256, uint256, uint256, uint256) {
        Layout storage $ = StakingStorage.layout();
        return ($.totals.totalStaked, $.totals.globalCap, $.clock.unusedAllotments, $.clock.rewardReserve);
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
        Account memory acct = StakingStorage.layout().accounts[account];
        return (acct.allotment, acct.allotmentUsed);
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    function _delegate(address provider, uint256 amount) private {
        Layout storage $ = StakingStorage.layout();
        uint96 value = StakeLib.toAmount(amount);
        (uint96 stake, uint96 poolStake) = _addStake($, provider, value);
        StakeLib.takeGlobalRoom($, msg.sender, value);
        $.token.safeTransferFrom(msg.sender, address(this), value);
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
        (Pool memory pool, uint256 rpt) = PoolLib.accrue($, prov);
        bool isSelf = msg.sender == provider;
        if (!StakeLib.acceptsStake(pool.status, isSelf)) StakeLib.requireActive(provider, pool.status);
        uint256 room = StakeLib.providerRoom($, prov, pool, isSelf);
        if (value > room) revert StakingProviderCapacityExceeded(provider, value, room);

        Delegation storage d = $.delegations[provider][msg.sender];
        PoolLib.sync(d, rpt);
        newStake = d.stake + value;
        _checkMinDelegation($, isSelf, newStake);
        d.stake = newStake;
        pool.totalStake += value;
        if (isSelf) pool.selfStake += value;
        prov.pool = pool;
        return (newStake, pool.totalStake);
    }

    /// @dev Removes `amount` of the caller's stake at `provider`; the caller decides where it goes.
    function _removeStake(Layout storage $, address provider, uint256 amount)
        private
        returns (uint96 value, uint96 remaining, uint96 poolStake)
    {
        if (amount == 0) revert StakingZeroAmount();
        value = StakeLib.toAmount(amount);
        Provider storage prov = $.providers[provider];
        (Pool memory pool, uint256 rpt) = PoolLib.accrue($, prov);
        if (pool.status == ProviderStatus.None) revert StakingUnknownProvider(provider);
        Delegation storage d = $.delegations[provider][msg.sender];
        PoolLib.sync(d, rpt);
        uint96 stake = d.stake;
        if (value > stake) revert StakingInsufficientStake(value, stake);
        remaining = stake - value;

        if (msg.sender == provider) {
            StakeLib.checkSelfStakeDecrease($, provider, pool, remaining);
            pool.selfStake = remaining;
        } else {
            uint96 minDelegation = $.params.minDelegation;
            if (remaining != 0 && remaining < minDelegation) {
                revert StakingBelowMinDelegation(remaining, minDelegation);
            }
        }
        d.stake = remaining;
        pool.totalStake -= value;
        prov.pool = pool;
        return (value, remaining, pool.totalStake);
    }

    function _checkMinDelegation(Layout storage $, bool isSelf, uint96 newStake) private view {
        if (isSelf) return;
        uint96 minDelegation = $.params.minDelegation;
        if (newStake < minDelegation) revert StakingBelowMinDelegation(newStake, minDelegation);
    }

    /// @dev Adds `value` to the caller's unbonding queue. Undelegations in the same epoch share the
    ///      newest entry, and so does any amount once the queue is full (released at the later
    ///      time), so an undelegation never fails for lack of space.
    function _enqueue(Layout storage $, uint96 value) private returns (uint256 entryId, uint256 releaseAt) {
        Account storage acct = $.accounts[msg.sender];
        releaseAt = block.timestamp + $.params.unbondingPeriod;
        uint32 epoch = uint32(StakeLib.currentEpoch($));
        uint256 head = acct.queueHead;
        uint256 tail = acct.queueTail;
        mapping(uint256 => UnbondingEntry) storage queue = $.queues[msg.sender];
        if (tail > head) {
            UnbondingEntry storage newest = queue[tail - 1];
            if (newest.epoch == epoch || tail - head == MAX_UNBONDING_ENTRIES) {
                newest.amount += value;
                if (releaseAt > newest.releaseAt) newest.releaseAt = uint32(releaseAt);
                else releaseAt = newest.releaseAt;
                return (tail - 1, releaseAt);
            }
        }
        queue[tail] = UnbondingEntry({amount: value, releaseAt: uint32(releaseAt), epoch: epoch});
        acct.queueTail = uint32(tail + 1);
        return (tail, releaseAt);
    }

    /// @dev Zeroes and returns the caller's rewards at `provider` (with its commission if it is it).
    function _takeRewards(Layout storage $, address provider) private returns (uint256 amount) {
        Provider storage prov = $.providers[provider];
        (Pool memory pool, uint256 rpt) = PoolLib.accrue($, prov);
        prov.pool = pool;
        Delegation storage d = $.delegations[provider][msg.sender];
        PoolLib.sync(d, rpt);
        amount = d.rewards;
        if (amount != 0) d.rewards = 0;
        if (msg.sender == provider) {
            uint256 commission = prov.settlement.commissionAccrued;
            if (commission != 0) {
                prov.settlement.commissionAccrued = 0;
                amount += commission;
            }
        }
        if (amount != 0) emit RewardsClaimed(msg.sender, provider, amount);
    }
}
