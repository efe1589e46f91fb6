// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IRewardVault} from "../../src/interfaces/IRewardVault.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract SettleEpochTest is UnitBase {
    uint256 internal constant L = 604_800;

    function _one(address p, uint16 s) internal pure returns (address[] memory ps, uint16[] memory ss) {
        ps = new address[](1);
        ss = new uint16[](1);
        ps[0] = p;
        ss[0] = s;
    }

    function _sorted(address a, address b) internal pure returns (address[] memory ps) {
        ps = new address[](2);
        (ps[0], ps[1]) = a < b ? (a, b) : (b, a);
    }

    function _scores(uint16 a, uint16 b) internal pure returns (uint16[] memory ss) {
        ss = new uint16[](2);
        (ss[0], ss[1]) = (a, b);
    }

    /*//////////////////////////////////////////////////////////////
                               EXACT SPLITS
    //////////////////////////////////////////////////////////////*/

    /// @dev One provider (100k self + 50k alice, 10% commission), full epoch, score 100%.
    function test_settleEpoch_singleProviderExact() public {
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
        vm.warp(epochEnd(0));
        uint256 stakeSeconds = 150_000 ether * L;
        uint256 rate = 900_000 ether / L; // 1,488,095,238,095,238,095
        uint256 remainder = 900_000 ether - rate * L; // 144,000 wei
        assertEq(rate, 1_488_095_238_095_238_095);
        assertEq(remainder, 144_000);

        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultReleased(REWARD, 99_000_000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(0, REWARD, REWARD, stakeSeconds * BPS, remainder);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProvidersSettled(0, settledOne(p1, 10_000, stakeSeconds, REWARD, 100_000 ether));
        vm.prank(governance);
        staking.settleEpoch(0, ps, ss);

        assertEq(nextEpochToSettle(), 1);
        assertEq(reserve(), remainder);
        assertEq(staking.getProvider(p1).rewardRate, rate);
        assertEq(staking.getProvider(p1).rewardFinish, block.timestamp + L);
        assertEq(staking.getProvider(p1).commissionAccrued, 100_000 ether);
        assertEq(staking.getProvider(p1).lastScoreBps, 10_000);
        assertEq(vault.balance(), 99_000_000 ether);
        assertEq(token.balanceOf(address(staking)), 150_000 ether + REWARD);
    }

    function test_settleEpoch_splitsByStake() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, 3 * SELF, 0);
        settleNext(10_000);
        uint256 r1 = REWARD / 4;
        uint256 r2 = REWARD * 3 / 4;
        assertEq(staking.getProvider(p1).rewardRate, r1 / L);
        assertEq(staking.getProvider(p2).rewardRate, r2 / L);
        assertEq(reserve(), r1 % L + r2 % L);
    }

    /// @dev Equal stake, scores 100% and 50%: 2/3 and 1/3 of the budget, rounded down; the 1 wei
    ///      the split leaves stays in the reserve with the stream-rate remainders.
    function test_settleEpoch_splitsByScoreAndCarriesRemainder() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(0, REWARD, REWARD - 1, SELF * L * 15_000, 1 + 61_866 + 30_933);
        settleTwo(p1, 10_000, p2, 5000);
        assertEq(staking.getProvider(p1).rewardRate, 1_102_292_768_959_435_626);
        assertEq(staking.getProvider(p2).rewardRate, 551_146_384_479_717_813);
        assertEq(reserve(), 1 + 61_866 + 30_933);
    }

    /// @dev Stake-seconds, not the stake at settlement: a delegation made half-way counts half.
    function test_settleEpoch_weightsByStakeSeconds() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.warp(genesis + L / 2);
        delegateAs(alice, p2, SELF);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).rewardRate, 400_000 ether / L);
        assertEq(staking.getProvider(p2).rewardRate, 600_000 ether / L);
    }

    function test_settleEpoch_reserveCarriesToNextBudget() public {
        addProvider(p1, SELF, 0);
        settleNext(10_000);
        uint256 carried = reserve();
        assertEq(carried, REWARD % L);
        uint256 vaultBefore = vault.balance();
        settleNext(10_000);
        // Only the difference is pulled from the vault.
        assertEq(vaultBefore - vault.balance(), REWARD - carried);
        assertEq(reserve(), REWARD % L);
    }

    function test_settleEpoch_budgetFromReserveWithoutVault() public {
        addProvider(p1, SELF, 0);
        settleNext(10_000);
        uint256 carried = reserve(); // REWARD % L = 476,800 wei... of the 1M split
        params.rewardPerEpoch = uint96(carried);
        setParams(params);
        uint256 vaultBefore = vault.balance();
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(1, carried, carried, SELF * L * BPS, carried % L);
        settleNext(10_000);
        assertEq(vault.balance(), vaultBefore, "nothing pulled");
    }

    function test_settleEpoch_underfundedVaultGivesLess() public {
        addProvider(p1, SELF, 0);
        uint256 excess = vault.balance() - 400_000 ether;
        vm.prank(governance);
        vault.withdraw(governance, excess);
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(0, 400_000 ether, 400_000 ether, SELF * L * BPS, (400_000 ether) % L);
        settleNext(10_000);
        assertEq(vault.balance(), 0);
        assertEq(staking.getProvider(p1).rewardRate, 400_000 ether / L);
    }

    function test_settleEpoch_emptyVaultUsesOnlyReserve() public {
        addProvider(p1, SELF, 0);
        settleNext(10_000);
        uint256 carried = reserve();
        uint256 all = vault.balance();
        vm.prank(governance);
        vault.withdraw(governance, all);
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(1, carried, carried, SELF * L * BPS, carried);
        settleNext(10_000);
        assertEq(staking.getProvider(p1).rewardRate, 0, "carried < epoch length: rate rounds to 0");
    }

    function test_settleEpoch_allZeroScoresDistributeNothing() public {
        addProvider(p1, SELF, 0);
        uint256 vaultBefore = vault.balance();
        vm.expectEmit(address(staking));
        emit IStakingEvents.EpochSettled(0, 0, 0, 0, 0);
        settleNext(0);
        assertEq(vault.balance(), vaultBefore);
        assertEq(staking.getProvider(p1).rewardRate, 0);
        assertEq(nextEpochToSettle(), 1);
    }

    function test_settleEpoch_noProviders() public {
        vm.warp(epochEnd(0));
        vm.prank(governance);
        staking.settleEpoch(0, new address[](0), new uint16[](0));
        assertEq(nextEpochToSettle(), 1);
        assertEq(vault.balance(), 100_000_000 ether);
    }

    /// @dev Settled late: the window (and the stake-seconds) run to the settlement, and the next
    ///      window starts there.
    /// @dev A late settlement weighs the stake-seconds since the previous one and pays the budget
    ///      for that time; the next, shorter window pays less. Together: two epochs' budgets.
    function test_settleEpoch_lateSettlementWindow() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(0) + 1 days);
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        uint256 first = REWARD * (L + 1 days) / L;
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProvidersSettled(0, settledOne(p1, 10_000, SELF * (L + 1 days), first, 0));
        vm.prank(governance);
        staking.settleEpoch(0, ps, ss);

        // The first stream still has one day to run: it is folded into the new one.
        vm.warp(epochEnd(1));
        uint256 second = REWARD * (L - 1 days) / L;
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProvidersSettled(1, settledOne(p1, 10_000, SELF * (L - 1 days), second, 0));
        vm.prank(governance);
        staking.settleEpoch(1, ps, ss);
        // Each budget rounds down; what it leaves stays in the vault for later epochs.
        assertApproxEqAbs(first + second, 2 * REWARD, 2, "two epochs, two budgets");
    }

    /// @dev Time that a pool streams with no stake goes back to the reserve.
    function test_settleEpoch_zeroStakeStreamReturnsToReserve() public {
        addProvider(p1, SELF, 1000);
        settleNext(10_000);
        uint256 rate = staking.getProvider(p1).rewardRate;
        uint256 before = reserve();
        vm.prank(p1);
        staking.exitProvider(); // the pool is now empty
        vm.warp(block.timestamp + L);
        claimAs(p1, p1); // touches the pool (pays the commission)
        assertEq(reserve(), before + rate * L);
    }

    function test_settleEpoch_jailedProviderGetsNothing() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        jailAs(p2);
        settleTwo(p1, 10_000, p2, 10_000);
        assertEq(staking.getProvider(p1).rewardRate, REWARD / L);
        assertEq(staking.getProvider(p2).rewardRate, 0);
        assertEq(uint8(statusOf(p2)), uint8(ProviderStatus.Jailed));
    }

    /*//////////////////////////////////////////////////////////////
                                 ERRORS
    //////////////////////////////////////////////////////////////*/

    function test_settleEpoch_revertsBeforeEpochEnds() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(0) - 1);
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingEpochNotSettleable.selector, 0, 0, epochEnd(0))
        );
        staking.settleEpoch(0, ps, ss);
    }

    function test_settleEpoch_revertsWhenSettledTwice() public {
        addProvider(p1, SELF, 0);
        settleNext(10_000);
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingEpochNotSettleable.selector, 0, 1, epochEnd(0))
        );
        staking.settleEpoch(0, ps, ss);
    }

    function test_settleEpoch_revertsWhenSkippingAnEpoch() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(1));
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingEpochNotSettleable.selector, 1, 0, epochEnd(1))
        );
        staking.settleEpoch(1, ps, ss);
    }

    function test_settleEpoch_revertsOnLengthMismatch() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(0));
        (address[] memory ps,) = _one(p1, 10_000);
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        staking.settleEpoch(0, ps, new uint16[](2));
    }

    function test_settleEpoch_revertsOnMissingProvider() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.warp(epochEnd(0));
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        staking.settleEpoch(0, ps, ss);
    }

    function test_settleEpoch_revertsOnUnsortedSet() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.warp(epochEnd(0));
        address[] memory ps = _sorted(p1, p2);
        (ps[0], ps[1]) = (ps[1], ps[0]);
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        staking.settleEpoch(0, ps, _scores(10_000, 10_000));
    }

    function test_settleEpoch_revertsOnDuplicate() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        vm.warp(epochEnd(0));
        address[] memory ps = new address[](2);
        (ps[0], ps[1]) = (p1, p1);
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        staking.settleEpoch(0, ps, _scores(10_000, 10_000));
    }

    function test_settleEpoch_revertsOnUnscoredProvider() public {
        addProvider(p1, SELF, 0);
        addProvider(p2, SELF, 0);
        registerProvider(p3, SELF, 0);
        vm.warp(epochEnd(0));
        address[] memory ps = _sorted(p1, p3); // p3 is Pending: not in the scored set
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        staking.settleEpoch(0, ps, _scores(10_000, 10_000));
    }

    function test_settleEpoch_revertsOnZeroAddress() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(0));
        (address[] memory ps, uint16[] memory ss) = _one(address(0), 10_000);
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingInvalidSettlementSet.selector);
        staking.settleEpoch(0, ps, ss);
    }

    function test_settleEpoch_revertsOnScoreTooHigh() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(0));
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_001);
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingScoreTooHigh.selector, 10_001));
        staking.settleEpoch(0, ps, ss);
    }

    function test_settleEpoch_revertsForNonSettler() public {
        addProvider(p1, SELF, 0);
        vm.warp(epochEnd(0));
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, SETTLER_ROLE
            )
        );
        staking.settleEpoch(0, ps, ss);
    }

    function test_settleEpoch_dedicatedSettlerRole() public {
        address oracle = makeAddr("oracle");
        addProvider(p1, SELF, 0);
        vm.prank(governance);
        staking.grantRole(SETTLER_ROLE, oracle);
        vm.warp(epochEnd(0));
        (address[] memory ps, uint16[] memory ss) = _one(p1, 10_000);
        vm.prank(oracle);
        staking.settleEpoch(0, ps, ss);
        assertEq(nextEpochToSettle(), 1);
    }
}
