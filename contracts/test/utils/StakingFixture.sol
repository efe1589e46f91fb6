// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Test} from "forge-std/Test.sol";

import {Defaults} from "../../script/Defaults.sol";
import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {RewardVault} from "../../src/RewardVault.sol";
import {Parameters} from "../../src/interfaces/IStakingTypes.sol";
import {TestANKR} from "../../src/token/TestANKR.sol";

/// @notice Deploys token, vault and staking proxy with the default parameters, and gives tests
///         short helpers for the common steps. `governance` holds every role.
abstract contract StakingFixture is Test {
    TestANKR internal token;
    RewardVault internal vault;
    AnkrStaking internal staking;

    address internal governance = makeAddr("governance");
    uint256 internal genesis;
    uint256 internal epochLength = Defaults.EPOCH_LENGTH;
    Parameters internal params;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        genesis = block.timestamp;
        params = Defaults.parameters();
        token = new TestANKR(address(this), 10_000_000_000 ether);
        vault = new RewardVault(token, governance);
        AnkrStaking implementation = new AnkrStaking(token);
        staking = AnkrStaking(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(AnkrStaking.initialize, (vault, governance, genesis, epochLength, params))
                )
            )
        );
        vm.prank(governance);
        vault.setStaking(address(staking));
        fundVault(100_000_000 ether);
    }

    function fundVault(uint256 amount) internal {
        token.approve(address(vault), amount);
        vault.fund(amount);
    }

    /// @dev Mints-by-transfer `amount` to `account` and approves the staking contract for it all.
    function give(address account, uint256 amount) internal {
        token.transfer(account, amount);
        vm.prank(account);
        token.approve(address(staking), type(uint256).max);
    }

    function registerProvider(address provider, uint256 selfStake, uint16 commissionBps) internal {
        give(provider, selfStake);
        vm.prank(provider);
        staking.registerProvider(selfStake, commissionBps, "data:application/json,{}");
    }

    function addProvider(address provider, uint256 selfStake, uint16 commissionBps) internal {
        registerProvider(provider, selfStake, commissionBps);
        vm.prank(governance);
        staking.admitProvider(provider);
    }

    function delegateAs(address delegator, address provider, uint256 amount) internal {
        give(delegator, amount);
        vm.prank(delegator);
        staking.delegate(provider, amount);
    }

    function epochEnd(uint256 epoch) internal view returns (uint256) {
        return genesis + (epoch + 1) * epochLength;
    }

    /// @dev Settles the next epoch at its end with the same score for every scored provider.
    function settleNext(uint16 scoreBps) internal returns (uint256 epoch) {
        (,,, epoch) = staking.epochClock();
        if (block.timestamp < epochEnd(epoch)) vm.warp(epochEnd(epoch));
        address[] memory providers = sortedScored();
        uint16[] memory scores = new uint16[](providers.length);
        for (uint256 i; i < scores.length; ++i) {
            scores[i] = scoreBps;
        }
        vm.prank(governance);
        staking.settleEpoch(epoch, providers, scores);
    }

    function sortedScored() internal view returns (address[] memory providers) {
        providers = staking.scoredProviders();
        // Insertion sort: settlement sets are small.
        for (uint256 i = 1; i < providers.length; ++i) {
            address key = providers[i];
            uint256 j = i;
            while (j > 0 && providers[j - 1] > key) {
                providers[j] = providers[j - 1];
                --j;
            }
            providers[j] = key;
        }
    }
}
