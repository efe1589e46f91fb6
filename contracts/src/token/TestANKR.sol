// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title TestANKR
/// @notice A plain 18-decimal ERC-20 with EIP-2612 permit for devnets and tests. Mainnet uses the
///         real ANKR token (no permit), set at deployment.
contract TestANKR is ERC20, ERC20Permit {
    constructor(address holder, uint256 supply)
        ERC20("Test Ankr Network", "tANKR")
        ERC20Permit("Test Ankr Network")
    {
        _mint(holder, supply);
    }
}
