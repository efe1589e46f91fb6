// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Test} from "forge-std/Test.sol";

import {RewardMath} from "../../../src/libraries/RewardMath.sol";
import {StakingStorage} from "../../../src/libraries/StakingStorage.sol";

import {AnkrStaking} from "../../../src/AnkrStaking.sol";
import {RewardVault} from "../../../src/RewardVault.sol";
import {
    Parameters,
    ProviderStatus,
    ProviderView,
    UnbondingEntry
} from "../../../src/interfaces/IStakingTypes.sol";
import {TestANKR} from "../../../src/token/TestANKR.sol";

/// @notice Drives the staking contract with bounded, always-valid actions from ~8 delegators, 4
///         providers, a reward funder, governance, the guardian and the settler. Every action
///         either is valid for the current state (and must then succeed: the invariant run fails
///         on any revert) or returns early. Ghost variables record what went in and out per actor.
contract StakingHandler is Test {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant WAD = 1e18;
    bytes32 internal constant STORAGE_SLOT = StakingStorage.SLOT;
    /// @dev Slot offset of `providers` in the ERC-7201 `Layout` (see StakingStorage).
    uint256 internal constant PROVIDERS_SLOT_OFFSET = 8;
    /// @dev Slots inside `Provider` (pool, stake, stream, terms, bond, metadataURI, queuedRewards).
    uint256 internal constant STAKE_SLOT = 1;
    uint256 internal constant QUEUED_REWARDS_SLOT = 6;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    AnkrStaking public immutable staking;
    /// @dev Parameters never change during a run (nothing calls setParameters): read them once.
    Parameters internal params;
    TestANKR public immutable token;
    RewardVault public immutable vault;
    address public immutable governance;

    address[] internal _delegators;
    uint256[] internal _delegatorKeys;
    address[] internal _providers;
    address[] internal _actors; // delegators then providers
    address public funder;

    /*//////////////////////////////////////////////////////////////
                                 GHOSTS
    //////////////////////////////////////////////////////////////*/

    /// @notice Tokens an actor moved into the staking contract as principal.
    mapping(address => uint256) public ghost_deposited;
    /// @notice Principal paid back to an actor (withdraw, withdrawSelfStake).
    mapping(address => uint256) public ghost_principalOut;
    /// @notice Rewards paid to an actor (claim, claimAll).
    mapping(address => uint256) public ghost_rewardsOut;
    /// @notice Rewards the contract showed as claimable right before the actor claimed or restaked them.
    mapping(address => uint256) public ghost_credited;
    /// @notice Rewards an actor turned into stake.
    mapping(address => uint256) public ghost_restaked;
    /// @notice Self-stake slashed from a provider.
    mapping(address => uint256) public ghost_slashed;

    uint256 public ghost_depositedTotal;
    uint256 public ghost_principalOutTotal;
    uint256 public ghost_fundedFromVault;
    uint256 public ghost_addedRewards;
    uint256 public ghost_claimed;
    uint256 public ghost_restakedTotal;
    uint256 public ghost_slashedTotal;
    /// @notice Upper bound of the reward dust rounding may keep back so far (accumulator floors
    ///         of at most total/1e18 per pool accrual, plus a wei per delegation sync).
    uint256 public ghost_dustBound;
    uint256 public ghost_maxQueueLength;
    uint256 public ghost_queueMerges;

    /// @notice Handler calls so far in this run.
    uint256 public ghost_calls;
    mapping(bytes32 => uint256) public calls;
    /// @notice Calls of each action that did something (did not return early).
    mapping(bytes32 => uint256) public done;
    bool internal _succeeded;
    bytes32[] internal _callNames;

    modifier track(bytes32 name) {
        if (calls[name] == 0) _callNames.push(name);
        ++calls[name];
        ++ghost_calls;
        _succeeded = false;
        _;
        if (_succeeded) ++done[name];
        _accountDust();
    }

    constructor(AnkrStaking staking_, TestANKR token_, RewardVault vault_, address governance_) {
        staking = staking_;
        token = token_;
        vault = vault_;
        governance = governance_;
        for (uint256 i; i < 8; ++i) {
            (address d, uint256 key) = makeAddrAndKey(string.concat("delegator", vm.toString(i)));
            _delegators.push(d);
            _delegatorKeys.push(key);
            _actors.push(d);
        }
        for (uint256 i; i < 4; ++i) {
            address p = makeAddr(string.concat("provider", vm.toString(i)));
            _providers.push(p);
            _actors.push(p);
        }
        funder = makeAddr("funder");
        params = staking_.parameters();
    }

    /// @dev forge-std's bound() without its console log: handlers call it many times per action.
    function bound(uint256 x, uint256 min, uint256 max) internal pure override returns (uint256) {
        return _bound(x, min, max);
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    function delegators() external view returns (address[] memory) {
        return _delegators;
    }

    function providers() external view returns (address[] memory) {
        return _providers;
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    /// @notice Every per-actor ghost in one call (the invariants read them after every call).
    function ghostsOf(address a)
        external
        view
        returns (
            uint256 deposited,
            uint256 principalOut,
            uint256 rewardsOut,
            uint256 credited,
            uint256 restaked,
            uint256 slashed
        )
    {
        return (
            ghost_deposited[a],
            ghost_principalOut[a],
            ghost_rewardsOut[a],
            ghost_credited[a],
            ghost_restaked[a],
            ghost_slashed[a]
        );
    }

    function callNames() external view returns (bytes32[] memory) {
        return _callNames;
    }

    /// @notice When the pool's stake and rewards were last brought up to date (`Stake.updatedAt`,
    ///         the pool's clock), which no view exposes, read from storage. Checks the slot
    ///         arithmetic against the pool's stake so a layout change fails loudly instead of silently.
    function streamUpdatedAt(address provider) public view returns (uint256) {
        uint256 word = _stakeWord(provider);
        require(uint96(word) == staking.getProvider(provider).totalStake, "stake slot layout changed");
        return uint32(word >> 224);
    }

    /// @dev Slot 1 of a provider: total (96) | stakeSeconds (128) | updatedAt (32).
    function _stakeWord(address provider) internal view returns (uint256) {
        bytes32 base = bytes32(uint256(STORAGE_SLOT) + PROVIDERS_SLOT_OFFSET);
        uint256 slot = uint256(keccak256(abi.encode(provider, base))) + STAKE_SLOT;
        return uint256(vm.load(address(staking), bytes32(slot)));
    }

    /// @notice `Provider.queuedRewards` (rewards added while the pool's stream ran, waiting for its
    ///         next settlement), which no view exposes, read from storage.
    function queuedRewards(address provider) public view returns (uint256) {
        bytes32 base = bytes32(uint256(STORAGE_SLOT) + PROVIDERS_SLOT_OFFSET);
        uint256 slot = uint256(keccak256(abi.encode(provider, base))) + QUEUED_REWARDS_SLOT;
        return uint256(vm.load(address(staking), bytes32(slot)));
    }

    /// @notice Reward still to stream into a pool: from now when stake is there (what streamed so
    ///         far is in the pending rewards), from the last update when it is empty (what
    ///         streamed since then goes to the reserve at the next accrual), plus queued rewards.
    function unstreamed(address provider) public view returns (uint256) {
        ProviderView memory v = staking.getProvider(provider);
        uint256 from =
            v.totalStake < RewardMath.MIN_EARNING_STAKE ? streamUpdatedAt(provider) : block.timestamp;
        uint256 streaming = v.rewardFinish > from ? v.rewardRate * (v.rewardFinish - from) : 0;
        return streaming + queuedRewards(provider);
    }

    /*//////////////////////////////////////////////////////////////
                                PROVIDERS
    //////////////////////////////////////////////////////////////*/

    /// @notice Registers a provider (and admits it when `admit`), or admits a Pending one.
    function registerProvider(uint256 pSeed, uint256 amount, uint16 commission, bool admit)
        public
        track("registerProvider")
    {
        address p = _provider(pSeed);
        ProviderStatus status = staking.getProvider(p).status;
        // Admission needs the minimum bond, which a slash may have taken a Pending provider below.
        if (
            status == ProviderStatus.Pending && admit
                && staking.getProvider(p).selfStake >= params.minSelfStake
        ) {
            vm.prank(governance);
            staking.admitProvider(p);
            _succeeded = true;
            return;
        }
        if (status != ProviderStatus.None || staking.paused()) return;
        uint256 high = Math.min(Math.min(token.balanceOf(p), 3_000_000 ether), _globalRoom(p));
        if (high < params.minSelfStake) return;
        amount = bound(amount, params.minSelfStake, high);
        commission = uint16(bound(commission, 0, params.maxCommissionBps));
        vm.prank(p);
        staking.registerProvider(amount, commission, "data:application/json,{}");
        ghost_deposited[p] += amount;
        ghost_depositedTotal += amount;
        if (admit) {
            vm.prank(governance);
            staking.admitProvider(p);
        }
        _succeeded = true;
    }

    function setCommission(uint256 pSeed, uint16 bps) public track("setCommission") {
        address p = _provider(pSeed);
        if (!_registered(staking.getProvider(p).status)) return;
        bps = uint16(bound(bps, 0, params.maxCommissionBps));
        vm.prank(p);
        staking.setCommission(bps);
        _succeeded = true;
    }

    /// @notice A provider (or, with `byGovernance`, governance) ends it; one call in four goes ahead
    ///         so that most runs keep providers to stake with.
    function exitProvider(uint256 pSeed, uint256 chance, bool byGovernance) public track("exitProvider") {
        address p = _provider(pSeed);
        if (!_registered(staking.getProvider(p).status) || chance % 4 != 0) return;
        if (byGovernance) {
            vm.prank(governance);
            staking.removeProvider(p);
        } else {
            vm.prank(p);
            staking.exitProvider();
        }
        _succeeded = true;
    }

    function withdrawSelfStake(uint256 pSeed, bool warpToRelease) public track("withdrawSelfStake") {
        address p = _provider(pSeed);
        ProviderView memory v = staking.getProvider(p);
        if (v.selfStakeUnbonding == 0) return;
        if (block.timestamp < v.selfStakeReleaseAt) {
            if (!warpToRelease) return;
            vm.warp(v.selfStakeReleaseAt);
        }
        uint256 before = token.balanceOf(p);
        vm.prank(p);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p) - before, v.selfStakeUnbonding, "self-stake paid");
        ghost_principalOut[p] += v.selfStakeUnbonding;
        ghost_principalOutTotal += v.selfStakeUnbonding;
        _succeeded = true;
    }

    /// @notice A provider adds to its own bond (allowed while Pending, Active or Jailed).
    function topUpSelfStake(uint256 pSeed, uint256 amount) public track("topUpSelfStake") {
        address p = _provider(pSeed);
        ProviderView memory v = staking.getProvider(p);
        if (!_registered(v.status) || staking.paused()) return;
        uint256 room =
            v.maxStake == 0 ? type(uint256).max : (v.maxStake > v.totalStake ? v.maxStake - v.totalStake : 0);
        room = Math.min(Math.min(room, _globalRoom(p)), Math.min(token.balanceOf(p), 1_000_000 ether));
        if (room == 0) return;
        amount = bound(amount, 1, room);
        vm.prank(p);
        staking.delegate(p, amount);
        ghost_deposited[p] += amount;
        ghost_depositedTotal += amount;
        _succeeded = true;
    }

    /// @notice A provider unbonds part of its self-stake, keeping the minimum and the ratio cover.
    function unbondSelfStake(uint256 pSeed, uint256 amount) public track("unbondSelfStake") {
        address p = _provider(pSeed);
        ProviderView memory v = staking.getProvider(p);
        if (!_registered(v.status)) return;
        uint256 required = params.minSelfStake;
        if (params.delegationRatio != 0) {
            required = Math.max(required, Math.ceilDiv(v.totalStake - v.selfStake, params.delegationRatio));
        }
        if (v.selfStake <= required) return;
        amount = bound(amount, 1, v.selfStake - required);
        vm.prank(p);
        staking.undelegate(p, amount);
        _succeeded = true;
    }

    /*//////////////////////////////////////////////////////////////
                               DELEGATIONS
    //////////////////////////////////////////////////////////////*/

    function delegate(uint256 dSeed, uint256 pSeed, uint256 amount) public track("delegate") {
        address d = _delegator(dSeed);
        address p = _provider(pSeed);
        (bool ok, uint256 value) = _delegateAmount(d, p, amount);
        if (!ok) return;
        vm.startPrank(d);
        token.approve(address(staking), value);
        staking.delegate(p, value);
        vm.stopPrank();
        ghost_deposited[d] += value;
        ghost_depositedTotal += value;
        _succeeded = true;
    }

    /// @notice `delegate` through an EIP-2612 permit signed with the delegator's key.
    function delegateWithPermit(uint256 dSeed, uint256 pSeed, uint256 amount, uint256 deadline)
        public
        track("delegateWithPermit")
    {
        uint256 index = dSeed % _delegators.length;
        address d = _delegators[index];
        address p = _provider(pSeed);
        (bool ok, uint256 value) = _delegateAmount(d, p, amount);
        if (!ok) return;
        deadline = block.timestamp + bound(deadline, 0, 1 days);
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, d, address(staking), value, token.nonces(d), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_delegatorKeys[index], digest);
        vm.prank(d);
        staking.delegateWithPermit(p, value, deadline, v, r, s);
        assertEq(token.allowance(d, address(staking)), 0, "permit allowance left over");
        ghost_deposited[d] += value;
        ghost_depositedTotal += value;
        _succeeded = true;
    }

    function undelegate(uint256 dSeed, uint256 pSeed, uint256 amount) public track("undelegate") {
        address d = _delegator(dSeed);
        (address p, uint256 stake) = _stakedProvider(d, pSeed);
        if (stake == 0) return;
        amount = _removableAmount(stake, amount);
        vm.prank(d);
        staking.undelegate(p, amount);
        _recordQueue(d);
        _succeeded = true;
    }

    /// @notice Undelegates a little in each of `n` successive epochs, to fill the unbonding queue
    ///         past its 16 entries (where new amounts merge into the newest entry).
    function undelegateOverEpochs(uint256 dSeed, uint256 pSeed, uint256 n)
        public
        track("undelegateOverEpochs")
    {
        address d = _delegator(dSeed);
        (address p,) = _stakedProvider(d, pSeed);
        n = bound(n, 2, 20);
        uint256 min = params.minDelegation;
        (uint256 stake,) = staking.getDelegation(p, d);
        if (stake < min + n * n) return;
        uint256 epochLength = _epochLength();
        // One accrual of this pool per undelegation.
        ghost_dustBound += n * (staking.getProvider(p).totalStake / WAD + 2);
        for (uint256 i; i < n; ++i) {
            vm.warp(block.timestamp + epochLength);
            vm.prank(d);
            staking.undelegate(p, 1 + i);
            _recordQueue(d);
        }
        _succeeded = true;
    }

    /// @notice Pays matured unbondings; with `warpToRelease`, first waits for the oldest entry.
    function withdraw(uint256 dSeed, bool warpToRelease) public track("withdraw") {
        address d = _delegator(dSeed);
        for (uint256 k; k < _delegators.length; ++k) {
            (, UnbondingEntry[] memory queue) =
                staking.unbondingQueue(_delegator(dSeed % _delegators.length + k));
            if (queue.length != 0) {
                d = _delegator(dSeed % _delegators.length + k);
                break;
            }
        }
        uint256 amount = staking.withdrawable(d);
        if (amount == 0 && warpToRelease) {
            (, UnbondingEntry[] memory entries) = staking.unbondingQueue(d);
            if (entries.length == 0) return;
            if (entries[0].releaseAt > block.timestamp) vm.warp(entries[0].releaseAt);
            amount = staking.withdrawable(d);
        }
        if (amount == 0) return;
        uint256 before = token.balanceOf(d);
        vm.prank(d);
        uint256 paid = staking.withdraw();
        assertEq(paid, amount, "withdraw != withdrawable");
        assertEq(token.balanceOf(d) - before, paid, "withdraw transfer");
        ghost_principalOut[d] += paid;
        ghost_principalOutTotal += paid;
        _succeeded = true;
    }

    function redelegate(uint256 dSeed, uint256 fromSeed, uint256 toSeed, uint256 amount)
        public
        track("redelegate")
    {
        if (staking.paused()) return;
        address d = _delegator(dSeed);
        (address from, uint256 stake) = _stakedProvider(d, fromSeed);
        if (stake == 0) return;
        // The first Active provider from toSeed other than `from`.
        address to;
        ProviderView memory v;
        for (uint256 k; k < _providers.length; ++k) {
            address candidate = _provider(toSeed % _providers.length + k);
            if (candidate == from) continue;
            v = staking.getProvider(candidate);
            if (v.status == ProviderStatus.Active) {
                to = candidate;
                break;
            }
        }
        if (to == address(0)) return;
        amount = _removableAmount(stake, amount);
        (uint256 toStake,) = staking.getDelegation(to, d);
        if (toStake + amount < params.minDelegation) return;
        // The stake stays in the protocol: only the destination provider's room matters.
        if (amount > _providerRoom(v, false)) return;
        vm.prank(d);
        staking.redelegate(from, to, amount);
        _succeeded = true;
    }

    /*//////////////////////////////////////////////////////////////
                                 REWARDS
    //////////////////////////////////////////////////////////////*/

    function claim(uint256 aSeed, uint256 pSeed) public track("claim") {
        address a = _actor(aSeed);
        (address p, uint256 pending) = _rewardedProvider(a, pSeed);
        if (pending == 0) return;
        uint256 before = token.balanceOf(a);
        vm.prank(a);
        uint256 paid = staking.claim(p);
        assertEq(paid, pending, "claim != pendingRewards");
        assertEq(token.balanceOf(a) - before, paid, "claim transfer");
        _recordClaim(a, pending, paid);
        _succeeded = true;
    }

    /// @notice claimAll over a subset of providers picked by `mask` (a provider may repeat).
    function claimAll(uint256 aSeed, uint256 mask) public track("claimAll") {
        address a = _actor(aSeed);
        uint256 n = bound(mask, 1, 5);
        address[] memory list = new address[](n);
        uint256 pending;
        for (uint256 i; i < n; ++i) {
            list[i] = _provider(mask >> (8 * (i + 1)));
            bool seen;
            for (uint256 j; j < i; ++j) {
                if (list[j] == list[i]) seen = true;
            }
            if (!seen) pending += staking.pendingRewards(list[i], a);
        }
        if (pending == 0) return;
        uint256 before = token.balanceOf(a);
        vm.prank(a);
        uint256 paid = staking.claimAll(list);
        assertEq(paid, pending, "claimAll != sum of pendingRewards");
        assertEq(token.balanceOf(a) - before, paid, "claimAll transfer");
        _recordClaim(a, pending, paid);
        _succeeded = true;
    }

    function restake(uint256 aSeed, uint256 pSeed) public track("restake") {
        if (staking.paused()) return;
        address a = _actor(aSeed);
        (address p, uint256 pending) = _rewardedProvider(a, pSeed);
        if (pending == 0) return;
        ProviderView memory v = staking.getProvider(p);
        if (v.status != ProviderStatus.Active) return;
        bool isSelf = a == p;
        if (pending > _providerRoom(v, isSelf) || pending > _globalRoom(a)) return;
        (uint256 stake,) = staking.getDelegation(p, a);
        if (!isSelf && stake + pending < params.minDelegation) return;
        vm.prank(a);
        uint256 value = staking.restake(p);
        assertEq(value, pending, "restake != pendingRewards");
        (uint256 newStake,) = staking.getDelegation(p, a);
        assertEq(newStake, stake + value, "restaked stake");
        ghost_credited[a] += pending;
        ghost_restaked[a] += value;
        ghost_restakedTotal += value;
        _succeeded = true;
    }

    function addRewards(uint256 pSeed, uint256 amount) public track("addRewards") {
        address p = _provider(pSeed);
        ProviderStatus status = staking.getProvider(p).status;
        if (status != ProviderStatus.Active && status != ProviderStatus.Jailed) return;
        uint256 high = Math.min(token.balanceOf(funder), 500_000 ether);
        if (high == 0) return;
        // Odd small amounts exercise the rate remainder; large ones the accumulator.
        amount = amount % 2 == 0 ? bound(amount, 1, Math.min(high, 1e12)) : bound(amount, 1, high);
        bool running = staking.getProvider(p).rewardFinish > block.timestamp;
        uint256 queuedBefore = queuedRewards(p);
        vm.prank(funder);
        staking.addRewards(p, amount);
        ghost_addedRewards += amount;
        // A running stream is never stretched: the amount waits for the next settlement.
        if (running) assertEq(queuedRewards(p), queuedBefore + amount, "addRewards not queued");
        _succeeded = true;
    }

    /// @notice Settles up to `n` epochs, warping to the end of each first, with random scores
    ///         (mostly passing, sometimes failing, so the jail streak moves).
    function settleEpoch(uint256 scoreSeed, uint256 n) public track("settleEpoch") {
        n = bound(n, 1, 3);
        for (uint256 k; k < n; ++k) {
            if (k != 0) _accountDust();
            (uint256 genesis, uint256 epochLength,, uint256 next) = staking.epochClock();
            uint256 end = genesis + (next + 1) * epochLength;
            if (block.timestamp < end) vm.warp(end);
            address[] memory list = _sortedScored();
            uint16[] memory scores = new uint16[](list.length);
            for (uint256 i; i < list.length; ++i) {
                uint256 r = uint256(keccak256(abi.encode(scoreSeed, k, i)));
                scores[i] = uint16(r % 4 == 0 ? bound(r >> 8, 0, BPS) : bound(r >> 8, 5000, BPS));
            }
            uint256 vaultBefore = vault.balance();
            vm.prank(governance);
            staking.settleEpoch(next, list, scores);
            ghost_fundedFromVault += vaultBefore - vault.balance();
        }
        _succeeded = true;
    }

    function warp(uint256 secs) public track("warp") {
        vm.warp(block.timestamp + bound(secs, 1, 3 days));
        _succeeded = true;
    }

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    function jail(uint256 pSeed) public track("jail") {
        address p = _provider(pSeed);
        if (staking.getProvider(p).status != ProviderStatus.Active) return;
        vm.prank(governance);
        staking.jail(p);
        _succeeded = true;
    }

    /// @notice Unjails by governance, or by the provider itself when it qualifies.
    function unjail(uint256 pSeed, bool byGovernance) public track("unjail") {
        address p = _provider(pSeed);
        ProviderView memory v = staking.getProvider(p);
        if (v.status != ProviderStatus.Jailed) return;
        if (byGovernance) {
            vm.prank(governance);
        } else {
            if (block.timestamp < v.jailedAt + params.jailCooldown) return;
            if (v.lowScoreStreak != 0 || v.selfStake < params.minSelfStake) return;
            vm.prank(p);
        }
        staking.unjail(p);
        _succeeded = true;
    }

    function slash(uint256 pSeed, uint256 amount) public track("slash") {
        address p = _provider(pSeed);
        ProviderView memory v = staking.getProvider(p);
        if (v.status == ProviderStatus.None) return;
        uint256 maxAmount = (v.selfStake + v.selfStakeUnbonding) * params.maxSlashBps / BPS;
        if (maxAmount == 0) return;
        amount = bound(amount, 1, maxAmount);
        uint256 vaultBefore = vault.balance();
        vm.prank(governance);
        staking.slash(p, amount);
        assertEq(vault.balance() - vaultBefore, amount, "slash to vault");
        ghost_slashed[p] += amount;
        ghost_slashedTotal += amount;
        _succeeded = true;
    }

    /// @notice Pauses one call in three, so that most of a run is spent unpaused.
    function pause(uint256 chance) public track("pause") {
        if (staking.paused() || chance % 3 != 0) return;
        vm.prank(governance);
        staking.pause();
        _succeeded = true;
    }

    function unpause() public track("unpause") {
        if (!staking.paused()) return;
        vm.prank(governance);
        staking.unpause();
        _succeeded = true;
    }

    /// @notice Governance moves the commission maximum (down or back up), as in security finding 4.
    function setMaxCommission(uint256 bps) public track("setMaxCommission") {
        params.maxCommissionBps = uint16(bound(bps, 0, 3000));
        vm.prank(governance);
        staking.setParameters(params);
        _succeeded = true;
    }

    /// @notice Uncaps (one call in three) or caps the pool somewhere around what is staked.
    function setGlobalCap(uint256 cap) public track("setGlobalCap") {
        (uint256 totalStaked,,,) = staking.totals();
        cap = cap % 2 == 0 ? 0 : bound(cap, totalStaked / 2 + 1, totalStaked * 3 + 20_000_000 ether);
        vm.prank(governance);
        staking.setGlobalCap(cap);
        _succeeded = true;
    }

    function setAllotment(uint256 aSeed, uint256 amount) public track("setAllotment") {
        address a = _actor(aSeed);
        amount = amount % 4 == 0 ? 0 : bound(amount, 1, 5_000_000 ether);
        vm.prank(governance);
        staking.setAllotment(a, amount);
        _succeeded = true;
    }

    function setProviderCap(uint256 pSeed, uint256 cap) public track("setProviderCap") {
        address p = _provider(pSeed);
        ProviderView memory v = staking.getProvider(p);
        if (v.status == ProviderStatus.None) return;
        cap = cap % 2 == 0 ? 0 : bound(cap, v.totalStake / 2 + 1, v.totalStake * 2 + 1_000_000 ether);
        vm.prank(governance);
        staking.setProviderCap(p, cap);
        _succeeded = true;
    }

    /*//////////////////////////////////////////////////////////////
                                HELPERS
    //////////////////////////////////////////////////////////////*/

    function _delegator(uint256 seed) internal view returns (address) {
        return _delegators[seed % _delegators.length];
    }

    function _provider(uint256 seed) internal view returns (address) {
        return _providers[seed % _providers.length];
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev The first provider from `seed` where delegator `d` has stake (or `seed`'s, with none).
    function _stakedProvider(address d, uint256 seed) internal view returns (address p, uint256 stake) {
        for (uint256 k; k < _providers.length; ++k) {
            p = _provider(seed % _providers.length + k);
            (stake,) = staking.getDelegation(p, d);
            if (stake != 0) return (p, stake);
        }
        return (_provider(seed), 0);
    }

    /// @dev The first provider from `seed` where `a` has rewards (a provider: only its own pool).
    function _rewardedProvider(address a, uint256 seed) internal view returns (address p, uint256 pending) {
        if (_isProvider(a)) return (a, staking.pendingRewards(a, a));
        for (uint256 k; k < _providers.length; ++k) {
            p = _provider(seed % _providers.length + k);
            pending = staking.pendingRewards(p, a);
            if (pending != 0) return (p, pending);
        }
        return (_provider(seed), 0);
    }

    function _isProvider(address a) internal view returns (bool) {
        for (uint256 i; i < _providers.length; ++i) {
            if (_providers[i] == a) return true;
        }
        return false;
    }

    function _registered(ProviderStatus status) internal pure returns (bool) {
        return status == ProviderStatus.Pending || status == ProviderStatus.Active
            || status == ProviderStatus.Jailed;
    }

    function _epochLength() internal view returns (uint256 epochLength) {
        (, epochLength,,) = staking.epochClock();
    }

    /// @dev A valid amount for a new delegation of `d` to `p`, or false.
    function _delegateAmount(address d, address p, uint256 amount) internal view returns (bool, uint256) {
        if (staking.paused()) return (false, 0);
        // capacityLeft is 0 unless Active, and covers the provider's room and the global cap.
        uint256 room = staking.capacityLeft(p, d);
        (uint256 stake,) = staking.getDelegation(p, d);
        uint256 min = params.minDelegation;
        uint256 low = stake >= min ? 1 : min - stake;
        uint256 high = Math.min(room, Math.min(token.balanceOf(d), 2_000_000 ether));
        if (high < low) return (false, 0);
        return (true, bound(amount, low, high));
    }

    /// @dev All of `stake` (half the time, or when a partial would leave less than the minimum)
    ///      or a part that leaves at least the minimum.
    function _removableAmount(uint256 stake, uint256 amount) internal view returns (uint256) {
        uint256 min = params.minDelegation;
        if (amount % 2 == 0 || stake <= min) return stake;
        return bound(amount >> 1, 1, stake - min);
    }

    /// @dev Room at a provider: its own cap, and the delegation ratio for others.
    function _providerRoom(ProviderView memory v, bool isSelf) internal view returns (uint256 room) {
        room =
            v.maxStake == 0 ? type(uint256).max : (v.maxStake > v.totalStake ? v.maxStake - v.totalStake : 0);
        if (isSelf) return room;
        uint256 ratio = params.delegationRatio;
        if (ratio == 0) return room;
        uint256 maxDelegated = v.selfStake * ratio;
        uint256 delegated = v.totalStake - v.selfStake;
        return Math.min(room, maxDelegated > delegated ? maxDelegated - delegated : 0);
    }

    /// @dev What `account` may add to the protocol under the global cap: its unused allotment plus
    ///      the open room.
    function _globalRoom(address account) internal view returns (uint256) {
        (uint256 totalStaked, uint256 cap, uint256 unusedAllotments,) = staking.totals();
        if (cap == 0) return type(uint256).max;
        (uint256 allotment, uint256 used) = staking.allotmentOf(account);
        uint256 taken = totalStaked + unusedAllotments;
        return (allotment - used) + (cap > taken ? cap - taken : 0);
    }

    function _sortedScored() internal view returns (address[] memory list) {
        list = staking.scoredProviders();
        for (uint256 i = 1; i < list.length; ++i) {
            address key = list[i];
            uint256 j = i;
            while (j > 0 && list[j - 1] > key) {
                list[j] = list[j - 1];
                --j;
            }
            list[j] = key;
        }
    }

    function _recordClaim(address a, uint256 pending, uint256 paid) internal {
        ghost_credited[a] += pending;
        ghost_rewardsOut[a] += paid;
        ghost_claimed += paid;
    }

    function _recordQueue(address d) internal {
        (, UnbondingEntry[] memory entries) = staking.unbondingQueue(d);
        if (entries.length > ghost_maxQueueLength) ghost_maxQueueLength = entries.length;
        if (entries.length == staking.MAX_UNBONDING_ENTRIES()) ++ghost_queueMerges;
    }

    /// @dev Each action accrues at most every pool once (settlement, claimAll) and rewrites at most
    ///      a handful of delegations; each accrual keeps back < total/1e18 + 1 wei, each sync < 1 wei,
    ///      and each carried balance (a stake change keeping what it earned) < stake/1e18 + 1 wei.
    function _accountDust() internal {
        uint256 bound_ = 8;
        for (uint256 i; i < _providers.length; ++i) {
            bound_ += 2 * (staking.getProvider(_providers[i]).totalStake / WAD + 2);
        }
        // Pools may have been larger during the action than after it (an undelegation, an exit):
        // double the bound rather than track every intermediate state.
        ghost_dustBound += 2 * bound_;
    }
}
