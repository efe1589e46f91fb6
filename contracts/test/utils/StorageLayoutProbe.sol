// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Layout} from "../../src/libraries/StakingStorage.sol";

/// @notice Holds the staking namespace struct as an ordinary state variable so that the compiler's
///         storage layout output describes every member; tools/storage-layout.mjs compares it
///         with the checked-in snapshot to keep upgrades append-only.
contract StorageLayoutProbe {
    Layout internal layout;
}
