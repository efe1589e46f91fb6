// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAnkrStaking} from "./IAnkrStaking.sol";
import {IOracleCommitteeErrors} from "./IOracleCommitteeErrors.sol";
import {IOracleCommitteeEvents} from "./IOracleCommitteeEvents.sol";

/// @title IOracleCommittee
/// @notice The oracle committee settles each ended epoch on the staking contract (it holds the
///         staking contract's SETTLER_ROLE). Each member reports one score per scored provider;
///         once `quorum` reports from current members agree on the same epoch and provider list,
///         the epoch settles exactly once with the median score per provider.
///
///         Quorum rule (`minQuorum`): a median outvotes `f` arbitrary reports only among `2f + 1`,
///         so from 3 members on the quorum is at least 3 and at least a majority
///         (`max(3, members / 2 + 1)`): a settlement always counts at least two honest reports
///         around one lying member, and every settled score lies within the range of the honest
///         reports counted. Under 3 members every member must report (such a committee tolerates
///         no liar; bootstrap and tests only). The quorum is always between `minQuorum(members)`
///         and `members`: `setQuorum` refuses anything else, and membership changes move it to
///         the nearest allowed value (event `QuorumSet`). Members minus quorum is how many may be
///         down: 4 members at quorum 3 tolerate one liar and one member down.
/// @dev The provider list is the staking contract's `scoredProviders()` in strictly increasing
///      address order, as the member reads it after the epoch ended. Reports are keyed by
///      `(epoch, keccak256(abi.encodePacked(providers)))`, so members that saw different sets
///      never mix their scores; only the list the staking contract accepts can settle.
interface IOracleCommittee is IOracleCommitteeErrors, IOracleCommitteeEvents {
    /*//////////////////////////////////////////////////////////////
                                 REPORTS
    //////////////////////////////////////////////////////////////*/

    /// @notice Records the caller's scores for ended epoch `epoch` and, when they complete the
    ///         quorum, settles the epoch with the median score per provider. A report for an epoch
    ///         that is already settled is ignored (event `ReportIgnored`), never reverted, so
    ///         members racing for the same epoch do not fail. Costs O(providers).
    /// @dev If the staking contract rejects the settlement (its scored set changed since the list
    ///      was read), the whole call reverts with the staking contract's error and nothing is
    ///      recorded: members then report again for the current list.
    /// @param epoch The next epoch to settle; it must have ended.
    /// @param providers The scored providers, strictly increasing.
    /// @param packedScores One big-endian uint16 per provider, 0..10,000 basis points.
    /// @return settled Whether this call settled the epoch.
    function submitReport(uint256 epoch, address[] calldata providers, bytes calldata packedScores)
        external
        returns (bool settled);

    /// @notice Settles `epoch` for `providers` from the reports already in, when current members'
    ///         reports reach the quorum (after governance lowered the quorum or removed a member,
    ///         for instance). Anyone may call it. Every counted report takes part in the median,
    ///         also when there are more than the quorum.
    function settle(uint256 epoch, address[] calldata providers) external;

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    /// @notice Adds a member in the lowest free slot. Owner (the timelock) only. When the quorum
    ///         falls below `minQuorum` of the new count, it rises to it (event `QuorumSet`): one more
    ///         member never lowers the share of reports that settles. Reports already in still count.
    function addMember(address member) external;

    /// @notice Removes a member: its reports for unsettled epochs stop counting. Owner only. When the
    ///         quorum exceeds the remaining members, it drops to their number (event `QuorumSet`),
    ///         which is always allowed; rounds that then reach it settle through `settle`. Reverts
    ///         with `OracleInvalidQuorum(quorum, 0)` for the last member.
    function removeMember(address member) external;

    /// @notice Sets how many reports from current members settle an epoch, `minQuorum(members)` up
    ///         to `members`; reverts with `OracleInvalidQuorum` otherwise. Owner only. Reports already
    ///         in keep counting: after a lower quorum, a round that reaches it settles through
    ///         `settle`; after a higher one, it waits for more reports.
    function setQuorum(uint256 quorum) external;

    /*//////////////////////////////////////////////////////////////
                                  VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @notice Most members at once (the width of the report bitmaps).
    function MAX_MEMBERS() external view returns (uint256);

    /// @notice The staking contract this committee settles.
    function staking() external view returns (IAnkrStaking);

    /// @notice Reports from current members needed to settle an epoch.
    function quorum() external view returns (uint256);

    /// @notice The lowest quorum allowed for `memberCount` members: `memberCount` under 3, else
    ///         `max(3, memberCount / 2 + 1)` (see the quorum rule above).
    function minQuorum(uint256 memberCount) external pure returns (uint256);

    /// @notice The current members, in slot order.
    function members() external view returns (address[] memory);

    /// @notice Whether `account` is a current member.
    function isMember(address account) external view returns (bool);

    /// @notice The key under which reports for `providers` are tallied.
    function listHash(address[] calldata providers) external pure returns (bytes32);

    /// @notice Reports in for `epoch` and `listHash_` from current members, and whether `member`
    ///         (current or not) has a counted report among them.
    function reportCount(uint256 epoch, bytes32 listHash_, address member)
        external
        view
        returns (uint256 validReports, bool memberReported);

    /// @notice The scores `member` reported for `epoch` and `listHash_` (empty when none, or when the
    ///         member was removed since).
    function reportOf(uint256 epoch, bytes32 listHash_, address member) external view returns (bytes memory);
}
