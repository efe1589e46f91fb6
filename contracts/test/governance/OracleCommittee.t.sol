// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Deploy} from "../../script/Deploy.s.sol";
import {ProposalBuilder} from "../../src/governance/ProposalBuilder.sol";
import {OracleCommittee} from "../../src/oracle/OracleCommittee.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice The deploy script's oracle committee (config `oracleMembers`): owned by the main
///         timelock, the only settler, and its membership changed by a proposal.
contract GovernedOracleCommitteeTest is GovernanceFixture {
    address internal m5 = makeAddr("m5");

    /// @dev The recommended shape: four members, quorum three (one liar and one member down).
    function configure(Deploy.Config memory c) internal pure override {
        c.oracleMembers = new address[](4);
        c.oracleMembers[0] = address(0x1001);
        c.oracleMembers[1] = address(0x1002);
        c.oracleMembers[2] = address(0x1003);
        c.oracleMembers[3] = address(0x1004);
        c.oracleQuorum = 3;
    }

    function test_deploy_committeeIsTheSettlerOwnedByTheTimelock() public view {
        OracleCommittee committee = OracleCommittee(d.oracleCommittee);
        assertTrue(address(committee) != address(0));
        assertEq(committee.owner(), address(timelock));
        assertTrue(staking.hasRole(staking.SETTLER_ROLE(), address(committee)));
        assertFalse(staking.hasRole(staking.SETTLER_ROLE(), settler), "the configured settler is replaced");
        assertEq(committee.quorum(), 3);
        assertEq(committee.members().length, 4);
    }

    function test_proposal_changesCommitteeMembership() public {
        OracleCommittee committee = OracleCommittee(d.oracleCommittee);
        address[] memory add = new address[](1);
        add[0] = m5;
        address[] memory remove = new address[](1);
        remove[0] = address(0x1003);
        pass(ProposalBuilder.setOracleCommittee(committee, add, remove, 4), "Rotate an oracle member");
        assertTrue(committee.isMember(m5));
        assertFalse(committee.isMember(address(0x1003)));
        assertEq(committee.quorum(), 4);
    }

    /// @dev Only the main timelock (the owner) changes the deployed committee.
    function test_committeeSetters_revertForNonTimelockCallers() public {
        OracleCommittee committee = OracleCommittee(d.oracleCommittee);
        address[4] memory callers = [stranger, d.deployer, address(governor), address(upgradeTimelock)];
        for (uint256 i; i < callers.length; ++i) {
            address c = callers[i];
            bytes memory err = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, c);
            vm.prank(c);
            vm.expectRevert(err);
            committee.addMember(m5);
            vm.prank(c);
            vm.expectRevert(err);
            committee.removeMember(address(0x1001));
            vm.prank(c);
            vm.expectRevert(err);
            committee.setQuorum(4);
        }
        assertFalse(committee.isMember(m5));
        assertTrue(committee.isMember(address(0x1001)));
        assertEq(committee.quorum(), 3);
    }
}
