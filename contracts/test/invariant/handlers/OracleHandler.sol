// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {AnkrStaking} from "../../../src/AnkrStaking.sol";
import {ScorePacking} from "../../../src/libraries/ScorePacking.sol";
import {OracleCommittee} from "../../../src/oracle/OracleCommittee.sol";

/// @notice Drives the committee with honest members, one that always reports extremes, time, and
///         governance: any quorum the rule allows, honest members added and removed mid-round, and
///         settlements from the reports in. Honest scores for epoch `e` lie in a band known to the
///         handler; after each settlement the handler records whether any median left it. Actions
///         that would revert for the current state return early (the run fails on any revert).
contract OracleHandler is Test {
    AnkrStaking public immutable staking;
    OracleCommittee public immutable committee;
    address[] internal _honest;
    address public immutable malicious;
    address[] internal _providers;

    /// @notice How many times each epoch settled.
    mapping(uint256 epoch => uint256) public ghost_settlements;
    /// @notice Settlements observed in total.
    uint256 public ghost_totalSettlements;
    /// @notice Medians seen outside the honest band.
    uint256 public ghost_outOfBand;
    /// @notice Late reports that were accepted without reverting.
    uint256 public ghost_lateReports;
    /// @notice Honest members added so far (their addresses count up from here).
    uint256 internal _added;

    uint256 internal constant MAX_HONEST = 7;

    constructor(
        AnkrStaking staking_,
        OracleCommittee committee_,
        address[] memory honest,
        address malicious_,
        address[] memory providers
    ) {
        staking = staking_;
        committee = committee_;
        _honest = honest;
        malicious = malicious_;
        _providers = providers;
    }

    /// @notice The honest band for `epoch`: [lo, lo + 2000] with lo in 0..8000.
    function band(uint256 epoch) public pure returns (uint16 lo, uint16 hi) {
        lo = uint16((epoch * 997) % 8001);
        hi = lo + 2000;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 3 days));
    }

    function honestReport(uint256 memberSeed, uint256 scoreSeed) external {
        address member = _honest[memberSeed % _honest.length];
        (uint256 epoch, bool open) = _openEpoch(member);
        if (!open) return;
        (uint16 lo, uint16 hi) = band(epoch);
        uint16[] memory scores = new uint16[](_providers.length);
        for (uint256 i; i < scores.length; ++i) {
            scores[i] = uint16(bound(uint256(keccak256(abi.encode(scoreSeed, i))), lo, hi));
        }
        _submit(member, epoch, ScorePacking.pack(scores));
    }

    function maliciousReport(bool high) external {
        (uint256 epoch, bool open) = _openEpoch(malicious);
        if (!open) return;
        uint16[] memory scores = new uint16[](_providers.length);
        for (uint256 i; i < scores.length; ++i) {
            scores[i] = high ? 10_000 : 0;
        }
        _submit(malicious, epoch, ScorePacking.pack(scores));
    }

    function lateReport(uint256 memberSeed) external {
        (,,, uint256 next) = staking.epochClock();
        if (next == 0) return;
        address member = memberSeed % 4 == 3 ? malicious : _honest[memberSeed % _honest.length];
        vm.prank(member);
        bool settled = committee.submitReport(next - 1, _providers, ScorePacking.pack(new uint16[](1)));
        assertFalse(settled);
        ++ghost_lateReports;
    }

    /// @notice Governance sets any quorum the rule allows; reports already in keep counting.
    function changeQuorum(uint256 seed) external {
        uint256 n = committee.members().length;
        uint256 min = committee.minQuorum(n);
        vm.prank(committee.owner());
        committee.setQuorum(min + seed % (n - min + 1));
    }

    /// @notice Governance adds an honest member (the quorum rises with the rule when it must).
    function addHonest() external {
        if (_honest.length == MAX_HONEST) return;
        address member = address(uint160(0xF000 + ++_added));
        vm.prank(committee.owner());
        committee.addMember(member);
        _honest.push(member);
    }

    /// @notice Governance removes an honest member, keeping two: its reports stop counting, and the
    ///         quorum drops to the remaining members when it must.
    function removeHonest(uint256 seed) external {
        if (_honest.length <= 2) return;
        uint256 i = seed % _honest.length;
        address member = _honest[i];
        _honest[i] = _honest[_honest.length - 1];
        _honest.pop();
        vm.prank(committee.owner());
        committee.removeMember(member);
    }

    /// @notice Anyone settles from the reports in once they reach the quorum (after it was lowered).
    function settleFromReports() external {
        (,, uint256 current, uint256 epoch) = staking.epochClock();
        if (epoch >= current) return;
        (uint256 valid,) = committee.reportCount(epoch, keccak256(abi.encodePacked(_providers)), address(0));
        if (valid < committee.quorum()) return;
        committee.settle(epoch, _providers);
        _recordSettlement(epoch);
    }

    /// @dev The next epoch to settle, and whether it ended and `member` has not reported for it.
    function _openEpoch(address member) internal view returns (uint256 epoch, bool open) {
        uint256 current;
        (,, current, epoch) = staking.epochClock();
        if (epoch >= current) return (epoch, false);
        (, bool reported) = committee.reportCount(epoch, keccak256(abi.encodePacked(_providers)), member);
        open = !reported;
    }

    function _submit(address member, uint256 epoch, bytes memory packed) internal {
        vm.prank(member);
        bool settled = committee.submitReport(epoch, _providers, packed);
        (,,, uint256 next) = staking.epochClock();
        if (next != epoch + 1) {
            assertFalse(settled);
            return;
        }
        assertTrue(settled);
        _recordSettlement(epoch);
    }

    function _recordSettlement(uint256 epoch) internal {
        ++ghost_settlements[epoch];
        ++ghost_totalSettlements;
        (uint16 lo, uint16 hi) = band(epoch);
        for (uint256 i; i < _providers.length; ++i) {
            uint256 score = staking.getProvider(_providers[i]).lastScoreBps;
            if (score < lo || score > hi) ++ghost_outOfBand;
        }
    }
}
