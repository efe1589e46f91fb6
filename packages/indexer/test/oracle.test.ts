// The oracle committee end to end: a committee deployed apart (script/DeployOracle.s.sol, which
// writes <chainId>.oracle.json beside the deployment file) on a devnet of its own, granted
// SETTLER_ROLE by the role admin, members reporting through the SDK until a quorum settles an
// epoch, a late report ignored, a member removed and the quorum changed. The real indexer's
// committee tables (GraphQL) and /v1/epochs must match the committee's own logs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { StakingClient } from "@ankr-staking/sdk";
import { ankrStakingAbi, oracleCommitteeAbi } from "@ankr-staking/sdk";
import { type Address, encodeFunctionData, getAddress, keccak256, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runFoundry } from "../../../contracts/bench/foundry.ts";
import {
  type Actor,
  address,
  clientFor,
  contractsDir,
  type Devnet,
  keys,
  startDevnet,
} from "../../sdk/test/devnet.ts";
import { indexedDeployment } from "../src/deployment.ts";
import { type Indexer, startIndexer } from "./ponder.ts";

type Member = { address: string; slot: number; active: boolean; reports: number };
type Report = {
  epoch: string;
  member: string;
  ignored: boolean;
  validReports: number | null;
  txHash: string;
};
type Epoch = { epoch: number; reports: number | null };

// Four members at quorum three (the committee refuses fewer than three reports from 3 members on).
const members = (["admin", "guardian", "settler", "carol"] as const).map((actor) => ({
  actor,
  address: address(actor),
}));
const [first, second, third, fourth] = members as [
  (typeof members)[number],
  (typeof members)[number],
  (typeof members)[number],
  (typeof members)[number],
];

/** A chain of its own: the shared one is over 10,000 blocks long by now, which a fresh indexer
 * takes minutes to catch up with on a loaded machine. */
let devnet: Devnet;
let reader: StakingClient;
const client = (actor?: Actor) => clientFor(devnet.rpcUrl, devnet.deployment, actor);
const rpc = <T>(method: string, params: unknown[] = []) =>
  reader.publicClient.request({ method, params } as never) as Promise<T>;
async function increaseTime(seconds: bigint) {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}
let committee: Address;
let settledEpoch: bigint;
let indexer: Indexer & { pgliteDir: string };
/** The chain head the indexer has reached, after the setup's last transaction. */
let head: bigint;
/** The removal of the fourth member, which also moves the quorum from 4 back to 3. */
let removalTx: string;

/** A client acting for `actor` that knows the committee (the deployment file itself names none). */
const member = (actor: (typeof members)[number]["actor"]) =>
  clientFor(devnet.rpcUrl, { ...devnet.deployment, oracleCommittee: committee }, actor);

async function asAccount(account: Address, send: () => Promise<`0x${string}`>) {
  await rpc("anvil_impersonateAccount", [account]);
  await rpc("anvil_setBalance", [account, "0x56bc75e2d63100000"]);
  try {
    const hash = await send();
    const receipt = await reader.publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe("success");
  } finally {
    await rpc("anvil_stopImpersonatingAccount", [account]);
  }
}

async function ownerWrite(
  functionName: "removeMember" | "setQuorum",
  args: readonly [Address] | readonly [bigint],
) {
  const wallet = client("admin").walletClient;
  if (!wallet) throw new Error("the admin client has no wallet");
  const hash = await wallet.writeContract({
    address: committee,
    abi: oracleCommitteeAbi,
    functionName,
    args,
  } as never);
  const receipt = await reader.publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return hash;
}

const graphql = async <T>(query: string) => {
  const { status, body } = await indexer.get<{ data: T; errors?: unknown[] }>("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data;
};

beforeAll(async () => {
  devnet = await startDevnet(31_349);
  reader = client();
  const broadcast = mkdtempSync(join(tmpdir(), "indexer-oracle-broadcast-"));
  try {
    await runFoundry(
      "forge",
      [
        "script",
        "script/DeployOracle.s.sol",
        "--rpc-url",
        devnet.rpcUrl,
        "--broadcast",
        "--private-key",
        keys.admin,
      ],
      {
        cwd: contractsDir,
        env: {
          STAKING: devnet.deployment.staking,
          MEMBERS: members.map((m) => m.address).join(","),
          QUORUM: "3",
          OWNER: first.address,
          DEPLOYMENTS_DIR: dirname(devnet.deploymentFile),
          FOUNDRY_BROADCAST: broadcast,
        },
      },
    );
  } finally {
    rmSync(broadcast, { recursive: true, force: true });
  }
  // The indexer finds the committee the same way.
  committee = indexedDeployment({ INDEXER_DEPLOYMENT: devnet.deploymentFile }).oracleCommittee;
  expect(BigInt(committee)).not.toBe(0n);
  // The deployer holds no role any more; the role admin (the upgrade timelock) grants the committee
  // SETTLER_ROLE, as a proposal through both timelocks would.
  const admin = devnet.deployment.upgradeTimelock as Address;
  const settlerRole = keccak256(toHex("SETTLER_ROLE"));
  await asAccount(admin, () =>
    reader.publicClient.request({
      method: "eth_sendTransaction",
      params: [
        {
          from: admin,
          to: devnet.deployment.staking,
          data: encodeFunctionData({
            abi: ankrStakingAbi,
            functionName: "grantRole",
            args: [settlerRole, committee],
          }),
        },
      ],
    } as never),
  );

  const { nextSettleableAt, nextEpochToSettle } = await reader.getEpoch();
  const now = (await reader.publicClient.getBlock()).timestamp;
  if (nextSettleableAt > now) await increaseTime(nextSettleableAt - now + 1n);
  settledEpoch = nextEpochToSettle;
  const providerA = address("providerA");
  const one = await member(first.actor).submitReport({
    defaultScoreBps: 9_000,
    scores: { [providerA]: 7_000 },
  });
  expect(one.settled).toBe(false);
  const two = await member(second.actor).submitReport({
    defaultScoreBps: 9_500,
    scores: { [providerA]: 8_000 },
  });
  expect(two.settled).toBe(false);
  const three = await member(third.actor).submitReport({
    defaultScoreBps: 9_250,
    scores: { [providerA]: 7_500 },
  });
  expect(three.settled).toBe(true);
  // After the quorum: recorded as ignored, without reverting.
  await member(fourth.actor).submitReport({ epoch: settledEpoch, defaultScoreBps: 0 });
  // Governance asks for every report, then removes the fourth member: the quorum drops back to 3.
  await ownerWrite("setQuorum", [4n]);
  removalTx = await ownerWrite("removeMember", [fourth.address]);

  indexer = await startIndexer({ rpcUrl: devnet.rpcUrl, deploymentFile: devnet.deploymentFile });
  head = await reader.publicClient.getBlockNumber({ cacheTime: 0 });
  await indexer.until<{ indexedBlock: number }>("/v1/health", (h) => BigInt(h.indexedBlock) >= head, 120_000);
});

afterAll(async () => {
  await indexer?.stop();
  await devnet?.stop();
});

describe("oracle committee", () => {
  test("members, reports and the settlement equal the committee's logs", async () => {
    const logs = await reader.publicClient.getContractEvents({
      address: committee,
      abi: oracleCommitteeAbi,
      fromBlock: 0n,
      toBlock: head,
    });
    const named = (name: string) => logs.filter((l) => l.eventName === name);
    expect(named("ReportSubmitted")).toHaveLength(3);
    expect(named("ReportIgnored")).toHaveLength(1);
    expect(named("CommitteeSettled")).toHaveLength(1);

    const data = await graphql<{ oracleMembers: { items: Member[] }; oracleReports: { items: Report[] } }>(
      "{ oracleMembers { items { address slot active reports } } oracleReports(limit: 100) { items { epoch member ignored validReports txHash } } }",
    );
    const byMember = new Map(data.oracleMembers.items.map((m) => [getAddress(m.address), m]));
    expect(byMember.size).toBe(4);
    expect(byMember.get(first.address)).toMatchObject({ active: true, reports: 1 });
    expect(byMember.get(second.address)).toMatchObject({ active: true, reports: 1 });
    expect(byMember.get(third.address)).toMatchObject({ active: true, reports: 1 });
    // The late report is kept as ignored and not counted; the member is then removed.
    expect(byMember.get(fourth.address)).toMatchObject({ active: false, reports: 0 });

    const reports = data.oracleReports.items.filter((r) => BigInt(r.epoch) === settledEpoch);
    expect(reports).toHaveLength(4);
    const of = (m: Address) => reports.find((r) => getAddress(r.member) === m);
    expect(of(first.address)).toMatchObject({ ignored: false, validReports: 1 });
    expect(of(second.address)).toMatchObject({ ignored: false, validReports: 2 });
    expect(of(third.address)).toMatchObject({ ignored: false, validReports: 3 });
    expect(of(fourth.address)).toMatchObject({ ignored: true, validReports: null });
    const txOf = (name: string, m: Address) =>
      logs.find((l) => l.eventName === name && getAddress((l.args as { member: Address }).member) === m)
        ?.transactionHash;
    expect(of(first.address)?.txHash).toBe(txOf("ReportSubmitted", first.address));
    expect(of(fourth.address)?.txHash).toBe(txOf("ReportIgnored", fourth.address));
  });

  test("the epoch the committee settled carries its report count and the median scores", async () => {
    const { body } = await indexer.get<{ items: Epoch[] }>("/v1/epochs?limit=100");
    const row = body.items.find((e) => BigInt(e.epoch) === settledEpoch);
    expect(row?.reports).toBe(3);
    // The median of three reports is the middle one: 7,500 of 7,000 / 8,000 / 7,500 for A, 9,250 of
    // 9,000 / 9,500 / 9,250 for B.
    const settled = await reader.publicClient.getContractEvents({
      address: devnet.deployment.staking,
      abi: ankrStakingAbi,
      eventName: "ProvidersSettled",
      fromBlock: 0n,
    });
    const last = settled.find((l) => l.args.epoch === settledEpoch);
    expect(last).toBeDefined();
    const scores = new Map(
      (last?.args.settlements ?? []).map((s) => [getAddress(s.provider), Number(s.scoreBps)]),
    );
    expect(scores.get(address("providerA"))).toBe(7_500);
    expect(scores.get(address("providerB"))).toBe(9_250);
    const { body: provider } = await indexer.get<{ history: { epoch: number; scoreBps: number }[] }>(
      `/v1/providers/${address("providerA")}`,
    );
    expect(provider.history.find((h) => BigInt(h.epoch) === settledEpoch)?.scoreBps).toBe(7_500);
  });

  test("QuorumSet and the member's removal leave an admin trace", async () => {
    const data = await graphql<{
      adminEvents: {
        items: { contract: string; name: string; args: Record<string, string>; txHash: string }[];
      };
    }>("{ adminEvents(limit: 1000) { items { contract name args txHash } } }");
    const quorum = data.adminEvents.items.filter(
      (e) => e.contract === "OracleCommittee" && e.name === "QuorumSet",
    );
    // Set to 4, then back to 3 by the removal (the committee moves it, with the same event).
    expect(quorum.map((e) => Object.values(e.args))).toContainEqual(["4"]);
    const moved = quorum.filter((e) => e.txHash === removalTx);
    expect(moved.map((e) => Object.values(e.args))).toEqual([["3"]]);
  });
});
