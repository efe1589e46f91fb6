// `npm run --silent bench:indexer`: builds a chain of at least EVENTS (default 100,000) protocol
// events on anvil (bulk blocks of impersonated transactions, the gas bench's Devnet helper), has
// the real indexer (`ponder start`, PGlite) catch up from scratch and measures events/second, then
// loads the API with autocannon at fixed rates and measures latency percentiles per endpoint.
// Prints one JSON object on stdout; progress goes to stderr.

import { writeFileSync } from "node:fs";
import { ankrStakingAbi, testAnkrAbi } from "@ankr-staking/sdk";
import autocannon from "autocannon";
import { type Address, encodeFunctionData, maxUint256, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { Devnet } from "../../../contracts/bench/devnet.ts";
import { address, startDevnet } from "../../sdk/test/devnet.ts";
import { startIndexer } from "../test/ponder.ts";

const log = (message: string) => process.stderr.write(`[bench:indexer] ${message}\n`);
const EVENTS = Number(process.env.EVENTS ?? 100_000);
const DELEGATORS = Number(process.env.DELEGATORS ?? 500);
const RATES = (process.env.RATES ?? "100,500,1000").split(",").map(Number);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const WARMUP = Number(process.env.WARMUP_SECONDS ?? 2);

const devnet = await startDevnet(31_353);
const { deployment, anvil } = devnet;
const chain = new Devnet(anvil.rpc, 31_353);
let indexer: Awaited<ReturnType<typeof startIndexer>> | undefined;
try {
  await chain.takeControl();
  const admin = privateKeyToAccount(
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  ).address;
  const delegators = Array.from(
    { length: DELEGATORS },
    (_, i) => `0x${(0xbe00000000n + BigInt(i)).toString(16).padStart(40, "0")}` as Address,
  );
  const providers = [address("providerA"), address("providerB")];
  const rounds = Math.ceil(EVENTS / (2 * DELEGATORS));
  const unit = parseEther("1000");
  const started = Date.now();
  let time = Math.floor(Date.now() / 1000) + 10;
  await chain.setBalances(delegators, parseEther("100"));
  const gas = 400_000n;
  time =
    (await chain.bulk(
      time,
      delegators.flatMap((d) => [
        {
          from: admin,
          to: deployment.token,
          data: encodeFunctionData({
            abi: testAnkrAbi,
            functionName: "transfer",
            args: [d, unit * BigInt(rounds)],
          }),
          gas,
        },
        {
          from: d,
          to: deployment.token,
          data: encodeFunctionData({
            abi: testAnkrAbi,
            functionName: "approve",
            args: [deployment.staking, maxUint256],
          }),
          gas,
        },
      ]),
    )) + 1;
  // Each round: every delegator delegates 1,000 ANKR to a provider and undelegates it again (two
  // events), so the pools stay within their capacity and the queues merge once full.
  for (let round = 0; round < rounds; round++) {
    const txs = delegators.flatMap((d, i) => {
      const provider = providers[(i + round) % providers.length] as Address;
      return [
        {
          from: d,
          to: deployment.staking,
          data: encodeFunctionData({ abi: ankrStakingAbi, functionName: "delegate", args: [provider, unit] }),
          gas,
        },
        {
          from: d,
          to: deployment.staking,
          data: encodeFunctionData({
            abi: ankrStakingAbi,
            functionName: "undelegate",
            args: [provider, unit],
          }),
          gas,
        },
      ];
    });
    time = (await chain.bulk(time, txs)) + 1;
    if (round % 10 === 0) log(`round ${round + 1}/${rounds}`);
  }
  // Past Ponder's finality depth (30 blocks on anvil), so all of it is historical.
  await anvil.rpc.call("anvil_mine", ["0x40"]);
  await anvil.rpc.call("evm_setAutomine", [true]);
  const head = BigInt(await anvil.rpc.call<string>("eth_blockNumber"));
  const events = rounds * DELEGATORS * 2;
  log(
    `chain built: ${events} delegate/undelegate events, head ${head}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );

  const spawnedAt = Date.now();
  indexer = await startIndexer({
    rpcUrl: anvil.url,
    deploymentFile: devnet.deploymentFile,
    timeoutMs: 1_800_000,
    // Ponder's own eth_getLogs range unless one is given: it issues requests per range (one per
    // contract, one per event type before scripts/patch-dependencies.mjs), so a small fixed range (5
    // blocks) multiplied the requests by the range count and made the fetch the bottleneck.
    env: process.env.PONDER_GETLOGS_BLOCK_RANGE
      ? { PONDER_GETLOGS_BLOCK_RANGE: process.env.PONDER_GETLOGS_BLOCK_RANGE }
      : {},
  });
  await indexer.until<{ indexedBlock: number }>(
    "/v1/health",
    (h) => BigInt(h.indexedBlock) >= head,
    1_800_000,
  );
  const catchUpSeconds = (Date.now() - spawnedAt) / 1000;
  log(`caught up in ${catchUpSeconds.toFixed(1)} s`);
  // Ponder's own durations (JSON log lines) split the catch-up: start-up (build, database), the
  // RPC fetch, and the backfill as a whole (fetch and indexing overlap).
  const logged = (msg: string) => {
    for (const line of indexer?.output().split("\n") ?? []) {
      if (!line.includes(msg)) continue;
      try {
        return Number((JSON.parse(line) as { duration?: number }).duration) / 1000;
      } catch {}
    }
    return null;
  };
  const fetchSeconds = logged("Finished fetching backfill JSON-RPC data");
  const backfillSeconds = logged("Completed backfill indexing");
  log(`backfill ${backfillSeconds} s (RPC fetch ${fetchSeconds} s)`);
  if (process.env.BENCH_INDEXER_LOG) writeFileSync(process.env.BENCH_INDEXER_LOG, indexer.output());

  const endpoints = {
    providers: "/v1/providers",
    provider: `/v1/providers/${providers[0]}`,
    delegator: `/v1/delegators/${delegators[0]}`,
  };
  const table: {
    endpoint: string;
    rps: number;
    achievedRps: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
  }[] = [];
  for (const [name, path] of Object.entries(endpoints)) {
    // Unmeasured warm-up: the first requests after catch-up meet the indexer's own post-backfill
    // work (index creation, live sync start, JIT, the first cache fill); the goal is steady state.
    if (WARMUP > 0)
      await autocannon({ url: `${indexer.url}${path}`, connections: 10, overallRate: 100, duration: WARMUP });
    for (const rate of RATES) {
      const latencies: number[] = [];
      const instance = autocannon({
        url: `${indexer.url}${path}`,
        connections: Math.max(10, Math.ceil(rate / 20)),
        overallRate: rate,
        duration: SECONDS,
        timeout: 10,
      });
      instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) =>
        latencies.push(ms),
      );
      const result = await instance;
      latencies.sort((a, b) => a - b);
      const at = (q: number) =>
        Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
      table.push({
        endpoint: name,
        rps: rate,
        achievedRps: Math.round(result.requests.total / SECONDS),
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        errors: result.errors + result.non2xx + result.timeouts,
      });
      log(`${name} @ ${rate}/s: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`);
    }
  }
  const worst = (rps: number, key: "p50" | "p95" | "p99") =>
    Math.max(...table.filter((r) => r.rps === rps).map((r) => r[key]));
  console.log(
    JSON.stringify(
      {
        events,
        blocks: Number(head),
        catchUpSeconds,
        eventsPerSecond: Math.round(events / catchUpSeconds),
        backfillSeconds,
        eventsPerSecondBackfill: backfillSeconds ? Math.round(events / backfillSeconds) : null,
        fetchSeconds,
        p50MsAt500rps: RATES.includes(500) ? worst(500, "p50") : null,
        p95MsAt500rps: RATES.includes(500) ? worst(500, "p95") : null,
        p99MsAt500rps: RATES.includes(500) ? worst(500, "p99") : null,
        table,
      },
      null,
      2,
    ),
  );
} finally {
  await indexer?.stop();
  await devnet.stop();
}
