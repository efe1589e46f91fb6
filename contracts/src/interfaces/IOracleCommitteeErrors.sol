// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IOracleCommitteeErrors
/// @notice Every custom error of the oracle committee, in one place.
interface IOracleCommitteeErrors {
    /// @notice Thrown when the zero address is given as the staking contract or a member.
    error OracleZeroAddress();
    /// @notice Thrown when the caller of `submitReport` is not a current member.
    error OracleNotMember(address account);
    /// @notice Thrown when governance adds an address that is already a member.
    error OracleAlreadyMember(address account);
    /// @notice Thrown when governance adds a member beyond `MAX_MEMBERS`.
    error OracleTooManyMembers(uint256 maxMembers);
    /// @notice Thrown when a quorum is outside `minQuorum(members)..members` (0 included): below 3 from
    ///         3 members on, below a majority, or not every member under 3 members. Also when
    ///         governance removes the last member (`members` = 0).
    error OracleInvalidQuorum(uint256 quorum, uint256 members);
    /// @notice Thrown when a report names an epoch that has not ended yet.
    error OracleEpochNotEnded(uint256 epoch, uint256 currentEpoch);
    /// @notice Thrown when a report names an ended epoch after the next one to settle (epochs settle
    ///         in order).
    error OracleEpochNotNext(uint256 epoch, uint256 nextEpoch);
    /// @notice Thrown when a member reports twice for the same epoch and provider list.
    error OracleAlreadyReported(uint256 epoch, bytes32 listHash, address member);
    /// @notice Thrown when a report's provider list is empty, not strictly increasing, or its packed
    ///         scores are not exactly two bytes per provider.
    error OracleInvalidReport();
    /// @notice Thrown when a packed score exceeds 10,000 basis points.
    error OracleScoreTooHigh(uint256 index, uint256 scoreBps);
    /// @notice Thrown when `settle` finds fewer valid reports than the quorum.
    error OracleQuorumNotReached(uint256 validReports, uint256 quorum);
}
