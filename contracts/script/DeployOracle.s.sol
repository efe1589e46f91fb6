// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Script} from "forge-std/Script.sol";

import {IAnkrStaking} from "../src/interfaces/IAnkrStaking.sol";
import {OracleCommittee} from "../src/oracle/OracleCommittee.sol";

/// @title DeployOracle
/// @notice Deploys the oracle committee for an existing staking deployment and writes
///         `<DEPLOYMENTS_DIR>/<chainId>.oracle.json`. Kept apart from Deploy.s.sol so the staking
///         deployment can change without touching it.
/// @dev Environment: `STAKING` (required), `MEMBERS` (comma-separated addresses, required),
///      `QUORUM` (defaults to a majority of the members), `OWNER` (governance; defaults to the
///      broadcaster), `DEPLOYMENTS_DIR` (defaults to ../deployments). When the broadcaster administers
///      the staking contract's roles (devnet), the committee also gets SETTLER_ROLE; otherwise
///      governance grants it with a proposal.
contract DeployOracle is Script {
    bytes32 internal constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    function run() external returns (OracleCommittee committee) {
        IAnkrStaking staking = IAnkrStaking(vm.envAddress("STAKING"));
        address[] memory members = vm.envAddress("MEMBERS", ",");
        uint256 quorum = vm.envOr("QUORUM", members.length / 2 + 1);
        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        address owner = vm.envOr("OWNER", deployer);
        uint256 startBlock = block.number;
        committee = new OracleCommittee(staking, owner, members, quorum);
        IAccessControl roles = IAccessControl(address(staking));
        if (roles.hasRole(bytes32(0), deployer)) roles.grantRole(SETTLER_ROLE, address(committee));
        vm.stopBroadcast();

        string memory key = "oracle";
        vm.serializeUint(key, "chainId", block.chainid);
        vm.serializeAddress(key, "oracleCommittee", address(committee));
        string memory json = vm.serializeUint(key, "startBlock", startBlock);
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string("../deployments"));
        vm.writeJson(json, string.concat(dir, "/", vm.toString(block.chainid), ".oracle.json"));
    }
}
