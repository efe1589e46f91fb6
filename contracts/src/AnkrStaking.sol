// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {
    AccessControlUpgradeable
} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IAnkrStaking} from "./interfaces/IAnkrStaking.sol";
import {IRewardVault} from "./interfaces/IRewardVault.sol";
import {Parameters, ProviderStatus, ProviderView, UnbondingEntry} from "./interfaces/IStakingTypes.sol";
import {PoolLib} from "./libraries/PoolLib.sol";
import {StakeLib} from "./libraries/StakeLib.sol";
import {
    Allotment,
    Control,
    Delegation,
    Layout,
    Pool,
    Provider,
    Stake,
    StakingStorage,
    Stream
} from "./libraries/StakingStorage.sol";
import {UnbondingLib} from "./libraries/UnbondingLib.sol";
import {VotesLib} from "./libraries/VotesLib.sol";
import {ConfigLogic} from "./logic/ConfigLogic.sol";
import {DelegatorLogic} from "./logic/DelegatorLogic.sol";
import {ProviderLogic} from "./logic/ProviderLogic.sol";
import {SettlementLogic} from "./logic/SettlementLogic.sol";
import {ViewLogic} from "./logic/ViewLogic.sol";
import {VotesLogic} from "./logic/VotesLogic.sol";

/// @title AnkrStaking
/// @notice Delegated ANKR staking to RPC node providers: delegations, unbonding and rewards here;
///         provider life cycle, settlement and configuration in delegatecalled logic libraries.
/// @dev Full documentation lives on {IAnkrStaking}. Storage is the ERC-7201 namespace of
///      {StakingStorage}; the hot per-provider state is packed so a stake change touches three
///      provider slots and one delegation slot. Voting power is kept at governance snapshots
///      ({VotesLib}); the pause flag shares the slot every stake change reads ({Control}).
contract AnkrStaking is
    IAnkrStaking,
    Initializable,
    AccessControlUpgradeable,
    UUPSUpgradeable,
    ReentrancyGuardTransient
{
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Holds parameters, admission, removal, slashing, caps and allotments (the timelock).
    bytes32 public constant GOVERNANCE_ROLE = keccak256("GOVERNANCE_ROLE");
    /// @notice May upgrade the implementation (the upgrade timelock, slower than unbonding).
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @notice Settles epochs (the oracle committee).
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    /// @notice Pauses new stake and nothing else (the guardian).
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Registers proposal snapshots (the Governor).
    bytes32 public constant SNAPSHOT_ROLE = keccak256("SNAPSHOT_ROLE");

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
    /// @param epochLength Seconds per epoch (at most 2^24 - 1), fixed for the deployment (an upgrade
    ///        may change it).
    function initialize(
        IRewardVault vault_,
        address admin,
        uint256 genesisTime,
        uint256 epochLength,
        Parameters calldata params
    ) external initializer {
        if (admin == address(0)) revert StakingZeroAddress();
        __AccessControl_init();
        ConfigLogic.initialize(StakingStorage.layout(), vault_, genesisTime, epochLength, params);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNANCE_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _grantRole(SETTLER_ROLE, admin);
        _grantRole(SNAPSHOT_ROLE, admin);
    }

    /*//////////////////////////////////////////////////////////////
                                PROVIDERS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function registerProvider(uint256 selfStake, uint16 commissionBps, string calldata metadataURI)
        external
        nonReentrant
    {
        ProviderLogic.register(StakingStorage.layout(), TOKEN, selfStake, commissionBps, metadataURI);
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
    function delegate(address provider, uint256 amount) external nonReentrant {
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
    ) external nonReentrant {
        DelegatorLogic.permit(TOKEN, amount, deadline, v, r, s);
        _delegate(provider, amount);
    }

    /// @inheritdoc IAnkrStaking
    function undelegate(address provider, uint256 amount) external nonReentrant {
        Layout storage $ = StakingStorage.layout();
        (Control memory c, uint256 p) = _openControl($, false);
        (uint96 value, uint96 stake, uint96 poolStake) = _removeStake($, provider, amount, p);
        StakeLib.releaseGlobalRoom($, c, msg.sender, value, p);

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
                StakeLib.currentEpoch(c)
            );
        }
        emit Undelegated(msg.sender, provider, value, stake, poolStake, entryId, releaseAt);
    }

    /// @inheritdoc IAnkrStaking
    function withdraw() external nonReentrant returns (uint256) {
        Layout storage $ = StakingStorage.layout();
        return DelegatorLogic.withdraw($, TOKEN);
    }

    /// @inheritdoc IAnkrStaking
    function redelegate(address fromProvider, address toProvider, uint256 amount) external nonReentrant {
        if (fromProvider == toProvider) revert StakingSameProvider();
        if (fromProvider == msg.sender || toProvider == msg.sender) revert StakingSelfStakeNotMovable();
        Layout storage $ = StakingStorage.layout();
        (, uint256 p) = _openControl($, true);
        // Pool-wide totals and allotments do not change: the stake stays in the protocol.
        (uint96 value, uint96 fromStake, uint96 fromPoolStake) = _removeStake($, fromProvider, amount, p);
        (, uint96 toStake, uint96 toPoolStake) = _addStake($, toProvider, value, p, false);
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
    function restake(address provider) external nonReentrant returns (uint256 amount) {
        Layout storage $ = StakingStorage.layout();
        (Control memory c, uint256 p) = _openControl($, true);
        (uint96 value, uint96 newStake, uint96 poolStake) = _addStake($, provider, 0, p, true);
        StakeLib.takeGlobalRoom($, c, msg.sender, value, p);
        emit RewardsRestaked(msg.sender, provider, value, newStake, poolStake);
        return value;
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
        ConfigLogic.setPaused(StakingStorage.layout(), true);
    }

    /// @inheritdoc IAnkrStaking
    function unpause() external onlyRole(GOVERNANCE_ROLE) {
        ConfigLogic.setPaused(StakingStorage.layout(), false);
    }

    /// @inheritdoc IAnkrStaking
    function announceUpgrade(address implementation) external onlyRole(GOVERNANCE_ROLE) {
        ConfigLogic.announceUpgrade(StakingStorage.layout(), implementation);
    }

    /// @inheritdoc IAnkrStaking
    function pendingUpgrade() external view returns (address, uint256, uint256) {
        return ConfigLogic.pendingUpgrade(StakingStorage.layout());
    }

    /// @dev Only the announced implementation, once it has been announced for longer than the
    ///      longest unbonding period (ConfigLogic.authorizeUpgrade).
    function _authorizeUpgrade(address implementation) internal override onlyRole(UPGRADER_ROLE) {
        ConfigLogic.authorizeUpgrade(StakingStorage.layout(), implementation);
    }

    /*//////////////////////////////////////////////////////////////
                                  VOTES
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IAnkrStaking
    function registerSnapshot(uint256 timepoint) external onlyRole(SNAPSHOT_ROLE) returns (uint256) {
        return VotesLogic.registerSnapshot(StakingStorage.layout(), timepoint);
    }

    /// @inheritdoc IAnkrStaking
    function snapshotIndex(uint256 timepoint) external view returns (uint256) {
        return uint32(StakingStorage.layout().snapshots[timepoint]);
    }

    /// @inheritdoc IAnkrStaking
    function latestSnapshot() external view returns (uint256) {
        return StakingStorage.layout().control.newestSnapshot;
    }

    /// @inheritdoc IERC6372
    function clock() external view returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @inheritdoc IERC6372
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc IAnkrStaking
    function getVotes(address account) external view returns (uint256) {
        return StakingStorage.layout().providers[account].stake.total;
    }

    /// @inheritdoc IAnkrStaking
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        return VotesLogic.getPastVotes(StakingStorage.layout(), account, timepoint);
    }

    /// @inheritdoc IAnkrStaking
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        return VotesLogic.getPastTotalSupply(StakingStorage.layout(), timepoint);
    }

    /// @inheritdoc IAnkrStaking
    function getPastStake(address provider, address delegator, uint256 timepoint)
        external
        view
        returns (uint256)
    {
        return VotesLogic.getPastStake(StakingStorage.layout(), provider, delegator, timepoint);
    }

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
        Control memory c = $.control;
        return (c.genesis, c.epochLength, StakeLib.currentEpoch(c), $.ledger.nextEpoch);
    }

    /// @inheritdoc IAnkrStaking
    function currentEpoch() external view returns (uint256) {
        return StakeLib.currentEpoch(StakingStorage.layout().control);
    }

    /// @inheritdoc IAnkrStaking
    function totals() external view returns (uint256, uint256, uint256, uint256) {
        Layout storage $ = StakingStorage.layout();
        return ($.totals.totalStaked, $.control.globalCap, $.ledger.unusedAllotments, $.ledger.rewardReserve);
    }

    /// @inheritdoc IAnkrStaking
    function paused() external view returns (bool) {
        return StakingStorage.layout().control.paused;
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
        return ViewLogic.getDelegation(StakingStorage.layout(), provider, delegator);
    }

    /// @inheritdoc IAnkrStaking
    function pendingRewards(address provider, address delegator) external view returns (uint256 amount) {
        (, amount) = ViewLogic.getDelegation(StakingStorage.layout(), provider, delegator);
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
        (Control memory c, uint256 p) = _openControl($, true);
        uint96 value = StakeLib.toAmount(amount);
        (, uint96 stake, uint96 poolStake) = _addStake($, provider, value, p, false);
        StakeLib.takeGlobalRoom($, c, msg.sender, value, p);
        TOKEN.safeTransferFrom(msg.sender, address(this), value);
        emit Delegated(msg.sender, provider, value, stake, poolStake);
    }

    /// @dev The slot every stake change reads, and the governance snapshots already past; new stake
    ///      (`adding`) may not come in while paused.
    function _openControl(Layout storage $, bool adding) private view returns (Control memory c, uint256 p) {
        c = $.control;
        if (adding && c.paused) revert EnforcedPause();
        p = VotesLib.past($, c);
    }

    /// @dev Adds `value` (with `restaking`: the caller's rewards there, and its commission if it is
    ///      the provider) to the caller's stake at `provider` after the provider's checks; the caller
    ///      handles the global cap when the stake is new to the protocol. `p`: snapshots past.
    function _addStake(Layout storage $, address provider, uint96 value, uint256 p, bool restaking)
        private
        returns (uint96 added, uint96 newStake, uint96 poolStake)
    {
        Provider storage prov = $.providers[provider];
        (Stake memory stake, Stream memory stream,) = PoolLib.sync($, prov);
        Delegation memory current = $.delegations[provider][msg.sender];
        {
            Pool memory pool = prov.pool;
            bool isSelf = msg.sender == provider;
            if (restaking) {
                StakeLib.requireActive(provider, pool.status);
                uint256 amount = PoolLib.owed(current, stream.rewardPerToken);
                if (isSelf) {
                    amount += pool.commissionAccrued;
                    pool.commissionAccrued = 0;
                }
                if (amount == 0) revert StakingNothingToClaim();
                value = StakeLib.toAmount(amount);
            } else {
                if (value == 0) revert StakingZeroAmount();
                if (!StakeLib.acceptsStake(pool.status, isSelf)) {
                    StakeLib.requireActive(provider, pool.status);
                }
            }
            uint256 room = StakeLib.providerRoom($, prov, pool, stake.total, isSelf);
            if (value > room) revert StakingProviderCapacityExceeded(provider, value, room);
            newStake = current.stake + value;
            _checkMinDelegation($, isSelf, newStake);
            if (isSelf) {
                pool.selfStake += value;
                PoolLib.write(prov, pool);
            }
        }
        added = value;
        poolStake = stake.total + value;
        _writeChange($, provider, p, !restaking, newStake, poolStake, stake, stream, current);
    }

    /// @dev Removes `amount` of the caller's stake at `provider`; the caller decides where it goes.
    function _removeStake(Layout storage $, address provider, uint256 amount, uint256 p)
        private
        returns (uint96 value, uint96 remaining, uint96 poolStake)
    {
        if (amount == 0) revert StakingZeroAmount();
        value = StakeLib.toAmount(amount);
        Provider storage prov = $.providers[provider];
        Pool memory pool = prov.pool;
        if (pool.status == ProviderStatus.None) revert StakingUnknownProvider(provider);
        (Stake memory stake, Stream memory stream,) = PoolLib.sync($, prov);
        Delegation memory current = $.delegations[provider][msg.sender];
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
        poolStake = stake.total - value;
        _writeChange($, provider, p, true, remaining, poolStake, stake, stream, current);
    }

    /// @dev Writes a stake change of the caller's delegation at `provider` (to `newStake`, carrying
    ///      its rewards or, without `carry`, dropping them as paid) and of its pool (to `poolStake`),
    ///      keeping the old values for the governance snapshots passed since they last changed.
    function _writeChange(
        Layout storage $,
        address provider,
        uint256 p,
        bool carry,
        uint96 newStake,
        uint96 poolStake,
        Stake memory stake,
        Stream memory stream,
        Delegation memory current
    ) private {
        uint256 rpt = stream.rewardPerToken;
        uint256 owedAmount = carry ? PoolLib.owed(current, rpt) : 0;
        VotesLib.beforeDelegationChange($, provider, msg.sender, current, p);
        PoolLib.store($.delegations[provider][msg.sender], newStake, current.votesSeen, owedAmount, rpt);
        VotesLib.beforePoolChange($, provider, stream, stake.total, p);
        Provider storage prov = $.providers[provider];
        PoolLib.writeStream(prov, stream);
        stake.total = poolStake;
        PoolLib.writeStake(prov, stake);
    }

    function _checkMinDelegation(Layout storage $, bool isSelf, uint96 newStake) private view {
        if (isSelf) return;
        uint96 minDelegation = $.params.minDelegation;
        if (newStake < minDelegation) revert StakingBelowMinDelegation(newStake, minDelegation);
    }

    /// @dev Zeroes and returns the caller's rewards at `provider` (with its commission if it is it).
    ///      Only the delegation is written: the pool's accumulator is read as of now without being
    ///      stored, which is safe because the stored one, once brought up to date, can only be
    ///      larger (the pool's stake is unchanged until a stake change, which accrues first). When
    ///      something streamed to nobody (a pool too small to earn), the pool is written too, so
    ///      that goes back to the reserve now.
    function _takeRewards(Layout storage $, address provider) private returns (uint256 amount) {
        Provider storage prov = $.providers[provider];
        (Stake memory stake, Stream memory stream, bool returned) = PoolLib.sync($, prov);
        uint256 rpt = stream.rewardPerToken;
        if (returned) {
            PoolLib.writeStream(prov, stream);
            PoolLib.writeStake(prov, stake);
        }
        Delegation storage d = $.delegations[provider][msg.sender];
        Delegation memory current = d;
        amount = PoolLib.owed(current, rpt);
        if (amount != 0) PoolLib.store(d, current.stake, current.votesSeen, 0, rpt);
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
