// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AnkrStaking} from "../../src/AnkrStaking.sol";
import {IRewardVault} from "../../src/interfaces/IRewardVault.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {Parameters} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract GovernanceTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
    }

    function _unauthorized(address caller, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, role);
    }

    function _invalid(bytes32 name, uint256 value) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IStakingErrors.StakingInvalidParameter.selector, name, value);
    }

    /*//////////////////////////////////////////////////////////////
                                 ROLES
    //////////////////////////////////////////////////////////////*/

    function test_initialize_grantsEveryRoleToAdmin() public view {
        assertTrue(staking.hasRole(staking.DEFAULT_ADMIN_ROLE(), governance));
        assertTrue(staking.hasRole(GOVERNANCE_ROLE, governance));
        assertTrue(staking.hasRole(SETTLER_ROLE, governance));
        assertTrue(staking.hasRole(PAUSER_ROLE, governance));
        assertEq(staking.GOVERNANCE_ROLE(), GOVERNANCE_ROLE);
        assertEq(staking.SETTLER_ROLE(), SETTLER_ROLE);
        assertEq(staking.PAUSER_ROLE(), PAUSER_ROLE);
        assertTrue(staking.hasRole(UPGRADER_ROLE, governance));
        assertTrue(staking.hasRole(SNAPSHOT_ROLE, governance));
        assertEq(staking.UPGRADER_ROLE(), UPGRADER_ROLE);
        assertEq(staking.SNAPSHOT_ROLE(), SNAPSHOT_ROLE);
    }

    /// @dev Every role-gated function rejects an account without the role, including holders of
    ///      the other roles.
    function test_roles_everyGatedFunctionRejectsOthers() public {
        address settler = makeAddr("settler");
        address guardian = makeAddr("guardian");
        vm.startPrank(governance);
        staking.grantRole(SETTLER_ROLE, settler);
        staking.grantRole(PAUSER_ROLE, guardian);
        vm.stopPrank();
        registerProvider(p2, SELF, 0);

        address[3] memory callers = [stranger, settler, guardian];
        for (uint256 i; i < callers.length; ++i) {
            address c = callers[i];
            _expectGov(c, abi.encodeCall(AnkrStaking.admitProvider, (p2)));
            _expectGov(c, abi.encodeCall(AnkrStaking.removeProvider, (p1)));
            _expectGov(c, abi.encodeCall(AnkrStaking.jail, (p1)));
            _expectGov(c, abi.encodeCall(AnkrStaking.slash, (p1, 1)));
            _expectGov(c, abi.encodeCall(AnkrStaking.setProviderCap, (p1, 1)));
            _expectGov(c, abi.encodeCall(AnkrStaking.setParameters, (params)));
            _expectGov(c, abi.encodeCall(AnkrStaking.setGlobalCap, (1)));
            _expectGov(c, abi.encodeCall(AnkrStaking.setAllotment, (alice, 1)));
            _expectGov(c, abi.encodeCall(AnkrStaking.unpause, ()));
            _expectRole(c, UPGRADER_ROLE, abi.encodeCall(staking.upgradeToAndCall, (address(0), "")));
            _expectRole(c, SNAPSHOT_ROLE, abi.encodeCall(AnkrStaking.registerSnapshot, (block.timestamp)));
        }
        _expectRole(stranger, PAUSER_ROLE, abi.encodeCall(AnkrStaking.pause, ()));
        _expectRole(settler, PAUSER_ROLE, abi.encodeCall(AnkrStaking.pause, ()));
        vm.warp(epochEnd(0));
        _expectRole(
            stranger,
            SETTLER_ROLE,
            abi.encodeCall(AnkrStaking.settleEpoch, (0, new address[](0), new uint16[](0)))
        );
        _expectRole(
            guardian,
            SETTLER_ROLE,
            abi.encodeCall(AnkrStaking.settleEpoch, (0, new address[](0), new uint16[](0)))
        );
        bytes32 admin = staking.DEFAULT_ADMIN_ROLE();
        _expectRole(stranger, admin, abi.encodeCall(IAccessControl.grantRole, (GOVERNANCE_ROLE, stranger)));
        _expectRole(settler, admin, abi.encodeCall(IAccessControl.revokeRole, (GOVERNANCE_ROLE, governance)));
    }

    function _expectGov(address caller, bytes memory data) internal {
        _expectRole(caller, GOVERNANCE_ROLE, data);
    }

    function _expectRole(address caller, bytes32 role, bytes memory data) internal {
        vm.prank(caller);
        (bool ok, bytes memory ret) = address(staking).call(data);
        assertFalse(ok, "gated call succeeded");
        assertEq(ret, _unauthorized(caller, role));
    }

    function test_unjail_strangerGetsGovernanceRoleError() public {
        jailAs(p1);
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, GOVERNANCE_ROLE));
        staking.unjail(p1);
    }

    function test_roles_revokedGovernanceLosesAccess() public {
        address newGov = makeAddr("newGov");
        vm.startPrank(governance);
        staking.grantRole(GOVERNANCE_ROLE, newGov);
        staking.revokeRole(GOVERNANCE_ROLE, governance);
        vm.stopPrank();
        vm.prank(governance);
        vm.expectRevert(_unauthorized(governance, GOVERNANCE_ROLE));
        staking.setGlobalCap(1);
        vm.prank(newGov);
        staking.setGlobalCap(1);
    }

    /*//////////////////////////////////////////////////////////////
                             SET PARAMETERS
    //////////////////////////////////////////////////////////////*/

    function test_setParameters_replacesEveryField() public {
        Parameters memory p = Parameters({
            minSelfStake: 1,
            minDelegation: 2,
            maxCommissionBps: 10_000,
            delegationRatio: 0,
            jailThresholdBps: 10_000,
            jailAfterEpochs: 1,
            rewardPerEpoch: 7,
            unbondingPeriod: 0,
            providerUnbondingPeriod: 0,
            commissionNoticePeriod: 7 days,
            jailCooldown: 0,
            maxSlashBps: 10_000
        });
        vm.expectEmit(address(staking));
        emit IStakingEvents.ParametersSet(p);
        vm.prank(governance);
        staking.setParameters(p);
        assertEq(abi.encode(staking.parameters()), abi.encode(p));
    }

    function test_setParameters_defaultsAtDeployment() public view {
        assertEq(abi.encode(staking.parameters()), abi.encode(params));
    }

    function _expectInvalid(Parameters memory p, bytes32 name, uint256 value) internal {
        vm.prank(governance);
        vm.expectRevert(_invalid(name, value));
        staking.setParameters(p);
    }

    function test_setParameters_revertsOnZeroMinSelfStake() public {
        Parameters memory p = params;
        p.minSelfStake = 0;
        _expectInvalid(p, "minSelfStake", 0);
    }

    function test_setParameters_revertsOnZeroMinDelegation() public {
        Parameters memory p = params;
        p.minDelegation = 0;
        _expectInvalid(p, "minDelegation", 0);
    }

    function test_setParameters_revertsOnMaxCommissionAbove100Percent() public {
        Parameters memory p = params;
        p.maxCommissionBps = 10_001;
        _expectInvalid(p, "maxCommissionBps", 10_001);
    }

    function test_setParameters_revertsOnJailThresholdAbove100Percent() public {
        Parameters memory p = params;
        p.jailThresholdBps = 10_001;
        _expectInvalid(p, "jailThresholdBps", 10_001);
    }

    function test_setParameters_revertsOnZeroJailAfterEpochs() public {
        Parameters memory p = params;
        p.jailAfterEpochs = 0;
        _expectInvalid(p, "jailAfterEpochs", 0);
    }

    function test_setParameters_revertsOnMaxSlashAbove100Percent() public {
        Parameters memory p = params;
        p.maxSlashBps = 10_001;
        _expectInvalid(p, "maxSlashBps", 10_001);
    }

    /// @dev Security finding 5: every duration has an upper bound, accepted at the bound and refused
    ///      one second above it.
    function test_setParameters_durationsAtTheirBounds() public {
        Parameters memory p = params;
        p.unbondingPeriod = 180 days;
        p.providerUnbondingPeriod = 180 days;
        p.commissionNoticePeriod = 365 days;
        p.jailCooldown = 180 days;
        vm.prank(governance);
        staking.setParameters(p);
        assertEq(abi.encode(staking.parameters()), abi.encode(p));
    }

    function test_setParameters_revertsOnUnbondingPeriodAboveBound() public {
        Parameters memory p = params;
        p.unbondingPeriod = 180 days + 1;
        p.providerUnbondingPeriod = 180 days + 1;
        p.commissionNoticePeriod = 365 days;
        _expectInvalid(p, "unbondingPeriod", 180 days + 1);
    }

    function test_setParameters_revertsOnProviderUnbondingPeriodAboveBound() public {
        Parameters memory p = params;
        p.providerUnbondingPeriod = 180 days + 1;
        _expectInvalid(p, "providerUnbondingPeriod", 180 days + 1);
        // The wrap-around value of the finding: 2^32 - 1 seconds.
        p.providerUnbondingPeriod = type(uint32).max;
        _expectInvalid(p, "providerUnbondingPeriod", type(uint32).max);
    }

    function test_setParameters_revertsOnCommissionNoticeAboveBound() public {
        Parameters memory p = params;
        p.commissionNoticePeriod = 365 days + 1;
        _expectInvalid(p, "commissionNoticePeriod", 365 days + 1);
    }

    function test_setParameters_revertsOnJailCooldownAboveBound() public {
        Parameters memory p = params;
        p.jailCooldown = 180 days + 1;
        _expectInvalid(p, "jailCooldown", 180 days + 1);
    }

    function test_setParameters_revertsWhenNoticeNotLongerThanUnbonding() public {
        Parameters memory p = params;
        p.commissionNoticePeriod = p.unbondingPeriod;
        _expectInvalid(p, "commissionNoticePeriod", p.unbondingPeriod);
    }

    function test_setParameters_revertsWhenNoticeShorterThanAnEpoch() public {
        Parameters memory p = params;
        p.unbondingPeriod = 1 days;
        p.commissionNoticePeriod = 6 days;
        _expectInvalid(p, "commissionNoticePeriod", 6 days);
    }

    function test_setParameters_revertsWhenProviderUnbondingShorterThanUnbonding() public {
        Parameters memory p = params;
        p.providerUnbondingPeriod = p.unbondingPeriod - 1;
        _expectInvalid(p, "providerUnbondingPeriod", p.unbondingPeriod - 1);
    }

    function test_setParameters_revertsForNonGovernance() public {
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, GOVERNANCE_ROLE));
        staking.setParameters(params);
    }

    /*//////////////////////////////////////////////////////////////
                               INITIALIZE
    //////////////////////////////////////////////////////////////*/

    function _init(
        IERC20 t,
        IRewardVault v,
        address admin,
        uint256 genesisTime,
        uint256 length,
        Parameters memory p
    ) internal returns (bool ok, bytes memory ret) {
        try new AnkrStaking(t) returns (AnkrStaking implementation) {
            try new ERC1967Proxy(
                address(implementation),
                abi.encodeCall(AnkrStaking.initialize, (v, admin, genesisTime, length, p))
            ) {
                return (true, "");
            } catch (bytes memory reason) {
                return (false, reason);
            }
        } catch (bytes memory reason) {
            return (false, reason);
        }
    }

    function test_initialize_revertsOnZeroToken() public {
        (bool ok, bytes memory ret) =
            _init(IERC20(address(0)), vault, governance, genesis, epochLength, params);
        assertFalse(ok);
        assertEq(ret, abi.encodeWithSelector(IStakingErrors.StakingZeroAddress.selector));
    }

    function test_initialize_revertsOnZeroVault() public {
        (bool ok, bytes memory ret) =
            _init(token, IRewardVault(address(0)), governance, genesis, epochLength, params);
        assertFalse(ok);
        assertEq(ret, abi.encodeWithSelector(IStakingErrors.StakingZeroAddress.selector));
    }

    function test_initialize_revertsOnZeroAdmin() public {
        (bool ok, bytes memory ret) = _init(token, vault, address(0), genesis, epochLength, params);
        assertFalse(ok);
        assertEq(ret, abi.encodeWithSelector(IStakingErrors.StakingZeroAddress.selector));
    }

    function test_initialize_revertsOnZeroEpochLength() public {
        (bool ok, bytes memory ret) = _init(token, vault, governance, genesis, 0, params);
        assertFalse(ok);
        assertEq(ret, _invalid("epochLength", 0));
    }

    function test_initialize_revertsOnOversizedEpochLength() public {
        uint256 length = uint256(type(uint24).max) + 1;
        (bool ok, bytes memory ret) = _init(token, vault, governance, genesis, length, params);
        assertFalse(ok);
        assertEq(ret, _invalid("epochLength", length));
    }

    function test_initialize_revertsOnOversizedGenesis() public {
        uint256 g = uint256(type(uint32).max) + 1;
        (bool ok, bytes memory ret) = _init(token, vault, governance, g, epochLength, params);
        assertFalse(ok);
        assertEq(ret, _invalid("genesisTime", g));
    }

    function test_initialize_revertsOnInvalidParameters() public {
        Parameters memory p = params;
        p.jailAfterEpochs = 0;
        (bool ok, bytes memory ret) = _init(token, vault, governance, genesis, epochLength, p);
        assertFalse(ok);
        assertEq(ret, _invalid("jailAfterEpochs", 0));
    }

    function test_initialize_revertsWhenCalledAgain() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        staking.initialize(vault, stranger, genesis, epochLength, params);
    }

    function test_initialize_implementationIsLocked() public {
        AnkrStaking implementation = new AnkrStaking(token);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        implementation.initialize(vault, stranger, genesis, epochLength, params);
    }

    function test_initialize_setsTokenVaultAndClock() public view {
        assertEq(address(staking.token()), address(token));
        assertEq(address(staking.vault()), address(vault));
        (uint256 g, uint256 length, uint256 current, uint256 next) = staking.epochClock();
        assertEq(g, genesis);
        assertEq(length, epochLength);
        assertEq(current, 0);
        assertEq(next, 0);
    }
}
