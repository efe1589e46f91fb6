// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {IAnkrStaking} from "../interfaces/IAnkrStaking.sol";
import {IOracleCommittee} from "../interfaces/IOracleCommittee.sol";
import {MedianLib} from "../libraries/MedianLib.sol";
import {RewardMath} from "../libraries/RewardMath.sol";
import {ScorePacking} from "../libraries/ScorePacking.sol";
import {QuorumLib} from "./QuorumLib.sol";

/// @title OracleCommittee
/// @notice Holds the staking contract's SETTLER_ROLE and settles each ended epoch once a quorum of
///         members agree on the provider list, with the median of their scores per provider.
/// @dev Full documentation lives on {IOracleCommittee}. Not upgradeable: governance replaces the
///      committee by granting SETTLER_ROLE to a new one. Members sit in numbered slots so a round's
///      reporters fit in one bitmap; each membership has a term number that is never reused, so a
///      removed member's reports stop counting even if its slot is taken again. The quorum always
///      obeys {QuorumLib}: membership changes move it to the nearest allowed value.
contract OracleCommittee is IOracleCommittee, Ownable2Step {
    using ScorePacking for bytes;

    /// @dev A membership: its slot and its term (0 = not a member).
    struct Member {
        uint8 slot;
        uint64 term;
    }

    /// @dev Who holds a slot, under which term (0 = free).
    struct Slot {
        address member;
        uint64 term;
    }

    /// @dev One member's report for a round, stamped with the term it was sent under.
    struct Report {
        uint64 term;
        bytes scores;
    }

    /// @dev Reports for one epoch and one provider list.
    struct Round {
        uint256 reporters;
        mapping(uint256 slot => Report) reports;
    }

    /// @inheritdoc IOracleCommittee
    uint256 public constant MAX_MEMBERS = 32;

    /// @inheritdoc IOracleCommittee
    IAnkrStaking public immutable staking;

    /// @inheritdoc IOracleCommittee
    uint256 public quorum;

    uint256 private _memberCount;
    uint64 private _lastTerm;
    mapping(address account => Member) private _members;
    Slot[MAX_MEMBERS] private _slots;
    mapping(uint256 epoch => mapping(bytes32 listHash => Round)) private _rounds;

    /// @param staking_ The staking contract; grant this committee its SETTLER_ROLE.
    /// @param owner_ Governance (the timelock).
    /// @param initialMembers The first members.
    /// @param initialQuorum `QuorumLib.minQuorum(initialMembers.length)`..initialMembers.length.
    constructor(IAnkrStaking staking_, address owner_, address[] memory initialMembers, uint256 initialQuorum)
        Ownable(owner_)
    {
        if (address(staking_) == address(0)) revert OracleZeroAddress();
        staking = staking_;
        for (uint256 i; i < initialMembers.length; ++i) {
            _addMember(initialMembers[i]);
        }
        _setQuorum(initialQuorum);
    }

    /*//////////////////////////////////////////////////////////////
                                 REPORTS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IOracleCommittee
    function submitReport(uint256 epoch, address[] calldata providers, bytes calldata packedScores)
        external
        returns (bool settled)
    {
        Member memory member = _members[msg.sender];
        if (member.term == 0) revert OracleNotMember(msg.sender);
        (,, uint256 current, uint256 next) = staking.epochClock();
        if (epoch < next) {
            emit ReportIgnored(epoch, msg.sender);
            return false;
        }
        _requireSettleable(epoch, current, next);
        _validate(providers, packedScores);

        bytes32 key = keccak256(abi.encodePacked(providers));
        Round storage round = _rounds[epoch][key];
        _record(round, member, epoch, key, packedScores);

        (uint256 valid, uint256 validSlots) = _validReports(round);
        emit ReportSubmitted(epoch, key, msg.sender, valid);
        if (valid < quorum) return false;
        _settle(epoch, key, providers, round, valid, validSlots);
        return true;
    }

    /// @inheritdoc IOracleCommittee
    function settle(uint256 epoch, address[] calldata providers) external {
        (,, uint256 current, uint256 next) = staking.epochClock();
        _requireSettleable(epoch, current, next);
        bytes32 key = keccak256(abi.encodePacked(providers));
        Round storage round = _rounds[epoch][key];
        (uint256 valid, uint256 validSlots) = _validReports(round);
        if (valid < quorum) revert OracleQuorumNotReached(valid, quorum);
        _settle(epoch, key, providers, round, valid, validSlots);
    }

    /*//////////////////////////////////////////////////////////////
                               GOVERNANCE
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IOracleCommittee
    function addMember(address member) external onlyOwner {
        _addMember(member);
        _fitQuorum();
    }

    /// @inheritdoc IOracleCommittee
    function removeMember(address member) external onlyOwner {
        Member memory m = _members[member];
        if (m.term == 0) revert OracleNotMember(member);
        uint256 remaining = _memberCount - 1;
        // No quorum is valid for an empty committee: governance replaces the committee instead.
        if (remaining == 0) revert OracleInvalidQuorum(quorum, 0);
        delete _members[member];
        delete _slots[m.slot];
        _memberCount = remaining;
        emit MemberRemoved(member, m.slot);
        _fitQuorum();
    }

    /// @inheritdoc IOracleCommittee
    function setQuorum(uint256 quorum_) external onlyOwner {
        _setQuorum(quorum_);
    }

    /*//////////////////////////////////////////////////////////////
                                  VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IOracleCommittee
    function minQuorum(uint256 memberCount) external pure returns (uint256) {
        return QuorumLib.minQuorum(memberCount);
    }

    /// @inheritdoc IOracleCommittee
    function members() external view returns (address[] memory list) {
        list = new address[](_memberCount);
        uint256 n;
        for (uint256 s; s < MAX_MEMBERS; ++s) {
            address member = _slots[s].member;
            if (member != address(0)) list[n++] = member;
        }
    }

    /// @inheritdoc IOracleCommittee
    function isMember(address account) external view returns (bool) {
        return _members[account].term != 0;
    }

    /// @inheritdoc IOracleCommittee
    function listHash(address[] calldata providers) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(providers));
    }

    /// @inheritdoc IOracleCommittee
    function reportCount(uint256 epoch, bytes32 listHash_, address member)
        external
        view
        returns (uint256 validReports, bool memberReported)
    {
        Round storage round = _rounds[epoch][listHash_];
        uint256 validSlots;
        (validReports, validSlots) = _validReports(round);
        Member memory m = _members[member];
        memberReported = m.term != 0 && validSlots & (1 << m.slot) != 0;
    }

    /// @inheritdoc IOracleCommittee
    function reportOf(uint256 epoch, bytes32 listHash_, address member) external view returns (bytes memory) {
        Member memory m = _members[member];
        if (m.term == 0) return "";
        Report storage report = _rounds[epoch][listHash_].reports[m.slot];
        return report.term == m.term ? report.scores : bytes("");
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    function _addMember(address member) private {
        if (member == address(0)) revert OracleZeroAddress();
        if (_members[member].term != 0) revert OracleAlreadyMember(member);
        uint256 slot;
        while (slot < MAX_MEMBERS && _slots[slot].member != address(0)) {
            ++slot;
        }
        if (slot == MAX_MEMBERS) revert OracleTooManyMembers(MAX_MEMBERS);
        uint64 term = ++_lastTerm;
        _members[member] = Member({slot: uint8(slot), term: term});
        _slots[slot] = Slot({member: member, term: term});
        ++_memberCount;
        emit MemberAdded(member, slot);
    }

    function _setQuorum(uint256 quorum_) private {
        if (!QuorumLib.isValid(quorum_, _memberCount)) revert OracleInvalidQuorum(quorum_, _memberCount);
        quorum = quorum_;
        emit QuorumSet(quorum_);
    }

    /// @dev After a membership change, moves the quorum the least that makes it valid again: up to
    ///      the new minimum after an addition (one more member must not lower the share that
    ///      settles), down to the remaining count after a removal (otherwise no epoch could settle).
    ///      Both bounds are valid: the minimum never exceeds the count, and it never rises as members
    ///      leave (from 3 members to 2 it drops to 2, which the lowered quorum then equals).
    function _fitQuorum() private {
        uint256 count = _memberCount;
        uint256 current = quorum;
        uint256 fitted = current;
        uint256 min = QuorumLib.minQuorum(count);
        if (fitted < min) fitted = min;
        else if (fitted > count) fitted = count;
        if (fitted == current) return;
        quorum = fitted;
        emit QuorumSet(fitted);
    }

    /// @dev Epochs settle in order, once ended: only the staking contract's next epoch qualifies.
    function _requireSettleable(uint256 epoch, uint256 current, uint256 next) private pure {
        if (epoch >= current) revert OracleEpochNotEnded(epoch, current);
        if (epoch != next) revert OracleEpochNotNext(epoch, next);
    }

    /// @dev A non-empty, strictly increasing list with one score of at most 10,000 bps each.
    function _validate(address[] calldata providers, bytes calldata packedScores) private pure {
        uint256 n = providers.length;
        if (n == 0 || ScorePacking.count(packedScores.length) != n) revert OracleInvalidReport();
        address previous;
        for (uint256 i; i < n; ++i) {
            if (providers[i] <= previous) revert OracleInvalidReport();
            previous = providers[i];
            uint16 score = packedScores.atCalldata(i);
            if (score > RewardMath.BPS) revert OracleScoreTooHigh(i, score);
        }
    }

    /// @dev Stores the caller's report under its current term; a report left in its slot by a
    ///      removed member is overwritten, a report of its own is a duplicate.
    function _record(
        Round storage round,
        Member memory member,
        uint256 epoch,
        bytes32 key,
        bytes calldata packedScores
    ) private {
        uint256 bit = 1 << member.slot;
        Report storage report = round.reports[member.slot];
        if (round.reporters & bit != 0 && report.term == member.term) {
            revert OracleAlreadyReported(epoch, key, msg.sender);
        }
        round.reporters |= bit;
        report.term = member.term;
        report.scores = packedScores;
    }

    /// @dev Reports of the round sent by the current holder of their slot under its current term.
    function _validReports(Round storage round) private view returns (uint256 valid, uint256 validSlots) {
        uint256 reporters = round.reporters;
        for (uint256 s; reporters != 0; ++s) {
            if (reporters & 1 != 0) {
                uint64 term = _slots[s].term;
                if (term != 0 && round.reports[s].term == term) {
                    ++valid;
                    validSlots |= 1 << s;
                }
            }
            reporters >>= 1;
        }
    }

    /// @dev The median per provider over the valid reports, then the staking contract's settlement.
    function _settle(
        uint256 epoch,
        bytes32 key,
        address[] calldata providers,
        Round storage round,
        uint256 valid,
        uint256 validSlots
    ) private {
        bytes[] memory reports = new bytes[](valid);
        uint256 k;
        for (uint256 s; validSlots != 0; ++s) {
            if (validSlots & 1 != 0) reports[k++] = round.reports[s].scores;
            validSlots >>= 1;
        }
        uint256 n = providers.length;
        uint16[] memory medians = new uint16[](n);
        uint16[] memory column = new uint16[](valid);
        for (uint256 i; i < n; ++i) {
            for (uint256 r; r < valid; ++r) {
                column[r] = reports[r].at(i);
            }
            medians[i] = MedianLib.medianDown(column);
        }
        emit CommitteeSettled(epoch, key, valid);
        staking.settleEpoch(epoch, providers, medians);
    }
}
