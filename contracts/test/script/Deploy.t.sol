// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";

import {Defaults} from "../../script/Defaults.sol";
import {Deploy} from "../../script/Deploy.s.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {Parameters, ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {GovernanceFixture} from "../governance/GovernanceFixture.sol";
import {AnkrStakingV2Mock} from "../mocks/AnkrStakingV2Mock.sol";

/// @notice The deploy script: wiring, the genesis set, the config file, and that the deployer
///         ends with no privilege anywhere.
contract DeployTest is GovernanceFixture {
    bytes32 internal constant ADMIN = 0x00;

    function _stakingRoles() internal view returns (bytes32[6] memory) {
        return [
            ADMIN,
            staking.GOVERNANCE_ROLE(),
            staking.UPGRADER_ROLE(),
            staking.SETTLER_ROLE(),
            staking.PAUSER_ROLE(),
            staking.SNAPSHOT_ROLE()
        ];
    }

    function _timelockRoles(TimelockController t) internal view returns (bytes32[4] memory) {
        return [ADMIN, t.PROPOSER_ROLE(), t.EXECUTOR_ROLE(), t.CANCELLER_ROLE()];
    }

    function _assertNoRole(address account) internal view {
        bytes32[6] memory roles = _stakingRoles();
        for (uint256 i; i < roles.length; ++i) {
            assertFalse(staking.hasRole(roles[i], account), "staking role");
        }
        assertFalse(vault.hasRole(ADMIN, account), "vault admin");
        TimelockController[2] memory locks = [timelock, upgradeTimelock];
        for (uint256 l; l < 2; ++l) {
            bytes32[4] memory tr = _timelockRoles(locks[l]);
            for (uint256 i; i < tr.length; ++i) {
                assertFalse(locks[l].hasRole(tr[i], account), "timelock role");
            }
        }
        // The Governor has no owner: only its timelock may change its settings.
        assertEq(governor.timelock(), address(timelock));
        assertTrue(account != address(timelock));
    }

    function test_deploy_deployerHoldsNoRoleAnywhere() public view {
        _assertNoRole(d.deployer);
    }

    function test_deploy_wiresEveryRole() public view {
        assertTrue(staking.hasRole(staking.GOVERNANCE_ROLE(), address(timelock)));
        assertTrue(staking.hasRole(staking.UPGRADER_ROLE(), address(upgradeTimelock)));
        assertTrue(staking.hasRole(ADMIN, address(upgradeTimelock)));
        assertTrue(staking.hasRole(staking.SNAPSHOT_ROLE(), address(governor)));
        assertTrue(staking.hasRole(staking.SETTLER_ROLE(), settler));
        assertTrue(staking.hasRole(staking.PAUSER_ROLE(), guardian));
        assertTrue(vault.hasRole(ADMIN, address(timelock)));
        assertEq(vault.staking(), address(staking));

        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(governor)));
        assertFalse(
            timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)), "main timelock: governor executes"
        );
        assertTrue(upgradeTimelock.hasRole(upgradeTimelock.PROPOSER_ROLE(), address(timelock)));
        assertTrue(upgradeTimelock.hasRole(upgradeTimelock.CANCELLER_ROLE(), address(timelock)));
        assertTrue(upgradeTimelock.hasRole(upgradeTimelock.EXECUTOR_ROLE(), address(0)), "anyone executes");
        // Both timelocks administer themselves and nothing else does.
        assertTrue(timelock.hasRole(ADMIN, address(timelock)));
        assertTrue(upgradeTimelock.hasRole(ADMIN, address(upgradeTimelock)));
        assertFalse(upgradeTimelock.hasRole(ADMIN, address(timelock)));

        // The guardian holds nothing but the pause.
        _assertOnlyPause(guardian);
        _assertOnlySettle(settler);
    }

    function _assertOnlyPause(address g) internal view {
        bytes32[6] memory roles = _stakingRoles();
        for (uint256 i; i < roles.length; ++i) {
            assertEq(staking.hasRole(roles[i], g), roles[i] == staking.PAUSER_ROLE());
        }
    }

    function _assertOnlySettle(address s) internal view {
        bytes32[6] memory roles = _stakingRoles();
        for (uint256 i; i < roles.length; ++i) {
            assertEq(staking.hasRole(roles[i], s), roles[i] == staking.SETTLER_ROLE());
        }
    }

    function test_deploy_delays() public view {
        assertEq(timelock.getMinDelay(), Defaults.TIMELOCK_DELAY);
        assertEq(upgradeTimelock.getMinDelay(), Defaults.UPGRADE_DELAY);
        assertGt(upgradeTimelock.getMinDelay(), staking.parameters().providerUnbondingPeriod);
        assertGt(upgradeTimelock.getMinDelay(), staking.parameters().unbondingPeriod);
        assertEq(governor.votingPeriod(), Defaults.VOTING_PERIOD);
        assertEq(governor.proposalThreshold(), Defaults.PROPOSAL_THRESHOLD);
        assertEq(governor.quorumNumerator(), Defaults.QUORUM_PERCENT);
    }

    function test_deploy_admitsGenesisProviders() public view {
        for (uint256 i; i < 3; ++i) {
            assertEq(uint8(staking.getProvider(genesis[i]).status), uint8(ProviderStatus.Active));
            assertEq(staking.getProvider(genesis[i]).selfStake, GENESIS_STAKE);
        }
        assertEq(staking.scoredProviders().length, 3);
    }

    function test_deploy_guardianPausesOnly() public {
        vm.prank(guardian);
        staking.pause();
        assertTrue(staking.paused());
        bytes32 gov = staking.GOVERNANCE_ROLE();
        vm.prank(guardian);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, gov)
        );
        staking.unpause();
    }

    function test_deploy_revertsWhenUpgradeDelayNotAboveUnbonding() public {
        Deploy.Config memory c = script.anvilConfig();
        c.upgradeDelay = Defaults.parameters().providerUnbondingPeriod;
        vm.expectRevert(
            abi.encodeWithSelector(Deploy.DeployUpgradeDelayTooShort.selector, c.upgradeDelay, c.upgradeDelay)
        );
        script.deploy(c);
    }

    /// @dev The deployed roles: the main timelock announces, the upgrade timelock installs once more
    ///      than the provider unbonding period has passed since the announcement.
    function test_deploy_upgradeAnnouncedByTimelockInstalledByUpgradeTimelock() public {
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(staking.token());
        vm.prank(address(timelock));
        staking.announceUpgrade(address(v2));
        vm.warp(block.timestamp + staking.parameters().providerUnbondingPeriod + 1);
        vm.prank(address(upgradeTimelock));
        staking.upgradeToAndCall(address(v2), "");
        assertEq(AnkrStakingV2Mock(address(staking)).version(), "2");
    }

    /// @dev Security finding 2: once the upgrade timelock's delay had been lowered (a public
    ///      operation), a batch [updateDelay(30 days), upgradeToAndCall(v2)] scheduled with the short
    ///      delay ran a day later, because the staking contract read the delay the batch had just
    ///      restored. The staking contract now checks its own announcement: the batch is refused
    ///      without one, and with one made a day before.
    function test_deploy_upgradeBatchThatRestoresTheDelayIsRefused() public {
        _lowerUpgradeDelay(1 days);
        AnkrStakingV2Mock v2 = new AnkrStakingV2Mock(staking.token());
        address[] memory targets = new address[](2);
        bytes[] memory payloads = new bytes[](2);
        targets[0] = address(upgradeTimelock);
        payloads[0] = abi.encodeCall(TimelockController.updateDelay, (30 days));
        targets[1] = address(staking);
        payloads[1] = abi.encodeCall(staking.upgradeToAndCall, (address(v2), ""));
        uint256[] memory values = new uint256[](2);

        vm.prank(address(timelock));
        upgradeTimelock.scheduleBatch(targets, values, payloads, bytes32(0), "batch", 1 days);
        vm.warp(block.timestamp + 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingUpgradeNotAnnounced.selector, address(v2))
        );
        upgradeTimelock.executeBatch(targets, values, payloads, bytes32(0), "batch");

        vm.prank(address(timelock));
        staking.announceUpgrade(address(v2));
        uint256 readyAt = block.timestamp + staking.parameters().providerUnbondingPeriod + 1;
        vm.prank(address(timelock));
        upgradeTimelock.scheduleBatch(targets, values, payloads, bytes32(0), "batch 2", 1 days);
        vm.warp(block.timestamp + 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingUpgradeTooEarly.selector, address(v2), readyAt)
        );
        upgradeTimelock.executeBatch(targets, values, payloads, bytes32(0), "batch 2");
        assertTrue(
            address(uint160(uint256(vm.load(address(staking), ERC1967Utils.IMPLEMENTATION_SLOT))))
                != address(v2)
        );
    }

    /// @dev Lowers the upgrade timelock's delay the public way: an operation of its own.
    function _lowerUpgradeDelay(uint256 delay) internal {
        bytes memory data = abi.encodeCall(TimelockController.updateDelay, (delay));
        uint256 current = upgradeTimelock.getMinDelay();
        vm.prank(address(timelock));
        upgradeTimelock.schedule(address(upgradeTimelock), 0, data, bytes32(0), "lower", current);
        vm.warp(block.timestamp + current);
        upgradeTimelock.execute(address(upgradeTimelock), 0, data, bytes32(0), "lower");
        assertEq(upgradeTimelock.getMinDelay(), delay);
    }

    function test_deploy_revertsWithoutTokenOffLocalChain() public {
        vm.chainId(1);
        Deploy.Config memory c = script.anvilConfig();
        vm.expectRevert(abi.encodeWithSelector(Deploy.DeployTokenRequired.selector, 1));
        script.deploy(c);
    }

    /// @dev Off a devnet, a committee whose quorum needs every member is refused: one member down
    ///      would stop every settlement.
    function test_deploy_revertsOnCommitteeWithoutSpareOffDevnet() public {
        vm.chainId(1);
        Deploy.Config memory c = script.anvilConfig();
        c.token = address(token);
        c.oracleMembers = new address[](3);
        (c.oracleMembers[0], c.oracleMembers[1], c.oracleMembers[2]) =
        (address(0x1001), address(0x1002), address(0x1003));
        c.oracleQuorum = 3;
        vm.expectRevert(abi.encodeWithSelector(Deploy.DeployCommitteeWithoutSpare.selector, 3, 3));
        script.deploy(c);
    }

    /// @dev Without `oracleQuorum`, the committee's minimum: 3 of 4 members (one liar and one member
    ///      down tolerated), 3 of 5, 4 of 6.
    function test_config_oracleQuorumDefaultsToTheRule() public view {
        string memory head =
            '{"token":"0x8290333ceF9e6D528dD5618Fb97a76f268f3EDD4","guardian":"0x000000000000000000000000000000000000bEEF","oracleMembers":[';
        string memory four =
            '"0x0000000000000000000000000000000000001001","0x0000000000000000000000000000000000001002","0x0000000000000000000000000000000000001003","0x0000000000000000000000000000000000001004"';
        assertEq(script.parseConfig(string.concat(head, four, "]}")).oracleQuorum, 3);
        string memory six = string.concat(
            four, ',"0x0000000000000000000000000000000000001005","0x0000000000000000000000000000000000001006"'
        );
        assertEq(script.parseConfig(string.concat(head, six, "]}")).oracleQuorum, 4);
    }

    function test_config_parsesTheExampleFile() public view {
        Deploy.Config memory c = script.parseConfig(vm.readFile("script/config/mainnet.example.json"));
        assertEq(c.token, 0x8290333ceF9e6D528dD5618Fb97a76f268f3EDD4);
        assertEq(c.settler, 0x000000000000000000000000000000000000dEaD);
        assertEq(c.guardian, 0x000000000000000000000000000000000000bEEF);
        assertEq(c.timelockDelay, 2 days);
        assertEq(c.upgradeDelay, 30 days);
        assertEq(c.votingDelay, 1 days);
        assertEq(c.votingPeriod, 5 days);
        assertEq(c.proposalThreshold, 100_000 ether);
        assertEq(c.quorumPercent, 10);
        assertEq(c.providers.length, 2);
        assertEq(c.providers[1].account, address(0xA0002));
        assertEq(c.providers[1].privateKey, 0);
    }

    /// @dev A real network: the token exists, genesis providers register themselves after the
    ///      deployment, `finalize` admits them and renounces the deployer's last role.
    function test_deploy_keylessGenesisThenFinalize() public {
        Deploy.Config memory c = script.parseConfig(vm.readFile("script/config/mainnet.example.json"));
        c.token = address(token);
        vm.setEnv("DEPLOYMENTS_DIR", "cache");
        Deploy.Deployment memory e = script.deploy(c);
        script.write(e);
        assertTrue(
            staking.hasRole(staking.GOVERNANCE_ROLE(), e.deployer) == false, "first deployment untouched"
        );
        IAccessControl s2 = IAccessControl(e.staking);
        assertTrue(s2.hasRole(keccak256("GOVERNANCE_ROLE"), e.deployer), "kept until finalize");

        for (uint256 i; i < 2; ++i) {
            address p = c.providers[i].account;
            vm.prank(d.deployer);
            token.transfer(p, SELF);
            vm.startPrank(p);
            token.approve(e.staking, SELF);
            (bool ok,) = e.staking
                .call(abi.encodeWithSignature("registerProvider(uint256,uint16,string)", SELF, uint16(0), ""));
            assertTrue(ok);
            vm.stopPrank();
        }
        vm.setEnv("DEPLOY_CONFIG", "script/config/mainnet.example.json");
        script.finalize();
        vm.setEnv("DEPLOY_CONFIG", "");
        assertFalse(s2.hasRole(keccak256("GOVERNANCE_ROLE"), e.deployer));
        (bool ok2, bytes memory ret) = e.staking.staticcall(abi.encodeWithSignature("scoredProviders()"));
        assertTrue(ok2);
        assertEq(abi.decode(ret, (address[])).length, 2);
    }
}
