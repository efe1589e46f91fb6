// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {GovernanceFixture} from "../governance/GovernanceFixture.sol";
import {VotesSlots} from "../utils/VotesSlots.sol";
import {GovernanceHandler} from "./handlers/GovernanceHandler.sol";

/// @notice Checkpoints and vote counting under random stake changes, proposals, votes, overrides.
contract GovernanceInvariantsTest is GovernanceFixture {
    GovernanceHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new GovernanceHandler(staking, governor, token, d.deployer, genesis);
        // The handler spends the deployer's TestANKR to fund its actors.
        vm.prank(d.deployer);
        token.approve(address(handler), type(uint256).max);
        targetContract(address(handler));
    }

    /// @notice The sum of counted votes on a proposal never exceeds total stake at its snapshot.
    function invariant_votesNeverExceedTotalAtSnapshot() public view {
        for (uint256 i; i < handler.proposalCount(); ++i) {
            uint256 id = handler.proposals(i);
            uint256 s = governor.proposalSnapshot(id);
            if (s >= block.timestamp) continue;
            (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(id);
            assertLe(against + forVotes + abstain, staking.getPastTotalSupply(s), "votes > total at snapshot");
        }
    }

    /// @notice Checkpointed figures equal the live figures at the moment each snapshot passed.
    function invariant_checkpointsEqualLiveFiguresAtTheSnapshot() public view {
        for (uint256 i; i < handler.snapshotCount(); ++i) {
            uint256 s = handler.snapshots(i);
            if (!handler.recorded(s)) continue;
            assertEq(staking.getPastTotalSupply(s), handler.ghostTotal(s), "total");
            uint256 pools;
            for (uint256 j; j < 3; ++j) {
                address p = handler.providerAt(j);
                uint256 pool = staking.getPastVotes(p, s);
                assertEq(pool, handler.ghostPool(s, p), "pool");
                pools += pool;
                for (uint256 k; k < 4; ++k) {
                    address a = handler.actorAt(k);
                    assertEq(staking.getPastStake(p, a, s), handler.ghostStake(s, p, a), "delegation");
                }
            }
            assertEq(pools, handler.ghostTotal(s), "pools sum to the total");
        }
    }

    /// @notice Every snapshot not yet past has its total's and each live pool's history entry
    ///         created already (VotesLib.PREPARED, or a value), so no stake change after it creates one.
    function invariant_pendingSnapshotsArePrepared() public view {
        for (uint256 i; i < handler.snapshotCount(); ++i) {
            uint256 s = handler.snapshots(i);
            if (s < block.timestamp) continue;
            uint256 index = staking.snapshotIndex(s);
            assertNotEq(VotesSlots.totalEntry(address(staking), index), 0, "total entry");
            for (uint256 j; j < 3; ++j) {
                address p = handler.providerAt(j);
                // An exited pool is not prepared: whoever leaves it pays for its own entry.
                if (staking.getProvider(p).status == ProviderStatus.Exited) continue;
                assertNotEq(VotesSlots.poolEntry(address(staking), p, index), 0, "pool entry");
            }
        }
    }

    /// @notice Live: the pools sum to the pool-wide total, which is what getVotes reports.
    function invariant_liveTotalsMatch() public view {
        (uint256 total,,,) = staking.totals();
        uint256 pools;
        for (uint256 j; j < 3; ++j) {
            pools += staking.getVotes(handler.providerAt(j));
        }
        assertEq(pools, total);
    }
}
