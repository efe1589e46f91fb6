import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

import {
  A,
  ALICE,
  B,
  cli,
  deploymentFile,
  expectWrite,
  increaseTime,
  isolate,
  reader,
} from "../../test/cli.js";

isolate();

const ANKR = 10n ** 18n;

describe("delegator commands", () => {
  test("stake, unstake, redelegate, positions, history, withdraw", async () => {
    const staked = await cli(["stake", A, "5,000", "--json"], { actor: "alice" });
    expect(staked.code).toBe(0);
    const doc = staked.json<{
      status: string;
      function: string;
      hash: string;
      gas: string;
      tokenStep: { kind: string };
    }>();
    expect(doc).toMatchObject({
      status: "success",
      function: "delegateWithPermit",
      tokenStep: { kind: "permit" },
    });
    expect(doc.hash).toMatch(/^0x[0-9a-f]{64}$/);

    const human = await cli(["stake", B, "1,000.5"], { actor: "alice" });
    expect(human.stdout).toMatch(/^staked 1,000.5 ANKR to 0x[0-9a-fA-F]{40} \(permit signed\)\ntx 0x/);

    const unstaked = await cli(["unstake", A, "1,000", "--json"], { actor: "alice" });
    expect(unstaked.json<{ releaseAt: string }>().releaseAt).toMatch(/^\d+$/);
    const moved = expectWrite(
      await cli(["redelegate", A, B, "2,000", "--json"], { actor: "alice" }),
      "redelegate",
      ["Redelegated"],
    );
    expect(moved.events.find((e) => e.event === "Redelegated")?.args).toMatchObject({
      amount: (2_000n * ANKR).toString(),
    });

    const positions = (await cli(["positions", "--json"], { actor: "alice" })).json<{
      account: string;
      totalStake: string;
      positions: { provider: string; stake: string }[];
      unbonding: { pending: string };
    }>();
    expect(positions.account).toBe(ALICE);
    expect(BigInt(positions.totalStake)).toBe(5_000n * ANKR + 10_005n * 10n ** 17n - 1_000n * ANKR);
    expect(positions.unbonding.pending).toBe((1_000n * ANKR).toString());
    const table = await cli(["positions", ALICE]);
    expect(table.stdout).toContain("withdrawable now 0 ANKR");

    const history = (await cli(["history", ALICE, "--json"])).json<{ events: { event: string }[] }>();
    expect(history.events.map((e) => e.event)).toEqual(
      expect.arrayContaining(["Delegated", "Undelegated", "Redelegated"]),
    );

    // Nothing to do is refused like bad input: exit 2, nothing sent.
    const early = await cli(["withdraw"], { actor: "alice" });
    expect(early.code).toBe(2);
    expect(early.stderr).toBe("error: nothing has finished unbonding yet\n");
    await increaseTime(Number((await reader.getParameters()).unbondingPeriod));
    const withdrawn = await cli(["withdraw", "--json"], { actor: "alice" });
    expect(withdrawn.json<{ withdrawn: string }>().withdrawn).toBe((1_000n * ANKR).toString());
  });

  test("--dry-run simulates, prints gas and sends nothing", async () => {
    const before = await reader.publicClient.getTransactionCount({ address: ALICE });
    const dry = await cli(["stake", A, "1,000", "--dry-run"], { actor: "alice" });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^dry run: staked 1,000 ANKR to 0x\w+ would succeed \(delegateWithPermit, gas ~\d+\)/,
    );
    const json = (
      await cli(["stake", A, "1,000", "--dry-run", "--json", "--method", "approve"], { actor: "alice" })
    ).json<{
      status: string;
      function: string;
      gas: string;
      tokenStep: { kind: string; gas: string; callSimulated: boolean };
    }>();
    // The main call is simulated as if the approval were given: its outcome and both gases.
    expect(json).toMatchObject({
      status: "simulated",
      function: "delegate",
      tokenStep: { kind: "approve-needed", callSimulated: true },
    });
    expect(BigInt(json.gas)).toBeGreaterThan(BigInt(json.tokenStep.gas));
    const bad = await cli(["stake", A, "500", "--dry-run", "--method", "approve"], { actor: "alice" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("below the 1,000 ANKR minimum");
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(before);
  });

  test("reverts come back decoded, exit 1, nothing sent", async () => {
    const below = await cli(["stake", A, "500"], { actor: "alice" });
    expect(below.code).toBe(1);
    expect(below.stderr).toBe(
      "error: amount 500 ANKR is below the 1,000 ANKR minimum delegation (what remains must be 0 or at least the minimum)\n",
    );
    const none = await cli(["claim"], { actor: "alice" });
    expect(none).toMatchObject({ code: 2, stderr: "error: there are no rewards to claim\n" });
  });

  test("bad usage: exit 2 with one line", async () => {
    for (const [args, message] of [
      [["stake", A, "abc"], 'error: "abc" is not a valid amount'],
      [["stake", A, "0"], "error: the amount must be greater than zero"],
      [["stake", "0xnope", "1"], 'error: "0xnope" is not a valid provider address'],
      [["unstake", A], "error: missing required argument 'amount'"],
      [["stake", A, "1,000"], "error: no account to sign with"],
    ] as const) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toContain(message);
    }
    const key = await cli(["stake", A, "1,000"], { env: { ANKR_PRIVATE_KEY: "0x1234" } });
    expect(key).toMatchObject({
      code: 2,
      stderr: "error: ANKR_PRIVATE_KEY is not a 32-byte hex private key\n",
    });
  });

  test("RPC down: exit 1 with a plain message, on a read and on a write", async () => {
    const down = await cli(["providers", "--rpc-url", "http://127.0.0.1:9"]);
    expect(down).toMatchObject({
      code: 1,
      stderr: "error: the RPC endpoint http://127.0.0.1:9/ is not reachable\n",
    });
    const write = await cli(["stake", A, "1,000", "--rpc-url", "http://127.0.0.1:9"], { actor: "alice" });
    expect(write).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "error: the RPC endpoint http://127.0.0.1:9/ is not reachable\n",
    });
  });

  test("an unknown provider on a write: exit 2, nothing sent", async () => {
    const stranger = "0x000000000000000000000000000000000000dEaD";
    for (const args of [
      ["stake", stranger, "1,000"],
      ["stake", stranger, "1,000", "--method", "approve", "--json"],
      ["redelegate", A, stranger, "1,000"],
    ]) {
      const result = await cli(args, { actor: "alice" });
      expect(result, args.join(" ")).toMatchObject({
        code: 2,
        stdout: "",
        stderr: `error: unknown provider ${stranger}\n`,
      });
    }
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(0);
  });

  test("--deployment: a file or a chain id; a bad one is exit 2 with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-deployments-"));
    const chainId = await reader.publicClient.getChainId();
    writeFileSync(join(dir, `${chainId}.json`), readFileSync(deploymentFile));
    const noEnv = { ANKR_DEPLOYMENT: "", ANKR_DEPLOYMENTS_DIR: dir };
    const byFile = await cli(["--deployment", deploymentFile, "providers", "--json"], {
      env: { ANKR_DEPLOYMENT: "" },
    });
    expect(byFile.json<unknown[]>()).toHaveLength(2);
    const byId = await cli(["--deployment", String(chainId), "providers", "--json"], { env: noEnv });
    expect(byId.json<unknown[]>()).toHaveLength(2);
    // Without --deployment or ANKR_DEPLOYMENT, the chain id the RPC reports picks the file.
    expect((await cli(["providers", "--json"], { env: noEnv })).json<unknown[]>()).toHaveLength(2);

    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    const missingKey = join(dir, "partial.json");
    writeFileSync(missingKey, JSON.stringify({ chainId, token: A }));
    for (const [args, message] of [
      [["--deployment", broken, "stake", A, "1,000"], /^error: .*broken\.json.*: /],
      [
        ["--deployment", missingKey, "stake", A, "1,000"],
        /^error: .*partial\.json.*rewardVault must be an address/,
      ],
      [["--deployment", join(dir, "absent.json"), "providers"], /^error: .*absent\.json/],
      [["--deployment", "999", "providers"], /^error: .*999/],
    ] as const) {
      const result = await cli(args, { actor: "alice", env: noEnv });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(message);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
    const otherChain = join(dir, "other.json");
    writeFileSync(
      otherChain,
      JSON.stringify({ ...JSON.parse(readFileSync(deploymentFile, "utf8")), chainId: 1 }),
    );
    const mismatch = await cli(["--deployment", otherChain, "providers"], { env: noEnv });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/^error: .*chain 1.*/);
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(0);
  });
  test("an RPC endpoint off this machine does not choose the deployment by the chain id it reports", async () => {
    const remote = "http://rpc.example.invalid:8545";
    const noEnv = { ANKR_DEPLOYMENT: "" };
    const refusal =
      "error: name the deployment with --deployment <chainId|file> (or ANKR_DEPLOYMENT): http://rpc.example.invalid:8545 is not on this machine, and the chain id it reports is not trusted to pick one\n";
    for (const args of [["providers"], ["stake", A, "1,000"], ["positions", ALICE, "--json"]]) {
      const refused = await cli(["--rpc-url", remote, ...args], { actor: "alice", env: noEnv });
      expect(refused, args.join(" ")).toEqual({
        code: 2,
        stdout: "",
        stderr: refusal,
        json: expect.any(Function),
      });
    }
    // Named, the endpoint is asked (here it does not resolve) and its chain id must then match.
    const named = await cli(["--rpc-url", remote, "--deployment", deploymentFile, "providers"], {
      env: noEnv,
    });
    expect(named).toMatchObject({
      code: 1,
      stderr: "error: the RPC endpoint http://rpc.example.invalid:8545/ is not reachable\n",
    });
    const byEnv = await cli(["--rpc-url", remote, "providers"], { env: { ANKR_DEPLOYMENT: deploymentFile } });
    expect(byEnv.code).toBe(1);
    // On this machine (a devnet, your own node) the reported chain id still picks the file.
    const dir = mkdtempSync(join(tmpdir(), "cli-deployments-"));
    writeFileSync(join(dir, `${await reader.publicClient.getChainId()}.json`), readFileSync(deploymentFile));
    const local = await cli(["providers", "--json"], { env: { ...noEnv, ANKR_DEPLOYMENTS_DIR: dir } });
    expect(local.json<unknown[]>()).toHaveLength(2);
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(0);
  });
  test("--method permit against a node whose clock runs far ahead: exit 1, nothing signed or sent", async () => {
    await increaseTime(86_400);
    const refused = await cli(["stake", A, "1,000", "--method", "permit"], { actor: "alice" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: the RPC endpoint's latest block is 86,\d{3} s ahead of this machine's clock \(at most 3,600 s allowed\): .*, or use an approval\n$/,
    );
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(0);
    // The default (auto) approves exactly the amount instead.
    const staked = await cli(["stake", A, "1,000", "--json"], { actor: "alice" });
    expect(staked.json<{ function: string; tokenStep: { kind: string } }>()).toMatchObject({
      function: "delegate",
      tokenStep: { kind: "approve" },
    });
  });
});
