// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Script} from "forge-std/Script.sol";

import {IAnkrStaking} from "../src/interfaces/IAnkrStaking.sol";
import {OracleCommittee} from "../src/oracle/OracleCommittee.sol";
import {QuorumLib} from "../src/oracle/QuorumLib.sol";

/// @title DeployOracle
/// @notice Deploys the oracle committee for an existing staking deployment and writes
///         `<DEPLOYMENTS_DIR>/<chainId>.oracle.json`. Kept apart from Deploy.s.sol so the staking
///         deployment can change without touching it.
/// @dev Environment: `STAKING` (required), `MEMBERS` (comma-separated addresses, required),
///      `QUORUM` (defaults to `QuorumLib.minQuorum`: every member under 3, else max(3, a majority);
///      off a devnet it must leave one member spare), `OWNER` (governance; defaults to the
///      broadcaster), `DEPLOYMENTS_DIR` (defaults to ../deployments). When the broadcaster administers
///      the staking contract's roles (devnet), the committee also gets SETTLER_ROLE; otherwise
///      governance grants it with a proposal.
contract DeployOracle is Script {
    bytes32 internal constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    /// @notice Thrown off a devnet (chain 31337, or TEST_TOKEN=true as for Deploy.s.sol) when the
    ///      quorum needs every member: one member down would stop every settlement.
    error DeployCommitteeWithoutSpare(uint256 members, uint256 quorum);

    function run() external returns (OracleCommittee committee) {
        IAnkrStaking staking = IAnkrStaking(vm.envAddress("STAKING"));
        address[] memory members = vm.envAddress("MEMBERS", ",");
        uint256 quorum = vm.envOr("QUORUM", QuorumLib.minQuorum(members.length));
        bool devnet = block.chainid == 31_337 || vm.envOr("TEST_TOKEN", false);
        if (quorum >= members.length && !devnet) revert DeployCommitteeWithoutSpare(members.length, quorum);
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
