// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Script} from "forge-std/Script.sol";

import {AnkrStaking} from "../src/AnkrStaking.sol";
import {RewardVault} from "../src/RewardVault.sol";
import {TestANKR} from "../src/token/TestANKR.sol";
import {Defaults} from "./Defaults.sol";

/// @title Deploy
/// @notice Deploys the reward vault and the staking proxy (and, where no token is configured, a
///         TestANKR with permit) and writes `deployments/<chainId>.json`.
/// @dev Environment: `TOKEN` (existing token; a TestANKR is deployed when unset), `ADMIN`
///      (receives every role; defaults to the broadcaster), `GENESIS_TIME` (defaults to now),
///      `EPOCH_LENGTH` (defaults to Defaults.EPOCH_LENGTH), `DEPLOYMENTS_DIR` (defaults to ../deployments).
contract Deploy is Script {
    struct Deployment {
        address token;
        address vault;
        address staking;
        address implementation;
        uint256 startBlock;
    }

    function run() external returns (Deployment memory d) {
        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        address admin = vm.envOr("ADMIN", deployer);
        uint256 genesis = vm.envOr("GENESIS_TIME", block.timestamp);
        uint256 epochLength = vm.envOr("EPOCH_LENGTH", Defaults.EPOCH_LENGTH);
        d.startBlock = block.number;

        d.token = vm.envOr("TOKEN", address(0));
        if (d.token == address(0)) d.token = address(new TestANKR(deployer, 10_000_000_000 ether));
        RewardVault vault = new RewardVault(IERC20(d.token), deployer);
        d.vault = address(vault);
        d.implementation = address(new AnkrStaking(IERC20(d.token)));
        d.staking = address(
            new ERC1967Proxy(
                d.implementation,
                abi.encodeCall(
                    AnkrStaking.initialize, (vault, admin, genesis, epochLength, Defaults.parameters())
                )
            )
        );
        vault.setStaking(d.staking);
        if (admin != deployer) {
            vault.grantRole(vault.DEFAULT_ADMIN_ROLE(), admin);
            vault.renounceRole(vault.DEFAULT_ADMIN_ROLE(), deployer);
        }
        vm.stopBroadcast();

        _write(d);
    }

    function _write(Deployment memory d) private {
        string memory key = "deployment";
        vm.serializeUint(key, "chainId", block.chainid);
        vm.serializeAddress(key, "token", d.token);
        vm.serializeAddress(key, "rewardVault", d.vault);
        vm.serializeAddress(key, "staking", d.staking);
        vm.serializeAddress(key, "stakingImplementation", d.implementation);
        string memory json = vm.serializeUint(key, "startBlock", d.startBlock);
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string("../deployments"));
        vm.writeJson(json, string.concat(dir, "/", vm.toString(block.chainid), ".json"));
    }
}
