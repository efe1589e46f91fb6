// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";

import {IStakingEvents} from "../../../src/interfaces/IStakingEvents.sol";
import {ProviderSettlement} from "../../../src/interfaces/IStakingTypes.sol";
import {StakingFixture} from "../../utils/StakingFixture.sol";

/// @notice Helpers shared by the protocol-level fuzz tests: settle with a score per provider and
///         read back what each provider was given from the `ProvidersSettled` event.
abstract contract ProtocolFuzzBase is StakingFixture {
    struct Settled {
        uint256 stakeSeconds;
        uint256 reward;
        uint256 commission;
        bool found;
    }

    /// @dev Settles the next epoch (warping to its end if needed) with `scores[i]` for `providers[i]`
    ///      (any order; sorted here) and returns the logs, for `settledOf` and `budgetOf`.
    function settleWithScores(address[] memory providers, uint16[] memory scores)
        internal
        returns (Vm.Log[] memory logs)
    {
        (,,, uint256 epoch) = staking.epochClock();
        if (block.timestamp < epochEnd(epoch)) vm.warp(epochEnd(epoch));
        // Insertion sort of both arrays by address.
        for (uint256 i = 1; i < providers.length; ++i) {
            (address key, uint16 score) = (providers[i], scores[i]);
            uint256 j = i;
            while (j > 0 && providers[j - 1] > key) {
                providers[j] = providers[j - 1];
                scores[j] = scores[j - 1];
                --j;
            }
            (providers[j], scores[j]) = (key, score);
        }
        vm.recordLogs();
        vm.prank(governance);
        staking.settleEpoch(epoch, providers, scores);
        logs = vm.getRecordedLogs();
    }

    function settledOf(Vm.Log[] memory logs, address provider) internal pure returns (Settled memory s) {
        bytes32 sig = IStakingEvents.ProvidersSettled.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics.length != 2 || logs[i].topics[0] != sig) continue;
            ProviderSettlement[] memory settlements = abi.decode(logs[i].data, (ProviderSettlement[]));
            for (uint256 j; j < settlements.length; ++j) {
                if (settlements[j].provider != provider) continue;
                s.stakeSeconds = settlements[j].stakeSeconds;
                s.reward = settlements[j].reward;
                s.commission = settlements[j].commission;
                s.found = true;
            }
        }
    }

    function budgetOf(Vm.Log[] memory logs) internal pure returns (uint256 budget, uint256 distributed) {
        bytes32 sig = IStakingEvents.EpochSettled.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics.length == 2 && logs[i].topics[0] == sig) {
                (budget, distributed,,) = abi.decode(logs[i].data, (uint256, uint256, uint256, uint256));
            }
        }
    }

    function pair(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        (list[0], list[1]) = (a, b);
    }

    function scorePair(uint16 a, uint16 b) internal pure returns (uint16[] memory list) {
        list = new uint16[](2);
        (list[0], list[1]) = (a, b);
    }

    function claimAs(address account, address provider) internal returns (uint256 amount) {
        if (staking.pendingRewards(provider, account) == 0) return 0;
        vm.prank(account);
        amount = staking.claim(provider);
    }
}
