// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRewardVault
/// @notice Holds the reward budget. Anyone funds it; only the staking contract draws from it, one
///         epoch budget at a settlement; governance can move funds out (e.g. to migrate).
interface IRewardVault {
    /// @notice Thrown when the caller is not the staking contract.
    error RewardVaultOnlyStaking(address caller);
    /// @notice Thrown when an amount of zero is given.
    error RewardVaultZeroAmount();
    /// @notice Thrown when the zero address is given.
    error RewardVaultZeroAddress();

    /// @notice Emitted when `from` adds `amount` to the vault.
    event RewardVaultFunded(address indexed from, uint256 amount, uint256 balance);
    /// @notice Emitted when the staking contract draws `amount` for an epoch budget.
    event RewardVaultReleased(uint256 amount, uint256 balance);
    /// @notice Emitted when governance points the vault at a staking contract.
    event RewardVaultStakingSet(address indexed staking);
    /// @notice Emitted when governance moves `amount` out of the vault to `to`.
    event RewardVaultWithdrawn(address indexed to, uint256 amount, uint256 balance);

    /// @notice The reward token.
    function token() external view returns (address);
    /// @notice The only contract that may `release`.
    function staking() external view returns (address);
    /// @notice Tokens available for future epochs.
    function balance() external view returns (uint256);
    /// @notice Pulls `amount` from the caller (who has approved the vault) into the reward budget.
    function fund(uint256 amount) external;
    /// @notice Sends up to `amount` to the staking contract; returns what was sent (less when underfunded).
    /// @dev Only the staking contract.
    function release(uint256 amount) external returns (uint256 released);
    /// @notice Sets the staking contract allowed to `release`. Governance only.
    function setStaking(address staking) external;
    /// @notice Moves `amount` out of the vault. Only governance.
    function withdraw(address to, uint256 amount) external;
}
