// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {RewardVault} from "../../src/RewardVault.sol";
import {Vm} from "forge-std/Vm.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {
    Parameters,
    ProviderSettlement,
    ProviderStatus,
    ProviderView,
    UnbondingEntry
} from "../../src/interfaces/IStakingTypes.sol";
import {StakingFixture} from "../utils/StakingFixture.sol";

/// @notice Shared actors, constants and short helpers for the unit tests, on top of the fixture.
abstract contract UnitBase is StakingFixture {
    bytes32 internal constant GOVERNANCE_ROLE = keccak256("GOVERNANCE_ROLE");
    bytes32 internal constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    bytes32 internal constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bytes32 internal constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    bytes32 internal constant SNAPSHOT_ROLE = keccak256("SNAPSHOT_ROLE");

    uint256 internal constant BPS = 10_000;
    uint256 internal constant WAD = 1e18;
    uint256 internal constant SELF = 100_000 ether;
    uint256 internal constant MIN_DELEGATION = 1000 ether;
    uint256 internal constant REWARD = 1_000_000 ether;
    uint256 internal constant UNBONDING = 14 days;
    uint256 internal constant PROVIDER_UNBONDING = 28 days;
    uint256 internal constant NOTICE = 15 days;
    uint256 internal constant COOLDOWN = 7 days;

    address internal p1 = makeAddr("p1");
    address internal p2 = makeAddr("p2");
    address internal p3 = makeAddr("p3");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal stranger = makeAddr("stranger");

    /*//////////////////////////////////////////////////////////////
                                 ACTIONS
    //////////////////////////////////////////////////////////////*/

    function undelegateAs(address who, address provider, uint256 amount) internal {
        vm.prank(who);
        staking.undelegate(provider, amount);
    }

    function claimAs(address who, address provider) internal returns (uint256) {
        vm.prank(who);
        return staking.claim(provider);
    }

    function withdrawAs(address who) internal returns (uint256) {
        vm.prank(who);
        return staking.withdraw();
    }

    function setParams(Parameters memory p) internal {
        params = p;
        vm.prank(governance);
        staking.setParameters(p);
    }

    function pauseAll() internal {
        vm.prank(governance);
        staking.pause();
    }

    function jailAs(address provider) internal {
        vm.prank(governance);
        staking.jail(provider);
    }

    /// @dev Settles the next epoch with one score for each given provider (any order, the helper sorts).
    function settleScores(address[] memory providers, uint16[] memory scores)
        internal
        returns (uint256 epoch)
    {
        (,,, epoch) = staking.epochClock();
        if (block.timestamp < epochEnd(epoch)) vm.warp(epochEnd(epoch));
        for (uint256 i = 1; i < providers.length; ++i) {
            address key = providers[i];
            uint16 s = scores[i];
            uint256 j = i;
            while (j > 0 && providers[j - 1] > key) {
                providers[j] = providers[j - 1];
                scores[j] = scores[j - 1];
                --j;
            }
            providers[j] = key;
            scores[j] = s;
        }
        vm.prank(governance);
        staking.settleEpoch(epoch, providers, scores);
    }

    function settleTwo(address a, uint16 sa, address b, uint16 sb) internal returns (uint256) {
        address[] memory ps = new address[](2);
        uint16[] memory ss = new uint16[](2);
        (ps[0], ps[1], ss[0], ss[1]) = (a, b, sa, sb);
        return settleScores(ps, ss);
    }

    /// @dev Deploys a fresh staking proxy (fresh implementation) over `token_` and `vault_`, with
    ///      `governance` holding every role and genesis now.
    function deployStaking(IERC20 token_, RewardVault vault_, Parameters memory p)
        internal
        returns (AnkrStaking s)
    {
        AnkrStaking implementation = new AnkrStaking(token_);
        s = AnkrStaking(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(
                        AnkrStaking.initialize, (vault_, governance, block.timestamp, epochLength, p)
                    )
                )
            )
        );
    }

    /*//////////////////////////////////////////////////////////////
                                  VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @dev The `ProvidersSettled` payload of a settlement that scored one provider.
    function settledOne(
        address provider,
        uint16 scoreBps,
        uint256 stakeSeconds,
        uint256 reward,
        uint256 commission
    ) internal pure returns (ProviderSettlement[] memory list) {
        list = new ProviderSettlement[](1);
        list[0] = ProviderSettlement(provider, scoreBps, stakeSeconds, reward, commission);
    }

    /// @dev What `provider` was given in the `ProvidersSettled` log among `logs`.
    function settlementIn(Vm.Log[] memory logs, address provider)
        internal
        pure
        returns (ProviderSettlement memory settled)
    {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != IStakingEvents.ProvidersSettled.selector) continue;
            ProviderSettlement[] memory list = abi.decode(logs[i].data, (ProviderSettlement[]));
            for (uint256 j; j < list.length; ++j) {
                if (list[j].provider == provider) return list[j];
            }
        }
        revert("provider not settled");
    }

    function statusOf(address provider) internal view returns (ProviderStatus) {
        return staking.getProvider(provider).status;
    }

    function stakeOf(address provider, address delegator) internal view returns (uint256 s) {
        (s,) = staking.getDelegation(provider, delegator);
    }

    function totalStaked() internal view returns (uint256 t) {
        (t,,,) = staking.totals();
    }

    function reserve() internal view returns (uint256 r) {
        (,,, r) = staking.totals();
    }

    function unusedAllotments() internal view returns (uint256 u) {
        (,, u,) = staking.totals();
    }

    function queueOf(address account) internal view returns (uint256 first, UnbondingEntry[] memory entries) {
        return staking.unbondingQueue(account);
    }

    function nextEpochToSettle() internal view returns (uint256 e) {
        (,,, e) = staking.epochClock();
    }

    /*//////////////////////////////////////////////////////////////
                                  ERRORS
    //////////////////////////////////////////////////////////////*/

    function errNotActive(address provider, ProviderStatus status) internal pure returns (bytes memory) {
        return
            abi.encodeWithSelector(IStakingErrors.StakingProviderNotActive.selector, provider, uint8(status));
    }

    function errInvalidStatus(address provider, ProviderStatus status) internal pure returns (bytes memory) {
        return
            abi.encodeWithSelector(
                IStakingErrors.StakingInvalidProviderStatus.selector, provider, uint8(status)
            );
    }

    function errUnknown(address provider) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IStakingErrors.StakingUnknownProvider.selector, provider);
    }
}
