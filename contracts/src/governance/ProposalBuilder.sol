// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IAnkrStaking} from "../interfaces/IAnkrStaking.sol";
import {IOracleCommittee} from "../interfaces/IOracleCommittee.sol";
import {IRewardVault} from "../interfaces/IRewardVault.sol";
import {Parameters, ProviderStatus, ProviderView} from "../interfaces/IStakingTypes.sol";
import {RewardMath} from "../libraries/RewardMath.sol";

/// @title ProposalBuilder
/// @notice Calldata for the common governance decisions, ready for `Governor.propose` (the main
///         timelock executes them). Each builder checks what it can at build time, so a proposal
///         that would certainly revert at execution is never put to a vote; the staking contract
///         checks again when the timelock executes.
/// @dev Not deployed: internal functions for scripts and tests. The SDK mirrors these shapes.
library ProposalBuilder {
    /// @notice What `Governor.propose` takes, minus the description.
    struct Proposal {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
    }

    /// @notice Thrown when a slash exceeds `maxSlashBps` of the provider's slashable self-stake now.
    error ProposalSlashTooLarge(uint256 amount, uint256 maxAmount);
    /// @notice Thrown when a provider to admit is not Pending (unregistered, or already admitted).
    error ProposalNotPending(address provider, ProviderStatus status);
    /// @notice Thrown when `setParameter` names no parameter.
    error ProposalUnknownParameter(bytes32 name);
    /// @notice Thrown when `setParameter`'s value does not fit the parameter's field (at most `max`).
    error ProposalValueTooLarge(bytes32 name, uint256 value, uint256 max);
    /// @notice Thrown when accounts and allotments differ in length.
    error ProposalLengthMismatch();

    /*//////////////////////////////////////////////////////////////
                                PROVIDERS
    //////////////////////////////////////////////////////////////*/

    /// @notice Admits Pending providers (each must be Pending now).
    function admitProviders(IAnkrStaking staking, address[] memory providers)
        internal
        view
        returns (Proposal memory p)
    {
        p = _empty(providers.length);
        for (uint256 i; i < providers.length; ++i) {
            ProviderStatus status = staking.getProvider(providers[i]).status;
            if (status != ProviderStatus.Pending) revert ProposalNotPending(providers[i], status);
            _set(p, i, address(staking), abi.encodeCall(IAnkrStaking.admitProvider, (providers[i])));
        }
    }

    /// @notice Admits one Pending provider.
    function admitProvider(IAnkrStaking staking, address provider) internal view returns (Proposal memory) {
        address[] memory providers = new address[](1);
        providers[0] = provider;
        return admitProviders(staking, providers);
    }

    /// @notice Removes a provider: it exits, its self-stake unbonds (and stays slashable).
    function removeProvider(IAnkrStaking staking, address provider)
        internal
        pure
        returns (Proposal memory p)
    {
        p = _single(address(staking), abi.encodeCall(IAnkrStaking.removeProvider, (provider)));
    }

    /// @notice Slashes `amount` of a provider's self-stake, at most `maxSlashBps` of what is slashable.
    function slash(IAnkrStaking staking, address provider, uint256 amount)
        internal
        view
        returns (Proposal memory)
    {
        uint256 maxAmount = maxSlash(staking, provider);
        if (amount > maxAmount) revert ProposalSlashTooLarge(amount, maxAmount);
        return _single(address(staking), abi.encodeCall(IAnkrStaking.slash, (provider, amount)));
    }

    /// @notice The largest slash allowed now: `maxSlashBps` of active plus unbonding self-stake.
    function maxSlash(IAnkrStaking staking, address provider) internal view returns (uint256) {
        ProviderView memory v = staking.getProvider(provider);
        return (v.selfStake + v.selfStakeUnbonding) * staking.parameters().maxSlashBps / RewardMath.BPS;
    }

    /*//////////////////////////////////////////////////////////////
                               PARAMETERS
    //////////////////////////////////////////////////////////////*/

    /// @notice Sets every parameter at once.
    function setParameters(IAnkrStaking staking, Parameters memory params)
        internal
        pure
        returns (Proposal memory)
    {
        return _single(address(staking), abi.encodeCall(IAnkrStaking.setParameters, (params)));
    }

    /// @notice Sets one parameter by its field name (e.g. "rewardPerEpoch"), the rest as they are now.
    function setParameter(IAnkrStaking staking, bytes32 name, uint256 value)
        internal
        view
        returns (Proposal memory)
    {
        Parameters memory q = staking.parameters();
        if (name == "minSelfStake") q.minSelfStake = uint96(_fit(name, value, 96));
        else if (name == "minDelegation") q.minDelegation = uint96(_fit(name, value, 96));
        else if (name == "maxCommissionBps") q.maxCommissionBps = uint16(_fit(name, value, 16));
        else if (name == "delegationRatio") q.delegationRatio = uint16(_fit(name, value, 16));
        else if (name == "jailThresholdBps") q.jailThresholdBps = uint16(_fit(name, value, 16));
        else if (name == "jailAfterEpochs") q.jailAfterEpochs = uint8(_fit(name, value, 8));
        else if (name == "rewardPerEpoch") q.rewardPerEpoch = uint96(_fit(name, value, 96));
        else if (name == "unbondingPeriod") q.unbondingPeriod = uint32(_fit(name, value, 32));
        else if (name == "providerUnbondingPeriod") q.providerUnbondingPeriod = uint32(_fit(name, value, 32));
        else if (name == "commissionNoticePeriod") q.commissionNoticePeriod = uint32(_fit(name, value, 32));
        else if (name == "jailCooldown") q.jailCooldown = uint32(_fit(name, value, 32));
        else if (name == "maxSlashBps") q.maxSlashBps = uint16(_fit(name, value, 16));
        else revert ProposalUnknownParameter(name);
        return setParameters(staking, q);
    }

    /// @notice Caps the pool (0 lifts the cap) and sets allotments under it, in one proposal.
    function setCapAndAllotments(
        IAnkrStaking staking,
        uint256 globalCap,
        address[] memory accounts,
        uint256[] memory allotments
    ) internal pure returns (Proposal memory p) {
        if (accounts.length != allotments.length) revert ProposalLengthMismatch();
        p = _empty(accounts.length + 1);
        _set(p, 0, address(staking), abi.encodeCall(IAnkrStaking.setGlobalCap, (globalCap)));
        for (uint256 i; i < accounts.length; ++i) {
            _set(
                p,
                i + 1,
                address(staking),
                abi.encodeCall(IAnkrStaking.setAllotment, (accounts[i], allotments[i]))
            );
        }
    }

    /// @notice Caps one provider's pool (0 lifts it).
    function setProviderCap(IAnkrStaking staking, address provider, uint256 maxStake)
        internal
        pure
        returns (Proposal memory)
    {
        return _single(address(staking), abi.encodeCall(IAnkrStaking.setProviderCap, (provider, maxStake)));
    }

    /*//////////////////////////////////////////////////////////////
                              REWARD VAULT
    //////////////////////////////////////////////////////////////*/

    /// @notice Funds the reward vault with `amount` of the token the timelock holds.
    function fundVault(IERC20 token, IRewardVault vault, uint256 amount)
        internal
        pure
        returns (Proposal memory p)
    {
        p = _empty(2);
        _set(p, 0, address(token), abi.encodeCall(IERC20.approve, (address(vault), amount)));
        _set(p, 1, address(vault), abi.encodeCall(IRewardVault.fund, (amount)));
    }

    /*//////////////////////////////////////////////////////////////
                                 ORACLE
    //////////////////////////////////////////////////////////////*/

    /// @notice Adds and removes oracle committee members and sets its quorum, in one proposal
    ///         (the committee checks the quorum against the new membership when it runs).
    function setOracleCommittee(
        IOracleCommittee committee,
        address[] memory add,
        address[] memory remove,
        uint256 quorum
    ) internal pure returns (Proposal memory p) {
        p = _empty(add.length + remove.length + 1);
        uint256 i;
        for (uint256 j; j < add.length; ++j) {
            _set(p, i++, address(committee), abi.encodeCall(IOracleCommittee.addMember, (add[j])));
        }
        for (uint256 j; j < remove.length; ++j) {
            _set(p, i++, address(committee), abi.encodeCall(IOracleCommittee.removeMember, (remove[j])));
        }
        _set(p, i, address(committee), abi.encodeCall(IOracleCommittee.setQuorum, (quorum)));
    }

    /*//////////////////////////////////////////////////////////////
                                UPGRADE
    //////////////////////////////////////////////////////////////*/

    /// @notice Announces an upgrade on the staking contract and schedules it in the upgrade timelock
    ///         (which the main timelock proposes to). Anyone runs it with `upgradeOperation`'s
    ///         arguments once both waits are over: the timelock's delay, and more than the longest
    ///         unbonding period since the announcement (the staking contract's own check).
    function upgrade(
        TimelockController upgradeTimelock,
        address proxy,
        address implementation,
        bytes memory initData,
        bytes32 salt
    ) internal view returns (Proposal memory p) {
        bytes memory data = _upgradeCall(implementation, initData);
        p = _empty(2);
        _set(p, 0, proxy, abi.encodeCall(IAnkrStaking.announceUpgrade, (implementation)));
        _set(
            p,
            1,
            address(upgradeTimelock),
            abi.encodeCall(
                TimelockController.schedule, (proxy, 0, data, bytes32(0), salt, upgradeTimelock.getMinDelay())
            )
        );
    }

    /// @notice The upgrade timelock operation `upgrade` schedules: call
    ///         `upgradeTimelock.execute(proxy, 0, data, 0, salt)` once it is ready.
    function upgradeOperation(
        TimelockController upgradeTimelock,
        address proxy,
        address implementation,
        bytes memory initData,
        bytes32 salt
    ) internal pure returns (bytes32 id, bytes memory data) {
        data = _upgradeCall(implementation, initData);
        id = upgradeTimelock.hashOperation(proxy, 0, data, bytes32(0), salt);
    }

    function _upgradeCall(address implementation, bytes memory initData) private pure returns (bytes memory) {
        return abi.encodeCall(UUPSUpgradeable.upgradeToAndCall, (implementation, initData));
    }

    /*//////////////////////////////////////////////////////////////
                                HELPERS
    //////////////////////////////////////////////////////////////*/

    /// @dev `value` if it fits in `bits` bits (the field's width), else a revert naming the field.
    function _fit(bytes32 name, uint256 value, uint256 bits) private pure returns (uint256) {
        uint256 max = type(uint256).max >> (256 - bits);
        if (value > max) revert ProposalValueTooLarge(name, value, max);
        return value;
    }

    function _empty(uint256 n) private pure returns (Proposal memory p) {
        p.targets = new address[](n);
        p.values = new uint256[](n);
        p.calldatas = new bytes[](n);
    }

    function _single(address target, bytes memory data) private pure returns (Proposal memory p) {
        p = _empty(1);
        _set(p, 0, target, data);
    }

    function _set(Proposal memory p, uint256 i, address target, bytes memory data) private pure {
        p.targets[i] = target;
        p.calldatas[i] = data;
    }
}
