// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";

import {StakingStorage} from "../../src/libraries/StakingStorage.sol";

/// @notice Raw reads of the staking contract's voting-history storage, for tests that check what
///         a snapshot registration prepared (VotesLib.PREPARED) rather than what the views return.
library VotesSlots {
    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    /// @dev Slot offsets in the ERC-7201 `Layout` (snapshots/storage-layout.json).
    uint256 private constant POOL_VOTES = 14;
    uint256 private constant VOTING_POOLS = 16;
    uint256 private constant TOTAL_VOTES = 18;

    function poolEntry(address staking, address provider, uint256 key) internal view returns (uint256) {
        bytes32 inner = keccak256(abi.encode(provider, uint256(StakingStorage.SLOT) + POOL_VOTES));
        return uint256(VM.load(staking, keccak256(abi.encode(key, inner))));
    }

    function totalEntry(address staking, uint256 key) internal view returns (uint256) {
        return
            uint256(VM.load(staking, keccak256(abi.encode(key, uint256(StakingStorage.SLOT) + TOTAL_VOTES))));
    }

    function votingPoolCount(address staking) internal view returns (uint256) {
        return uint256(VM.load(staking, bytes32(uint256(StakingStorage.SLOT) + VOTING_POOLS)));
    }
}
