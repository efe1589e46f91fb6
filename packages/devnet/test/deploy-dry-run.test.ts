// The dry run of docs/deploy.md: a plain anvil answering as chain id 1 (no fork), an ERC-20 already
// deployed at its own address (standing in for the real ANKR token), and script/Deploy.s.sol run
// with a config naming that token and two keyless genesis providers, exactly as on mainnet. Then
// the providers register themselves, `finalize` admits them, and the verification checklist of
// docs/deploy.md runs as written (`cast call`), plus every role's holders rebuilt from the events.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ankrStakingAbi,
  createStakingClient,
  parseAmount,
  rewardVaultAbi,
  testAnkrAbi,
  timelockControllerAbi,
} from "@ankr-staking/sdk";
import {
  type Abi,
  type Address,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  keccak256,
  toHex,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { foundryBin } from "../../../contracts/bench/foundry.ts";
import { type DevAccount, accounts as devAccounts, ORACLE_QUORUM } from "../src/accounts.ts";
import { type AnvilChain, startAnvil } from "../src/anvil.ts";
import { contractsDir } from "../src/config.ts";
import { freePort } from "../src/ports.ts";
import { Processes } from "../src/processes.ts";

const CHAIN_ID = 1;
const deployer = devAccounts.admin;
/** Holds the token supply, as the market would; funds the providers' self-stake. */
const holder = devAccounts.delegators[11] as DevAccount;
const [providerA, providerB] = devAccounts.delegators as [DevAccount, DevAccount];
const guardian = devAccounts.guardian;
const members = devAccounts.members.map((m) => m.address);

const role = (name: string) => keccak256(toHex(name));
const ROLES = {
  DEFAULT_ADMIN_ROLE: `0x${"00".repeat(32)}` as Hex,
  GOVERNANCE_ROLE: role("GOVERNANCE_ROLE"),
  UPGRADER_ROLE: role("UPGRADER_ROLE"),
  SETTLER_ROLE: role("SETTLER_ROLE"),
  PAUSER_ROLE: role("PAUSER_ROLE"),
  SNAPSHOT_ROLE: role("SNAPSHOT_ROLE"),
  PROPOSER_ROLE: role("PROPOSER_ROLE"),
  EXECUTOR_ROLE: role("EXECUTOR_ROLE"),
  CANCELLER_ROLE: role("CANCELLER_ROLE"),
} as const;

const scratch = (() => {
  mkdirSync(join(contractsDir, "cache"), { recursive: true });
  return mkdtempSync(join(contractsDir, "cache", "deploy-dry-run-"));
})();
const broadcastDir = mkdtempSync(join(tmpdir(), "deploy-dry-run-broadcast-"));
const configFile = join(scratch, "mainnet.json");
const processes = new Processes(() => undefined);
let chain: AnvilChain;
let token: Address;
let deployment: Record<string, string>;

function run(tool: "forge" | "cast", args: string[], env: Record<string, string> = {}): Promise<string> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ["GENESIS_TIME", "EPOCH_LENGTH", "SETTLER", "GUARDIAN", "TEST_TOKEN"])
    delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(foundryBin(tool), args, { cwd: contractsDir, env: childEnv });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("close", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`${tool} ${args[0]}: ${out}`)),
    );
  });
}

const deployScript = (extra: string[]) =>
  run(
    "forge",
    [
      ["script", "script/Deploy.s.sol", "--rpc-url", chain.url, "--broadcast", "--slow"],
      ["--private-key", deployer.privateKey, ...extra],
    ].flat(),
    { DEPLOY_CONFIG: configFile, DEPLOYMENTS_DIR: scratch, FOUNDRY_BROADCAST: broadcastDir },
  );

/** `cast call <to> <sig> [args]` against the dry-run chain, as docs/deploy.md lists them. */
const castCall = (to: string, sig: string, ...args: string[]) =>
  run("cast", ["call", to, sig, ...args, "--rpc-url", chain.url]);

beforeAll(async () => {
  const logDir = mkdtempSync(join(tmpdir(), "deploy-dry-run-logs-"));
  chain = await startAnvil(processes, {
    name: "mainnet-dry-run",
    port: await freePort(),
    chainId: CHAIN_ID,
    logDir,
  });
  // The token: an 18-decimal ERC-20 deployed by someone else before the protocol exists.
  const artifact = JSON.parse(
    readFileSync(join(contractsDir, "out", "TestANKR.sol", "TestANKR.json"), "utf8"),
  ) as { abi: Abi; bytecode: { object: Hex } };
  const wallet = createWalletClient({ account: holder.account, transport: http(chain.url) });
  const reader = createStakingClient({
    deployment: {
      chainId: CHAIN_ID,
      token: zeroAddress,
      rewardVault: zeroAddress,
      staking: zeroAddress,
      stakingImplementation: zeroAddress,
      startBlock: 0n,
    },
    rpcUrl: chain.url,
    pollingInterval: 50,
  });
  const hash = await wallet.deployContract({
    abi: artifact.abi,
    bytecode: artifact.bytecode.object,
    args: [holder.address, parseAmount("10,000,000,000")],
    chain: null,
  });
  token = getAddress(
    (await reader.publicClient.waitForTransactionReceipt({ hash })).contractAddress as Address,
  );
  for (const p of [providerA, providerB]) {
    const tx = await wallet.writeContract({
      address: token,
      abi: testAnkrAbi,
      functionName: "transfer",
      args: [p.address, parseAmount("500,000")],
      chain: null,
    });
    await reader.publicClient.waitForTransactionReceipt({ hash: tx });
  }
  writeFileSync(
    configFile,
    JSON.stringify({
      token,
      genesisTime: 0,
      epochLength: 604_800,
      oracleMembers: members,
      oracleQuorum: ORACLE_QUORUM,
      guardian: guardian.address,
      timelockDelay: 172_800,
      upgradeDelay: 2_592_000,
      votingDelay: 86_400,
      votingPeriod: 432_000,
      proposalThreshold: "100000000000000000000000",
      quorumPercent: 10,
      genesisProviders: [{ account: providerA.address }, { account: providerB.address }],
    }),
  );
  await deployScript([]);
  deployment = JSON.parse(readFileSync(join(scratch, `${CHAIN_ID}.json`), "utf8")) as Record<string, string>;
}, 240_000);

afterAll(async () => {
  await processes.stopAll();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(broadcastDir, { recursive: true, force: true });
  rmSync(join(contractsDir, "cache", "Deploy.s.sol", String(CHAIN_ID)), { recursive: true, force: true });
});

/** Every current holder of every role on `address`, rebuilt from RoleGranted / RoleRevoked. */
async function holders(address: string, abi: Abi): Promise<Map<Hex, Set<Address>>> {
  const client = createStakingClient({
    deployment: {
      chainId: CHAIN_ID,
      token,
      rewardVault: zeroAddress,
      staking: zeroAddress,
      stakingImplementation: zeroAddress,
      startBlock: 0n,
    },
    rpcUrl: chain.url,
  });
  const logs = await client.publicClient.getContractEvents({
    address: address as Address,
    abi,
    fromBlock: 0n,
  });
  const map = new Map<Hex, Set<Address>>();
  for (const log of logs as unknown as { eventName: string; args: { role: Hex; account: Address } }[]) {
    if (log.eventName !== "RoleGranted" && log.eventName !== "RoleRevoked") continue;
    const set = map.get(log.args.role) ?? new Set<Address>();
    if (log.eventName === "RoleGranted") set.add(getAddress(log.args.account));
    else set.delete(getAddress(log.args.account));
    map.set(log.args.role, set);
  }
  return map;
}

const sorted = (set: Set<Address> | undefined) => [...(set ?? [])].sort();

describe("Deploy.s.sol dry run: chain id 1, a token at its own address, keyless genesis providers", () => {
  it("uses the configured token and deploys no token of its own", async () => {
    expect(getAddress(deployment.token as string)).toBe(token);
    expect((await castCall(deployment.staking as string, "token()(address)")).toLowerCase()).toBe(
      token.toLowerCase(),
    );
    expect((await castCall(deployment.rewardVault as string, "token()(address)")).toLowerCase()).toBe(
      token.toLowerCase(),
    );
  });

  it("gives every role to its holder, and the deployer keeps only GOVERNANCE_ROLE until finalize", async () => {
    const d = Object.fromEntries(
      Object.entries(deployment).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]),
    );
    const staking = await holders(d.staking as string, ankrStakingAbi as Abi);
    expect(sorted(staking.get(ROLES.GOVERNANCE_ROLE))).toEqual(
      [getAddress(d.timelock as string), deployer.address].sort(),
    );
    expect(sorted(staking.get(ROLES.UPGRADER_ROLE))).toEqual([getAddress(d.upgradeTimelock as string)]);
    expect(sorted(staking.get(ROLES.DEFAULT_ADMIN_ROLE))).toEqual([getAddress(d.upgradeTimelock as string)]);
    expect(sorted(staking.get(ROLES.SNAPSHOT_ROLE))).toEqual([getAddress(d.governor as string)]);
    expect(sorted(staking.get(ROLES.SETTLER_ROLE))).toEqual([getAddress(d.oracleCommittee as string)]);
    expect(sorted(staking.get(ROLES.PAUSER_ROLE))).toEqual([guardian.address]);
    const vault = await holders(d.rewardVault as string, rewardVaultAbi as Abi);
    expect(sorted(vault.get(ROLES.DEFAULT_ADMIN_ROLE))).toEqual([getAddress(d.timelock as string)]);
    const timelock = await holders(d.timelock as string, timelockControllerAbi as Abi);
    expect(sorted(timelock.get(ROLES.DEFAULT_ADMIN_ROLE))).toEqual([getAddress(d.timelock as string)]);
    for (const r of [ROLES.PROPOSER_ROLE, ROLES.CANCELLER_ROLE, ROLES.EXECUTOR_ROLE])
      expect(sorted(timelock.get(r))).toEqual([getAddress(d.governor as string)]);
    const upgrade = await holders(d.upgradeTimelock as string, timelockControllerAbi as Abi);
    expect(sorted(upgrade.get(ROLES.DEFAULT_ADMIN_ROLE))).toEqual([getAddress(d.upgradeTimelock as string)]);
    for (const r of [ROLES.PROPOSER_ROLE, ROLES.CANCELLER_ROLE])
      expect(sorted(upgrade.get(r))).toEqual([getAddress(d.timelock as string)]);
    expect(sorted(upgrade.get(ROLES.EXECUTOR_ROLE))).toEqual([zeroAddress]);
  });

  it("leaves the genesis providers to register themselves, then finalize admits them and the deployer holds nothing", async () => {
    const staking = deployment.staking as Address;
    for (const [i, p] of [providerA, providerB].entries()) {
      const client = createStakingClient({
        deployment: {
          chainId: CHAIN_ID,
          token,
          rewardVault: deployment.rewardVault as Address,
          staking,
          stakingImplementation: deployment.stakingImplementation as Address,
          startBlock: 0n,
        },
        rpcUrl: chain.url,
        account: privateKeyToAccount(p.privateKey),
        pollingInterval: 50,
      });
      await client.registerProvider({
        selfStake: parseAmount("100,000"),
        commissionBps: 500 + 500 * i,
        metadataURI: "",
      });
    }
    await deployScript(["--sig", "finalize()"]);
    await expectChecklist();
  });
});

/** docs/deploy.md, "Verification checklist", command by command: [command args, expected output]. */
async function expectChecklist(): Promise<void> {
  const d = deployment as Record<string, string>;
  const has = (contract: string, roleName: keyof typeof ROLES, account: string) =>
    castCall(contract, "hasRole(bytes32,address)(bool)", ROLES[roleName], account);
  const checks: [Promise<string>, string][] = [
    [has(d.staking as string, "GOVERNANCE_ROLE", d.timelock as string), "true"],
    [has(d.staking as string, "UPGRADER_ROLE", d.upgradeTimelock as string), "true"],
    [has(d.staking as string, "DEFAULT_ADMIN_ROLE", d.upgradeTimelock as string), "true"],
    [has(d.staking as string, "SNAPSHOT_ROLE", d.governor as string), "true"],
    [has(d.staking as string, "SETTLER_ROLE", d.oracleCommittee as string), "true"],
    [has(d.staking as string, "PAUSER_ROLE", guardian.address), "true"],
    [has(d.rewardVault as string, "DEFAULT_ADMIN_ROLE", d.timelock as string), "true"],
    [has(d.timelock as string, "PROPOSER_ROLE", d.governor as string), "true"],
    [has(d.timelock as string, "EXECUTOR_ROLE", d.governor as string), "true"],
    [has(d.timelock as string, "CANCELLER_ROLE", d.governor as string), "true"],
    [has(d.upgradeTimelock as string, "PROPOSER_ROLE", d.timelock as string), "true"],
    [has(d.upgradeTimelock as string, "EXECUTOR_ROLE", zeroAddress), "true"],
    [castCall(d.governor as string, "timelock()(address)"), getAddress(d.timelock as string)],
    [castCall(d.oracleCommittee as string, "owner()(address)"), getAddress(d.timelock as string)],
    [castCall(d.timelock as string, "getMinDelay()(uint256)"), "172800 [1.728e5]"],
    [castCall(d.upgradeTimelock as string, "getMinDelay()(uint256)"), "2592000 [2.592e6]"],
  ];
  // The deployer: no role anywhere.
  for (const [contract, names] of [
    [
      d.staking,
      [
        "DEFAULT_ADMIN_ROLE",
        "GOVERNANCE_ROLE",
        "UPGRADER_ROLE",
        "SETTLER_ROLE",
        "PAUSER_ROLE",
        "SNAPSHOT_ROLE",
      ],
    ],
    [d.rewardVault, ["DEFAULT_ADMIN_ROLE"]],
    [d.timelock, ["DEFAULT_ADMIN_ROLE", "PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"]],
    [d.upgradeTimelock, ["DEFAULT_ADMIN_ROLE", "PROPOSER_ROLE", "CANCELLER_ROLE"]],
  ] as const) {
    for (const name of names) checks.push([has(contract as string, name, deployer.address), "false"]);
  }
  // The committee: the configured members, in order, and quorum.
  checks.push(
    [castCall(d.oracleCommittee as string, "members()(address[])"), `[${members.join(", ")}]`],
    [castCall(d.oracleCommittee as string, "quorum()(uint256)"), String(ORACLE_QUORUM)],
  );
  const results = await Promise.all(checks.map(([p]) => p));
  expect(results).toEqual(checks.map(([, expected]) => expected));
  // 12. Each genesis provider Active (ProviderStatus: None 0, Pending 1, Active 2, Jailed 3, Exited 4)
  // with the self-stake it registered, as `cast call` decodes the ProviderView tuple.
  for (const p of [providerA, providerB]) {
    const view = await castCall(d.staking as string, PROVIDER_VIEW, p.address);
    const [status, totalStake, selfStake] = view.replace(/^\(/, "").split(", ");
    expect({ status, totalStake, selfStake }).toEqual({
      status: "2",
      totalStake: "100000000000000000000000 [1e23]",
      selfStake: "100000000000000000000000 [1e23]",
    });
  }
}

/** docs/deploy.md item 12: getProvider's ProviderView decoded (status first, metadataURI last). */
const PROVIDER_VIEW = `getProvider(address)((uint8,${"uint256,".repeat(14)}string))`;
