// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IRewardVault} from "./interfaces/IRewardVault.sol";

/// @title RewardVault
/// @notice The reward budget, kept apart from staked principal so that what funds rewards is
///         visible and governed on its own.
contract RewardVault is IRewardVault, AccessControl {
    using SafeERC20 for IERC20;

    IERC20 private immutable _token;
    address public staking;

    constructor(IERC20 token_, address admin) {
        if (address(token_) == address(0) || admin == address(0)) revert RewardVaultZeroAddress();
        _token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc IRewardVault
    function token() external view returns (address) {
        return address(_token);
    }

    /// @inheritdoc IRewardVault
    function balance() public view returns (uint256) {
        return _token.balanceOf(address(this));
    }

    /// @inheritdoc IRewardVault
    function fund(uint256 amount) external {
        if (amount == 0) revert RewardVaultZeroAmount();
        _token.safeTransferFrom(msg.sender, address(this), amount);
        emit RewardVaultFunded(msg.sender, amount, balance());
    }

    /// @inheritdoc IRewardVault
    function release(uint256 amount) external returns (uint256 released) {
        if (msg.sender != staking) revert RewardVaultOnlyStaking(msg.sender);
        uint256 available = balance();
        released = amount < available ? amount : available;
        if (released != 0) _token.safeTransfer(msg.sender, released);
        emit RewardVaultReleased(released, available - released);
    }

    /// @inheritdoc IRewardVault
    function setStaking(address staking_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (staking_ == address(0)) revert RewardVaultZeroAddress();
        staking = staking_;
        emit RewardVaultStakingSet(staking_);
    }

    /// @inheritdoc IRewardVault
    function withdraw(address to, uint256 amount) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (to == address(0)) revert RewardVaultZeroAddress();
        if (amount == 0) revert RewardVaultZeroAmount();
        _token.safeTransfer(to, amount);
        emit RewardVaultWithdrawn(to, amount, balance());
    }
}
