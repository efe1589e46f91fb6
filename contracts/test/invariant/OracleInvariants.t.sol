// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StdInvariant} from "forge-std/StdInvariant.sol";

import {OracleCommittee} from "../../src/oracle/OracleCommittee.sol";
import {StakingFixture} from "../utils/StakingFixture.sol";
import {OracleHandler} from "./handlers/OracleHandler.sol";

/// @notice The committee over the real staking contract, starting with four members (one malicious)
///         and quorum three, while governance changes the quorum and adds and removes honest members:
///         every epoch settles at most once, in order, no median leaves the honest band, and the
///         quorum always obeys the rule.
contract OracleInvariantsTest is StakingFixture {
    OracleHandler internal handler;
    OracleCommittee internal committee;

    function setUp() public override {
        super.setUp();
        address[] memory providers = new address[](3);
        for (uint256 i; i < 3; ++i) {
            providers[i] = address(uint160(0x1000 + i)); // strictly increasing
            give(providers[i], 100_000 ether);
            vm.prank(providers[i]);
            staking.registerProvider(100_000 ether, 500, "data:application/json,{}");
            vm.prank(governance);
            staking.admitProvider(providers[i]);
        }
        address[] memory members = new address[](4);
        address[] memory honest = new address[](3);
        for (uint256 i; i < 4; ++i) {
            members[i] = makeAddr(string.concat("member", vm.toString(i)));
            if (i < 3) honest[i] = members[i];
        }
        committee = new OracleCommittee(staking, governance, members, 3);
        vm.startPrank(governance);
        staking.grantRole(keccak256("SETTLER_ROLE"), address(committee));
        staking.revokeRole(keccak256("SETTLER_ROLE"), governance);
        vm.stopPrank();
        handler = new OracleHandler(staking, committee, honest, members[3], providers);
        targetContract(address(handler));
    }

    /// @dev Each epoch settles at most once, and the committee's settlements are all the staking
    ///      contract has seen.
    function invariant_eachEpochSettlesOnce() public view {
        (,,, uint256 next) = staking.epochClock();
        assertEq(handler.ghost_totalSettlements(), next);
        for (uint256 e; e < next; ++e) {
            assertEq(handler.ghost_settlements(e), 1);
        }
    }

    /// @dev The malicious member never moves a median outside the honest band.
    function invariant_mediansStayInHonestBand() public view {
        assertEq(handler.ghost_outOfBand(), 0);
    }

    /// @dev At least 3 reports (the committee keeps 3 or more members) and a majority, at most all.
    function invariant_quorumObeysRule() public view {
        uint256 n = committee.members().length;
        uint256 q = committee.quorum();
        assertGe(n, 3);
        assertGe(q, 3);
        assertGe(q, n / 2 + 1);
        assertLe(q, n);
    }

    /// @dev Nothing settles an epoch that has not ended.
    function invariant_settledEpochsHaveEnded() public view {
        (,, uint256 current, uint256 next) = staking.epochClock();
        assertLe(next, current);
    }
}
