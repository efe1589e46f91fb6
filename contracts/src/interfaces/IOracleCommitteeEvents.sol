// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IOracleCommitteeEvents
/// @notice Every event of the oracle committee, in one place.
interface IOracleCommitteeEvents {
    /// @notice Emitted when governance adds a member; `slot` is its place in report bitmaps.
    event MemberAdded(address indexed member, uint256 slot);
    /// @notice Emitted when governance removes a member; its reports for unsettled epochs stop counting.
    event MemberRemoved(address indexed member, uint256 slot);
    /// @notice Emitted when the number of reports that settles an epoch changes: governance sets it,
    ///         or a membership change moves it to the nearest value the quorum rule allows.
    event QuorumSet(uint256 quorum);
    /// @notice Emitted when a member's report is recorded; `validReports` counts the reports for the
    ///         same epoch and list from current members, this one included.
    event ReportSubmitted(
        uint256 indexed epoch, bytes32 indexed listHash, address indexed member, uint256 validReports
    );
    /// @notice Emitted when a report arrives for an epoch that is already settled; nothing is stored.
    event ReportIgnored(uint256 indexed epoch, address indexed member);
    /// @notice Emitted when the committee settles `epoch` on the staking contract with the median of
    ///         `reports` reports per provider.
    event CommitteeSettled(uint256 indexed epoch, bytes32 indexed listHash, uint256 reports);
}
