// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Test} from "forge-std/Test.sol";

import {AnkrStaking} from "../../../src/AnkrStaking.sol";
import {AnkrGovernor} from "../../../src/governance/AnkrGovernor.sol";
import {TestANKR} from "../../../src/token/TestANKR.sol";

/// @notice Drives delegators and providers through stake changes, proposals, votes, overrides and
///         time, and records the live figures at the moment each snapshot passes (ghosts), so the
///         invariants can compare them with what the checkpoints return later.
contract GovernanceHandler is Test {
    AnkrStaking internal staking;
    AnkrGovernor internal governor;
    TestANKR internal token;
    address internal funder;
    address[3] internal providers;
    address[4] internal actors;

    uint256[] public proposals;
    uint256[] public snapshots;
    mapping(uint256 time => bool) public recorded;
    mapping(uint256 time => uint256) public ghostTotal;
    mapping(uint256 time => mapping(address provider => uint256)) public ghostPool;
    mapping(uint256 time => mapping(address provider => mapping(address actor => uint256))) public ghostStake;
    uint256 internal nonce;

    constructor(
        AnkrStaking staking_,
        AnkrGovernor governor_,
        TestANKR token_,
        address funder_,
        address[3] memory providers_
    ) {
        staking = staking_;
        governor = governor_;
        token = token_;
        funder = funder_;
        providers = providers_;
        for (uint256 i; i < 4; ++i) {
            actors[i] = makeAddr(string.concat("actor", vm.toString(i)));
        }
    }

    function providerAt(uint256 i) external view returns (address) {
        return providers[i];
    }

    function actorAt(uint256 i) external view returns (address) {
        return actors[i];
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }

    function snapshotCount() external view returns (uint256) {
        return snapshots.length;
    }

    /*//////////////////////////////////////////////////////////////
                                  STAKE
    //////////////////////////////////////////////////////////////*/

    function delegate(uint256 actorSeed, uint256 providerSeed, uint256 amount) external {
        address a = actors[actorSeed % 4];
        address p = providers[providerSeed % 3];
        _stake(a, p, bound(amount, 1000 ether, 200_000 ether));
    }

    /// @dev Funds `account` with `amount` and stakes it at `provider`.
    function _stake(address account, address provider, uint256 amount) internal {
        vm.prank(funder);
        token.transfer(account, amount);
        vm.startPrank(account);
        token.approve(address(staking), amount);
        staking.delegate(provider, amount);
        vm.stopPrank();
    }

    function undelegate(uint256 actorSeed, uint256 providerSeed) external {
        address a = actors[actorSeed % 4];
        address p = providers[providerSeed % 3];
        (uint256 stake,) = staking.getDelegation(p, a);
        if (stake == 0) return;
        vm.prank(a);
        staking.undelegate(p, stake);
    }

    function redelegate(uint256 actorSeed, uint256 fromSeed, uint256 toSeed) external {
        address a = actors[actorSeed % 4];
        address from = providers[fromSeed % 3];
        address to = providers[toSeed % 3];
        (uint256 stake,) = staking.getDelegation(from, a);
        if (stake == 0 || from == to) return;
        vm.prank(a);
        staking.redelegate(from, to, stake);
    }

    /// @dev A provider adds to or (down to the minimum) takes from its own bond.
    function selfStake(uint256 providerSeed, uint256 amount, bool add) external {
        address p = providers[providerSeed % 3];
        if (add) {
            _stake(p, p, bound(amount, 1 ether, 100_000 ether));
        } else {
            (uint256 stake,) = staking.getDelegation(p, p);
            uint256 minimum = staking.parameters().minSelfStake;
            // Delegated stake must stay within 16x the bond: keep a wide margin.
            uint256 floor = minimum > staking.getProvider(p).totalStake / 8
                ? minimum
                : staking.getProvider(p).totalStake / 8;
            if (stake <= floor) return;
            vm.prank(p);
            staking.undelegate(p, bound(amount, 1, stake - floor));
        }
    }

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    function propose(uint256 providerSeed) external {
        if (proposals.length >= 40) return;
        address p = providers[providerSeed % 3];
        address[] memory targets = new address[](1);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        targets[0] = address(staking);
        calldatas[0] = abi.encodeCall(AnkrStaking.setGlobalCap, (0));
        vm.prank(p);
        uint256 id = governor.propose(targets, values, calldatas, vm.toString(nonce++));
        proposals.push(id);
        uint256 s = governor.proposalSnapshot(id);
        if (snapshots.length == 0 || snapshots[snapshots.length - 1] != s) snapshots.push(s);
    }

    function _active(uint256 idSeed) internal view returns (uint256 id, bool ok) {
        if (proposals.length == 0) return (0, false);
        id = proposals[idSeed % proposals.length];
        ok = governor.state(id) == IGovernor.ProposalState.Active;
    }

    function castVote(uint256 idSeed, uint256 providerSeed, uint8 support) external {
        (uint256 id, bool ok) = _active(idSeed);
        address p = providers[providerSeed % 3];
        if (!ok || governor.hasVoted(id, p)) return;
        vm.prank(p);
        governor.castVote(id, support % 3);
    }

    function castVoteOverride(uint256 idSeed, uint256 actorSeed, uint256 providerSeed, uint8 support)
        external
    {
        (uint256 id, bool ok) = _active(idSeed);
        address a = actors[actorSeed % 4];
        address p = providers[providerSeed % 3];
        if (!ok || governor.hasOverridden(id, a, p)) return;
        if (staking.getPastStake(p, a, governor.proposalSnapshot(id)) == 0) return;
        address[] memory one = new address[](1);
        one[0] = p;
        vm.prank(a);
        governor.castVoteOverride(id, support % 3, one);
    }

    /*//////////////////////////////////////////////////////////////
                                  TIME
    //////////////////////////////////////////////////////////////*/

    /// @dev Records the live figures for every snapshot this warp passes: nothing changes between
    ///      now and a snapshot in [now, now + dt), so the live value now is the value at it.
    function warp(uint256 dt) external {
        dt = bound(dt, 1, 2 days);
        for (uint256 i; i < snapshots.length; ++i) {
            uint256 s = snapshots[i];
            if (recorded[s] || s < block.timestamp || s >= block.timestamp + dt) continue;
            recorded[s] = true;
            (ghostTotal[s],,,) = staking.totals();
            for (uint256 j; j < 3; ++j) {
                address p = providers[j];
                ghostPool[s][p] = staking.getProvider(p).totalStake;
                for (uint256 k; k < 4; ++k) {
                    (ghostStake[s][p][actors[k]],) = staking.getDelegation(p, actors[k]);
                }
            }
        }
        vm.warp(block.timestamp + dt);
    }
}
