// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IOracleCommitteeErrors} from "../../src/interfaces/IOracleCommitteeErrors.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {ScorePacking} from "../../src/libraries/ScorePacking.sol";
import {OracleCommittee} from "../../src/oracle/OracleCommittee.sol";
import {OracleBase} from "../unit/OracleBase.sol";

/// @notice The committee's safety property over every configuration it accepts: with any one member
///         lying arbitrarily (first in, or anywhere among the reports that settle), every settled
///         score lies within the range of the honest members' reports. Also: no sequence of
///         governance calls leaves the quorum outside the rule.
contract OracleQuorumFuzzTest is OracleBase {
    uint256 internal constant PROVIDERS = 3;

    /// @dev The rule, written out here rather than read from the contract: every member under 3,
    ///      else max(3, a majority).
    function _ruleMin(uint256 n) internal pure returns (uint256) {
        if (n < 3) return n;
        return n / 2 + 1 > 3 ? n / 2 + 1 : 3;
    }

    function _membersOf(uint256 n) internal pure returns (address[] memory ms) {
        ms = new address[](n);
        for (uint256 i; i < n; ++i) {
            ms[i] = address(uint160(0xAA00 + i));
        }
    }

    /// @dev A committee of `n` members and quorum `q` with SETTLER_ROLE, or none when the
    ///      constructor refuses the quorum (which it may only do below the rule).
    function _committee(uint256 n, uint256 q) internal returns (OracleCommittee c) {
        try new OracleCommittee(staking, governance, _membersOf(n), q) returns (OracleCommittee deployed) {
            c = deployed;
        } catch (bytes memory reason) {
            assertEq(
                reason, abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, q, n)
            );
            assertLt(q, _ruleMin(n), "refused an allowed quorum");
            return OracleCommittee(address(0));
        }
        vm.prank(governance);
        staking.grantRole(SETTLER_ROLE, address(c));
    }

    /// @dev The liar's scores: all 0, all 10,000, alternating extremes, or arbitrary.
    function _lie(uint256 mode, uint256 seed) internal pure returns (uint16[] memory s) {
        s = new uint16[](PROVIDERS);
        for (uint256 i; i < PROVIDERS; ++i) {
            if (mode == 0) s[i] = 0;
            else if (mode == 1) s[i] = 10_000;
            else if (mode == 2) s[i] = i % 2 == 0 ? 0 : 10_000;
            else s[i] = uint16(uint256(keccak256(abi.encode(seed, "lie", i))) % 10_001);
        }
    }

    /// @dev Members report in slot order until the epoch settles; the liar sits at `liarAt`, so it
    ///      is among the reports that settle (first in when `liarAt` is 0).
    function test_fuzz_oneLiar_settledScoresStayInHonestRange(
        uint256 n,
        uint256 q,
        uint256 liarAt,
        uint256 mode,
        uint256 seed
    ) public {
        n = bound(n, 1, 12);
        q = bound(q, 1, n);
        OracleCommittee c = _committee(n, q);
        if (address(c) == address(0)) return;
        // Under 3 members every member must report and no liar is tolerated (documented).
        vm.assume(n >= 3);
        liarAt = bound(liarAt, 0, q - 1);
        uint16[] memory lie = _lie(bound(mode, 0, 3), seed);
        address[] memory ms = _membersOf(n);
        uint16[PROVIDERS] memory lo = [type(uint16).max, type(uint16).max, type(uint16).max];
        uint16[PROVIDERS] memory hi;
        warpPast(0);
        bool settled;
        for (uint256 m; m < n && !settled; ++m) {
            uint16[] memory scores = lie;
            if (m != liarAt) {
                scores = new uint16[](PROVIDERS);
                for (uint256 i; i < PROVIDERS; ++i) {
                    scores[i] = uint16(uint256(keccak256(abi.encode(seed, m, i))) % 10_001);
                    if (scores[i] < lo[i]) lo[i] = scores[i];
                    if (scores[i] > hi[i]) hi[i] = scores[i];
                }
            }
            vm.prank(ms[m]);
            settled = c.submitReport(0, list, ScorePacking.pack(scores));
        }
        assertTrue(settled);
        for (uint256 i; i < PROVIDERS; ++i) {
            uint256 score = lastScore(list[i]);
            assertGe(score, lo[i], "below every honest report");
            assertLe(score, hi[i], "above every honest report");
        }
    }

    /// @dev The finding: one member reporting 0 for its rivals first, every epoch, against honest
    ///      90% scores. Among 3 members, whatever quorum the committee accepts, no honest score
    ///      falls under the 50% jail threshold and no provider is jailed after 3 epochs.
    function test_oneLiarFirst_cannotJailHonestProviders() public {
        address[] memory ms = _membersOf(3);
        uint16[] memory lie = new uint16[](PROVIDERS);
        lie[2] = 10_000; // its favourite
        for (uint256 q = 1; q <= 3; ++q) {
            uint256 snapshot = vm.snapshotState();
            OracleCommittee c = _committee(3, q);
            if (address(c) == address(0)) continue;
            for (uint256 e; e < 3; ++e) {
                warpPast(e);
                bool settled;
                for (uint256 m; m < 3 && !settled; ++m) {
                    vm.prank(ms[m]);
                    settled = c.submitReport(e, list, m == 0 ? ScorePacking.pack(lie) : packSame(3, 9000));
                }
                assertTrue(settled);
            }
            for (uint256 i; i < PROVIDERS; ++i) {
                assertEq(lastScore(list[i]), 9000);
                assertTrue(statusOf(list[i]) == ProviderStatus.Active, "an honest provider was jailed");
            }
            vm.revertToState(snapshot);
        }
    }

    /// @dev Any sequence of additions, removals and quorum changes: `setQuorum` succeeds exactly for
    ///      allowed values, and after every call the quorum is within [rule minimum, members].
    function test_fuzz_governance_keepsQuorumWithinRule(uint256[16] memory ops) public {
        uint256 fresh = 0xBB00;
        vm.startPrank(governance);
        for (uint256 k; k < ops.length; ++k) {
            address[] memory ms = committee.members();
            uint256 n = ms.length;
            uint256 op = ops[k] % 3;
            if (op == 0 && n < committee.MAX_MEMBERS()) {
                committee.addMember(address(uint160(fresh++)));
            } else if (op == 1 && n > 1) {
                committee.removeMember(ms[(ops[k] >> 8) % n]);
            } else {
                uint256 q = (ops[k] >> 8) % (n + 2);
                bool allowed = q != 0 && q >= _ruleMin(n) && q <= n;
                if (!allowed) {
                    vm.expectRevert(
                        abi.encodeWithSelector(IOracleCommitteeErrors.OracleInvalidQuorum.selector, q, n)
                    );
                }
                committee.setQuorum(q);
                if (allowed) assertEq(committee.quorum(), q);
            }
            uint256 count = committee.members().length;
            assertGe(committee.quorum(), _ruleMin(count), "quorum below the rule");
            assertLe(committee.quorum(), count, "quorum above the members");
            assertEq(committee.minQuorum(count), _ruleMin(count));
        }
        vm.stopPrank();
    }
}
