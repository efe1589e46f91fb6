// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Script} from "forge-std/Script.sol";

import {AnkrStaking} from "../src/AnkrStaking.sol";
import {RewardVault} from "../src/RewardVault.sol";
import {AnkrGovernor} from "../src/governance/AnkrGovernor.sol";
import {IAnkrStaking} from "../src/interfaces/IAnkrStaking.sol";
import {ProviderStatus} from "../src/interfaces/IStakingTypes.sol";
import {OracleCommittee} from "../src/oracle/OracleCommittee.sol";
import {QuorumLib} from "../src/oracle/QuorumLib.sol";
import {TestANKR} from "../src/token/TestANKR.sol";
import {Defaults} from "./Defaults.sol";

/// @title Deploy
/// @notice Deploys and wires the whole protocol, then gives up every privilege of the deployer:
///         token (TestANKR, local chains only), reward vault, staking proxy, the main timelock, the
///         upgrade timelock, the Governor, and (when the config names its members) the oracle
///         committee, owned by the main timelock; every role to its holder; the genesis providers
///         registered (with their own keys, local chains) and admitted. Writes
///         `deployments/<chainId>.json`.
/// @dev Inputs: the JSON file at `DEPLOY_CONFIG` (format in docs/governance.md; anvil defaults
///      when unset), then the environment overrides `GENESIS_TIME`, `EPOCH_LENGTH`, `SETTLER`,
///      `GUARDIAN`, `DEPLOYMENTS_DIR`; `TEST_TOKEN=true` marks a devnet off chain 31337 (the test
///      suites run one chain id each): a TestANKR and keyed genesis providers are allowed there.
///      Genesis providers without a key in the config cannot register before the staking
///      contract exists: `run` then keeps only GOVERNANCE_ROLE for the deployer, they register,
///      and `finalize` admits them and renounces it.
contract Deploy is Script {
    /// @notice A genesis provider. `privateKey` (local chains only) lets the script register it
    ///         with `selfStake` from the deployer's TestANKR; otherwise it registers itself.
    struct GenesisProvider {
        address account;
        uint256 privateKey;
        uint256 selfStake;
        uint16 commissionBps;
        string metadataURI;
    }

    struct Config {
        /// @dev The ANKR token; zero deploys a TestANKR (chain 31337, or with TEST_TOKEN=true).
        address token;
        /// @dev Epoch 0 starts here; zero means the deployment block's time.
        uint256 genesisTime;
        uint256 epochLength;
        /// @dev Holds SETTLER_ROLE when no committee is deployed here: an oracle committee deployed
        ///      apart (script/DeployOracle.s.sol), or a dev settler on anvil.
        address settler;
        /// @dev When non-empty, an OracleCommittee with these members and `oracleQuorum` (default
        ///      `QuorumLib.minQuorum`) is deployed, owned by the main timelock, and settles instead of
        ///      `settler`. Off a devnet the quorum must leave one member spare (4 members or more).
        address[] oracleMembers;
        uint256 oracleQuorum;
        /// @dev Holds PAUSER_ROLE: may pause new stake and nothing else.
        address guardian;
        uint256 timelockDelay;
        uint256 upgradeDelay;
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumPercent;
        GenesisProvider[] providers;
    }

    struct Deployment {
        address token;
        address vault;
        address staking;
        address implementation;
        address governor;
        address timelock;
        address upgradeTimelock;
        address oracleCommittee;
        uint256 startBlock;
        /// @dev The broadcaster, who ends with no role anywhere (not written to the file).
        address deployer;
    }

    /// @notice Thrown when the upgrade delay does not exceed the provider unbonding period.
    error DeployUpgradeDelayTooShort(uint256 upgradeDelay, uint256 providerUnbondingPeriod);
    /// @notice Thrown when no token is configured outside a local chain.
    error DeployTokenRequired(uint256 chainId);
    /// @notice Thrown when a config holds a provider key outside a local chain.
    error DeployKeyOutsideLocalChain(address provider);
    /// @notice Thrown when `finalize` finds a genesis provider that is not Pending.
    error DeployProviderNotPending(address provider);
    /// @notice Thrown when a role holder is the zero address.
    error DeployMissingAddress(string name);
    /// @notice Thrown off a devnet when the oracle quorum needs every member: one member down would
    ///      stop every settlement. With the quorum rule (at least 3), that takes 4 members or more.
    error DeployCommitteeWithoutSpare(uint256 members, uint256 quorum);

    uint256 internal constant LOCAL_CHAIN = 31_337;
    /// @dev anvil's accounts 1-3 (public test keys), the default genesis set.
    uint256 internal constant ANVIL_KEY_1 =
        0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d;
    uint256 internal constant ANVIL_KEY_2 =
        0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a;
    uint256 internal constant ANVIL_KEY_3 =
        0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6;
    /// @dev anvil's accounts 8 (settler) and 9 (guardian).
    address internal constant ANVIL_SETTLER = 0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f;
    address internal constant ANVIL_GUARDIAN = 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720;

    /*//////////////////////////////////////////////////////////////
                                ENTRY POINTS
    //////////////////////////////////////////////////////////////*/

    /// @notice Deploys with the config file (or anvil defaults) and writes the deployment file.
    function run() external returns (Deployment memory d) {
        d = deploy(loadConfig());
        write(d);
    }

    /// @notice Second step for genesis providers that registered themselves after `run`: admits
    ///         them and renounces the deployer's last role.
    function finalize() external {
        Config memory c = loadConfig();
        string memory json = vm.readFile(deploymentPath());
        AnkrStaking staking = AnkrStaking(vm.parseJsonAddress(json, ".staking"));
        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        for (uint256 i; i < c.providers.length; ++i) {
            address p = c.providers[i].account;
            if (c.providers[i].privateKey != 0) continue;
            if (staking.getProvider(p).status != ProviderStatus.Pending) revert DeployProviderNotPending(p);
            staking.admitProvider(p);
        }
        staking.renounceRole(staking.GOVERNANCE_ROLE(), deployer);
        vm.stopBroadcast();
    }

    /*//////////////////////////////////////////////////////////////
                                  DEPLOY
    //////////////////////////////////////////////////////////////*/

    /// @notice Deploys and wires everything from `c` as the broadcaster.
    function deploy(Config memory c) public returns (Deployment memory d) {
        _check(c);
        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        d.deployer = deployer;
        d.startBlock = block.number;
        (AnkrStaking staking, RewardVault vault) = _deployStaking(c, d);

        TimelockController timelock =
            new TimelockController(c.timelockDelay, new address[](0), new address[](0), deployer);
        TimelockController upgradeTimelock =
            new TimelockController(c.upgradeDelay, new address[](0), new address[](0), deployer);
        AnkrGovernor governor = new AnkrGovernor(
            IAnkrStaking(d.staking),
            timelock,
            c.votingDelay,
            c.votingPeriod,
            c.proposalThreshold,
            c.quorumPercent
        );
        d.timelock = address(timelock);
        d.upgradeTimelock = address(upgradeTimelock);
        d.governor = address(governor);
        _deployCommittee(c, d);

        _wireTimelocks(timelock, upgradeTimelock, address(governor));
        _wireStaking(staking, c, d);
        vault.grantRole(vault.DEFAULT_ADMIN_ROLE(), d.timelock);
        vm.stopBroadcast();

        bool keyless = _genesis(staking, c, deployer);

        vm.startBroadcast();
        _renounce(staking, vault, timelock, upgradeTimelock, deployer, keyless);
        vm.stopBroadcast();
    }

    /// @dev Chain 31337, or a devnet marked with TEST_TOKEN=true.
    function _devnet() private view returns (bool) {
        return block.chainid == LOCAL_CHAIN || vm.envOr("TEST_TOKEN", false);
    }

    function _check(Config memory c) private view {
        if (c.upgradeDelay <= Defaults.parameters().providerUnbondingPeriod) {
            revert DeployUpgradeDelayTooShort(c.upgradeDelay, Defaults.parameters().providerUnbondingPeriod);
        }
        if (c.settler == address(0) && c.oracleMembers.length == 0) revert DeployMissingAddress("settler");
        if (c.guardian == address(0)) revert DeployMissingAddress("guardian");
        uint256 members = c.oracleMembers.length;
        if (members != 0 && c.oracleQuorum >= members && !_devnet()) {
            revert DeployCommitteeWithoutSpare(members, c.oracleQuorum);
        }
        if (c.token == address(0) && !_devnet()) {
            revert DeployTokenRequired(block.chainid);
        }
    }

    /// @dev Token (a TestANKR when none is configured), reward vault, staking implementation and
    ///      proxy, with the deployer as the staking contract's first admin.
    function _deployStaking(Config memory c, Deployment memory d)
        private
        returns (AnkrStaking staking, RewardVault vault)
    {
        d.token = c.token == address(0) ? address(new TestANKR(d.deployer, 10_000_000_000 ether)) : c.token;
        vault = new RewardVault(IERC20(d.token), d.deployer);
        d.vault = address(vault);
        d.implementation = address(new AnkrStaking(IERC20(d.token)));
        uint256 genesis = c.genesisTime == 0 ? block.timestamp : c.genesisTime;
        staking = AnkrStaking(
            address(
                new ERC1967Proxy(
                    d.implementation,
                    abi.encodeCall(
                        AnkrStaking.initialize,
                        (vault, d.deployer, genesis, c.epochLength, Defaults.parameters())
                    )
                )
            )
        );
        d.staking = address(staking);
        vault.setStaking(d.staking);
    }

    /// @dev With `oracleMembers` configured, the oracle committee (owned by the main timelock) settles.
    function _deployCommittee(Config memory c, Deployment memory d) private {
        if (c.oracleMembers.length == 0) return;
        d.oracleCommittee = address(
            new OracleCommittee(IAnkrStaking(d.staking), d.timelock, c.oracleMembers, c.oracleQuorum)
        );
        c.settler = d.oracleCommittee;
    }

    /// @dev Main timelock: the Governor proposes, cancels and executes. Upgrade timelock: the main
    ///      timelock proposes and cancels, anyone executes once the delay has passed.
    function _wireTimelocks(TimelockController timelock, TimelockController upgradeTimelock, address governor)
        private
    {
        timelock.grantRole(timelock.PROPOSER_ROLE(), governor);
        timelock.grantRole(timelock.CANCELLER_ROLE(), governor);
        timelock.grantRole(timelock.EXECUTOR_ROLE(), governor);
        upgradeTimelock.grantRole(upgradeTimelock.PROPOSER_ROLE(), address(timelock));
        upgradeTimelock.grantRole(upgradeTimelock.CANCELLER_ROLE(), address(timelock));
        upgradeTimelock.grantRole(upgradeTimelock.EXECUTOR_ROLE(), address(0));
    }

    /// @dev Role changes can grant the upgrade right, so the role admin is the upgrade timelock.
    function _wireStaking(AnkrStaking staking, Config memory c, Deployment memory d) private {
        staking.grantRole(staking.GOVERNANCE_ROLE(), d.timelock);
        staking.grantRole(staking.UPGRADER_ROLE(), d.upgradeTimelock);
        staking.grantRole(staking.SNAPSHOT_ROLE(), d.governor);
        staking.grantRole(staking.SETTLER_ROLE(), c.settler);
        staking.grantRole(staking.PAUSER_ROLE(), c.guardian);
        staking.grantRole(staking.DEFAULT_ADMIN_ROLE(), d.upgradeTimelock);
    }

    /// @dev Registers keyed providers with their keys and admits them. Returns whether some
    ///      provider has no key (and must register itself before `finalize`).
    function _genesis(AnkrStaking staking, Config memory c, address deployer) private returns (bool keyless) {
        IERC20 token = staking.token();
        for (uint256 i; i < c.providers.length; ++i) {
            GenesisProvider memory p = c.providers[i];
            if (p.privateKey == 0) {
                keyless = true;
                continue;
            }
            if (!_devnet()) revert DeployKeyOutsideLocalChain(p.account);
            vm.broadcast(deployer);
            token.transfer(p.account, p.selfStake);
            vm.startBroadcast(p.privateKey);
            token.approve(address(staking), p.selfStake);
            staking.registerProvider(p.selfStake, p.commissionBps, p.metadataURI);
            vm.stopBroadcast();
            vm.broadcast(deployer);
            staking.admitProvider(p.account);
        }
    }

    /// @dev Every role the deployer was given: the initializer's five on staking (and the role
    ///      admin), the vault admin and both timelocks' admin. GOVERNANCE_ROLE stays only while
    ///      keyless genesis providers wait for `finalize`.
    function _renounce(
        AnkrStaking staking,
        RewardVault vault,
        TimelockController timelock,
        TimelockController upgradeTimelock,
        address deployer,
        bool keepGovernance
    ) private {
        if (!keepGovernance) staking.renounceRole(staking.GOVERNANCE_ROLE(), deployer);
        staking.renounceRole(staking.UPGRADER_ROLE(), deployer);
        staking.renounceRole(staking.SNAPSHOT_ROLE(), deployer);
        staking.renounceRole(staking.SETTLER_ROLE(), deployer);
        staking.renounceRole(staking.PAUSER_ROLE(), deployer);
        staking.renounceRole(staking.DEFAULT_ADMIN_ROLE(), deployer);
        vault.renounceRole(vault.DEFAULT_ADMIN_ROLE(), deployer);
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), deployer);
        upgradeTimelock.renounceRole(upgradeTimelock.DEFAULT_ADMIN_ROLE(), deployer);
    }

    /*//////////////////////////////////////////////////////////////
                                  CONFIG
    //////////////////////////////////////////////////////////////*/

    /// @notice The config from `DEPLOY_CONFIG` (anvil defaults when unset), with env overrides.
    function loadConfig() public view returns (Config memory c) {
        string memory path = vm.envOr("DEPLOY_CONFIG", string(""));
        c = bytes(path).length == 0 ? anvilConfig() : parseConfig(vm.readFile(path));
        c.genesisTime = vm.envOr("GENESIS_TIME", c.genesisTime);
        c.epochLength = vm.envOr("EPOCH_LENGTH", c.epochLength);
        c.settler = vm.envOr("SETTLER", c.settler);
        c.guardian = vm.envOr("GUARDIAN", c.guardian);
    }

    /// @notice Local defaults: a TestANKR, anvil accounts 1-3 as genesis providers, account 8 settles,
    ///         account 9 guards, launch values from Defaults.
    function anvilConfig() public pure returns (Config memory c) {
        c.epochLength = Defaults.EPOCH_LENGTH;
        c.settler = ANVIL_SETTLER;
        c.guardian = ANVIL_GUARDIAN;
        c.timelockDelay = Defaults.TIMELOCK_DELAY;
        c.upgradeDelay = Defaults.UPGRADE_DELAY;
        c.votingDelay = Defaults.VOTING_DELAY;
        c.votingPeriod = Defaults.VOTING_PERIOD;
        c.proposalThreshold = Defaults.PROPOSAL_THRESHOLD;
        c.quorumPercent = Defaults.QUORUM_PERCENT;
        c.providers = new GenesisProvider[](3);
        uint256[3] memory keys = [ANVIL_KEY_1, ANVIL_KEY_2, ANVIL_KEY_3];
        for (uint256 i; i < 3; ++i) {
            c.providers[i] = GenesisProvider({
                account: vm.addr(keys[i]),
                privateKey: keys[i],
                selfStake: 1_000_000 ether,
                commissionBps: uint16(500 * (i + 1)),
                metadataURI: "data:application/json,{}"
            });
        }
    }

    /// @notice Parses the config file (docs/governance.md); absent keys take the anvil defaults.
    function parseConfig(string memory json) public view returns (Config memory c) {
        Config memory d = anvilConfig();
        c.token = vm.parseJsonAddress(json, ".token");
        c.genesisTime = _uint(json, ".genesisTime", 0);
        c.epochLength = _uint(json, ".epochLength", d.epochLength);
        c.settler = vm.keyExistsJson(json, ".settler") ? vm.parseJsonAddress(json, ".settler") : address(0);
        if (vm.keyExistsJson(json, ".oracleMembers")) {
            c.oracleMembers = vm.parseJsonAddressArray(json, ".oracleMembers");
            c.oracleQuorum = _uint(json, ".oracleQuorum", QuorumLib.minQuorum(c.oracleMembers.length));
        }
        c.guardian = vm.parseJsonAddress(json, ".guardian");
        c.timelockDelay = _uint(json, ".timelockDelay", d.timelockDelay);
        c.upgradeDelay = _uint(json, ".upgradeDelay", d.upgradeDelay);
        c.votingDelay = uint48(_uint(json, ".votingDelay", d.votingDelay));
        c.votingPeriod = uint32(_uint(json, ".votingPeriod", d.votingPeriod));
        c.proposalThreshold = _uint(json, ".proposalThreshold", d.proposalThreshold);
        c.quorumPercent = _uint(json, ".quorumPercent", d.quorumPercent);
        uint256 n;
        while (vm.keyExistsJson(json, string.concat(".genesisProviders[", vm.toString(n), "]"))) ++n;
        c.providers = new GenesisProvider[](n);
        for (uint256 i; i < n; ++i) {
            string memory at = string.concat(".genesisProviders[", vm.toString(i), "]");
            c.providers[i] = GenesisProvider({
                account: vm.parseJsonAddress(json, string.concat(at, ".account")),
                privateKey: _uint(json, string.concat(at, ".privateKey"), 0),
                selfStake: _uint(json, string.concat(at, ".selfStake"), 0),
                commissionBps: uint16(_uint(json, string.concat(at, ".commissionBps"), 0)),
                metadataURI: vm.keyExistsJson(json, string.concat(at, ".metadataURI"))
                    ? vm.parseJsonString(json, string.concat(at, ".metadataURI"))
                    : ""
            });
        }
    }

    function _uint(string memory json, string memory key, uint256 fallback_) private view returns (uint256) {
        return vm.keyExistsJson(json, key) ? vm.parseJsonUint(json, key) : fallback_;
    }

    /*//////////////////////////////////////////////////////////////
                                  OUTPUT
    //////////////////////////////////////////////////////////////*/

    function deploymentPath() public view returns (string memory) {
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string("../deployments"));
        return string.concat(dir, "/", vm.toString(block.chainid), ".json");
    }

    /// @notice Writes `deployments/<chainId>.json`, the file every other tool reads addresses from.
    function write(Deployment memory d) public {
        string memory key = "deployment";
        vm.serializeUint(key, "chainId", block.chainid);
        vm.serializeAddress(key, "token", d.token);
        vm.serializeAddress(key, "rewardVault", d.vault);
        vm.serializeAddress(key, "staking", d.staking);
        vm.serializeAddress(key, "stakingImplementation", d.implementation);
        vm.serializeAddress(key, "governor", d.governor);
        vm.serializeAddress(key, "timelock", d.timelock);
        vm.serializeAddress(key, "upgradeTimelock", d.upgradeTimelock);
        if (d.oracleCommittee != address(0)) vm.serializeAddress(key, "oracleCommittee", d.oracleCommittee);
        string memory json = vm.serializeUint(key, "startBlock", d.startBlock);
        vm.writeJson(json, deploymentPath());
    }
}
