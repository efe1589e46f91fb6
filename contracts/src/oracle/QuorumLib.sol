// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title QuorumLib
/// @notice The committee's quorum rule: how few reports may settle an epoch for a given number of
///         members. Deploy scripts and the committee read it from here.
/// @dev The committee settles on the median of the reports it counts, and a median outvotes `f`
///      arbitrary reports only among at least `2f + 1`: two reports outvote no one (with a mean of
///      the two middles, one liar alone pulls an honest 90% to 45%). So:
///      - from 3 members on, at least 3 reports, so one lying member is always outvoted;
///      - and at least a majority (`members / 2 + 1`), so a minority can never settle on its own: in a
///        committee of 32, three colluding members would otherwise be a quorum by themselves;
///      - under 3 members no quorum outvotes a liar, so every member must report (a bootstrap or
///        test committee; it tolerates no liar and no member down).
///      Members minus the quorum is how many may be down: 4 members at quorum 3 survive one liar and
///      one member down, 5 at quorum 3 one liar and two down.
library QuorumLib {
    /// @notice The fewest reports that outvote one lying member.
    uint256 internal constant MIN_BYZANTINE_QUORUM = 3;

    /// @notice The lowest quorum allowed for `memberCount` members: every member under 3, else the
    ///         larger of 3 and a majority.
    function minQuorum(uint256 memberCount) internal pure returns (uint256) {
        if (memberCount < MIN_BYZANTINE_QUORUM) return memberCount;
        uint256 majority = memberCount / 2 + 1;
        return majority > MIN_BYZANTINE_QUORUM ? majority : MIN_BYZANTINE_QUORUM;
    }

    /// @notice Whether `quorum` is allowed for `memberCount` members: `minQuorum(memberCount)` up to
    ///         `memberCount`, and never 0 (a committee without members cannot settle).
    function isValid(uint256 quorum, uint256 memberCount) internal pure returns (bool) {
        return quorum != 0 && quorum >= minQuorum(memberCount) && quorum <= memberCount;
    }
}
