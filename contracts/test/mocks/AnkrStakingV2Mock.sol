// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";

/// @notice A next version of the staking contract for upgrade tests: same storage, one new function.
contract AnkrStakingV2Mock is AnkrStaking {
    constructor(IERC20 token_) AnkrStaking(token_) {}

    function version() external pure returns (string memory) {
        return "2";
    }
}

/// @notice Not UUPS: an upgrade to it must be rejected.
contract NotUUPSMock {
    function version() external pure returns (string memory) {
        return "none";
    }
}
