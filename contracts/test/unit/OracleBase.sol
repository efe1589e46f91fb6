// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ScorePacking} from "../../src/libraries/ScorePacking.sol";
import {OracleCommittee} from "../../src/oracle/OracleCommittee.sol";
import {UnitBase} from "./UnitBase.sol";

/// @notice The real staking contract with three Active providers and a committee of four members
///         (quorum three: one liar and one member down tolerated) that holds SETTLER_ROLE; `m5` is
///         not a member.
abstract contract OracleBase is UnitBase {
    OracleCommittee internal committee;
    address internal m1 = makeAddr("m1");
    address internal m2 = makeAddr("m2");
    address internal m3 = makeAddr("m3");
    address internal m4 = makeAddr("m4");
    address internal m5 = makeAddr("m5");
    /// @dev The sorted scored set, cached so helpers make no call between an `expectRevert` and
    ///      the call it is meant for; `refreshList` after the set changes.
    address[] internal list;

    function setUp() public virtual override {
        super.setUp();
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        addProvider(p3, SELF, 0);
        committee = new OracleCommittee(staking, governance, _members4(), 3);
        vm.startPrank(governance);
        staking.grantRole(SETTLER_ROLE, address(committee));
        vm.stopPrank();
        refreshList();
    }

    function refreshList() internal {
        list = sortedScored();
    }

    function _members4() internal view returns (address[] memory ms) {
        ms = new address[](4);
        (ms[0], ms[1], ms[2], ms[3]) = (m1, m2, m3, m4);
    }

    /// @dev Packs one score per provider of `sortedScored()` order.
    function pack3(uint16 a, uint16 b, uint16 c) internal pure returns (bytes memory) {
        uint16[] memory s = new uint16[](3);
        (s[0], s[1], s[2]) = (a, b, c);
        return ScorePacking.pack(s);
    }

    function packSame(uint256 n, uint16 score) internal pure returns (bytes memory) {
        uint16[] memory s = new uint16[](n);
        for (uint256 i; i < n; ++i) {
            s[i] = score;
        }
        return ScorePacking.pack(s);
    }

    function report(address member, uint256 epoch, bytes memory scores) internal returns (bool) {
        vm.prank(member);
        return committee.submitReport(epoch, list, scores);
    }

    function warpPast(uint256 epoch) internal {
        if (block.timestamp < epochEnd(epoch)) vm.warp(epochEnd(epoch));
    }

    function lastScore(address provider) internal view returns (uint256) {
        return staking.getProvider(provider).lastScoreBps;
    }
}
