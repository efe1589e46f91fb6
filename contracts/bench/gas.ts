// Gas benchmark: what a user pays (receipt gasUsed on anvil, one transaction per block) for each
// staking operation, with 1, 100 and 10,000 delegators at the provider and 1 or 100 epochs settled
// since the user's last action, plus settleEpoch's cost per scored provider, and the oracle
// committee's submitReport (a report that does not complete the quorum) and settleByCommittee (the
// report that completes it and settles) for 10 and 100 providers.
//
//   npm run --silent bench:gas    JSON on stdout, progress on stderr, rewrites snapshots/gas.json
//   BENCH_GAS_CHECK=1 ...         also exit 1 when a budget is exceeded or a figure grows
//   BENCH_GAS_BREAKDOWN=1 ...     also explain on stderr where each operation's gas goes (slower)
// (or `--check` / `--breakdown` after `--` when running this workspace's script directly.)
//
// Every scenario starts from the same evm_snapshot of a chain where the providers and their background
// delegators already exist, so each measured provider has exactly the stated number of delegators.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Abi, type Address, type Hex, keccak256, parseAbi, stringToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { type Anvil, startAnvil } from "./anvil.ts";
import { breakdown } from "./breakdown.ts";
import { build, type Deployment, deploy, deployOracle, loadAbi } from "./deploy.ts";
import { call, Devnet, type Tx } from "./devnet.ts";
import { foundryVersion } from "./foundry.ts";
import { type Figures, growth, worstCases, writeSnapshot } from "./report.ts";
import {
  ADMIN_KEY,
  DELEGATOR_COUNTS as ALL_DELEGATOR_COUNTS,
  ANVIL_GENESIS_TIME,
  BACKGROUND_STAKE,
  BUDGETS,
  CHAIN_ID,
  CHECKPOINT_BUDGETS,
  COMMITTEE_PROVIDER_COUNTS,
  COMMITTEE_QUORUM,
  committeeMembers,
  EPOCH_COUNTS,
  GENESIS_TIME,
  GOVERNANCE_OPERATIONS,
  type GovernanceOperation,
  HARDFORK,
  LAST_ACTION,
  labelAccount,
  labelAddress,
  OPERATIONS,
  PARTIAL,
  PROPOSE_POOL_COUNTS,
  PROVIDER_COMMISSION_BPS,
  PROVIDER_SELF_STAKE,
  SETTLEMENT_PROVIDER_COUNTS,
  SETTLEMENT_SCORE_BPS,
  SETTLER_KEY,
  STAKING_STORAGE_SLOT,
  scenarioName,
  USER_FUNDS,
  USER_STAKE,
  type UserOperation,
  VAULT_FUNDING,
} from "./scenarios.ts";

const contractsDir = fileURLToPath(new URL("..", import.meta.url));
const snapshotPath = fileURLToPath(new URL("../snapshots/gas.json", import.meta.url));
const started = Date.now();
const flag = (name: string) =>
  process.argv.includes(`--${name}`) ||
  !["", "0", "false"].includes(process.env[`BENCH_GAS_${name.toUpperCase()}`] ?? "");
/**
 * Explain one measurement of each operation on stderr. anvil then records every opcode of every
 * transaction, which the 10,000-delegator setup cannot afford: this diagnostic mode measures up to
 * 100 delegators (figures do not depend on it) and leaves the snapshot alone.
 */
const explain = flag("breakdown");
const DELEGATOR_COUNTS: readonly number[] = explain
  ? ALL_DELEGATOR_COUNTS.filter((n) => n <= 100)
  : ALL_DELEGATOR_COUNTS;
const log = (message: string) =>
  process.stderr.write(`[bench:gas ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

const MAX_UINT256 = 2n ** 256n - 1n;
const ONE_ETHER = 10n ** 18n;
/** Seconds between blocks we mine back to back. */
const BLOCK = 12;

interface Context {
  net: Devnet;
  d: Deployment;
  staking: Abi;
  token: Abi;
  admin: Address;
  /** Holds SETTLER_ROLE (the deployer renounced every role). */
  settler: Address;
  epochLength: number;
}

/** Providers in the strictly increasing order settlements take. */
const sortAddresses = (providers: readonly Address[]): Address[] =>
  [...providers].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));

/** settleEpoch(`epoch`) by the settler, every provider with the same score. */
function settleTx(ctx: Context, epoch: number, providers: readonly Address[]): Tx {
  const sorted = sortAddresses(providers);
  const scores = sorted.map(() => SETTLEMENT_SCORE_BPS);
  return {
    from: ctx.settler,
    to: ctx.d.staking,
    data: call(ctx.staking, "settleEpoch", [BigInt(epoch), sorted, scores]),
    gas: 16_000_000n, // under the EIP-7825 (Osaka) transaction gas cap
  };
}

async function explainLast(ctx: Context, title: string): Promise<void> {
  if (ctx.net.lastMeasured) log(`${title}: ${await breakdown(ctx.net.rpc, ctx.net.lastMeasured)}`);
}

/** Setup transactions: `amount` of ANKR to `account`, which approves the staking contract for max. */
function fundTxs(ctx: Context, account: Address, amount: bigint): Tx[] {
  const { d, token, admin } = ctx;
  return [
    { from: admin, to: d.token, data: call(token, "transfer", [account, amount]), gas: 100_000n },
    { from: account, to: d.token, data: call(token, "approve", [d.staking, MAX_UINT256]), gas: 100_000n },
  ];
}

/**
 * The governance operations, each measured once: two providers (one votes, one stays out), a
 * delegator at the voting provider, a third provider waiting for admission. The provider votes
 * first, then the delegator overrides it (the costlier order: the provider's tally is reduced).
 */
async function measureGovernance(
  ctx: Context,
  base: Hex,
  governorAbi: Abi,
): Promise<{ snap: Hex; figures: Record<GovernanceOperation, Record<string, number>> }> {
  const { net, d, staking } = ctx;
  const snap = await net.restore(base);
  const voter = labelAccount("gov/provider");
  const other = labelAccount("gov/provider-2");
  const candidate = labelAddress("gov/candidate");
  const delegator = labelAccount("gov/delegator");
  let t = await addProviders(ctx, GENESIS_TIME + 10, [voter.address, other.address]);
  await net.setBalances([candidate, delegator.address], 10n * ONE_ETHER);
  t = await net.bulk(t + BLOCK, [
    ...fundTxs(ctx, candidate, PROVIDER_SELF_STAKE),
    ...fundTxs(ctx, delegator.address, USER_FUNDS),
  ]);
  t = await net.bulk(t + BLOCK, [
    {
      from: candidate,
      to: d.staking,
      data: call(staking, "registerProvider", [PROVIDER_SELF_STAKE, PROVIDER_COMMISSION_BPS, "data:,"]),
      gas: 1_000_000n,
    },
    {
      from: delegator.address,
      to: d.staking,
      data: call(staking, "delegate", [voter.address, USER_STAKE]),
      gas: 1_000_000n,
    },
  ]);
  const targets = [d.staking];
  const values = [0n];
  const calldatas = [call(staking, "admitProvider", [candidate])];
  const description = "Admit the candidate";
  const descriptionHash = keccak256(stringToHex(description));
  const g = d.governor;
  t += BLOCK;
  const propose = await net.measure(
    t,
    voter,
    g,
    call(governorAbi, "propose", [targets, values, calldatas, description]),
  );
  const id = await net.read<bigint>(governorAbi, g, "hashProposal", [
    targets,
    values,
    calldatas,
    descriptionHash,
  ]);
  const snapshot = Number(await net.read<bigint>(governorAbi, g, "proposalSnapshot", [id]));
  const deadline = Number(await net.read<bigint>(governorAbi, g, "proposalDeadline", [id]));
  t = snapshot + 1;
  const castVote = await net.measure(t, voter, g, call(governorAbi, "castVote", [id, 1]));
  t += BLOCK;
  const castVoteOverride = await net.measure(
    t,
    delegator,
    g,
    call(governorAbi, "castVoteOverride", [id, 0, [voter.address]]),
  );
  t = deadline + 1;
  const queue = await net.measure(
    t,
    delegator,
    g,
    call(governorAbi, "queue", [targets, values, calldatas, descriptionHash]),
  );
  const timelockAbi = parseAbi(["function getMinDelay() view returns (uint256)"]);
  t += Number(await net.read<bigint>(timelockAbi, d.timelock, "getMinDelay")) + 1;
  const execute = await net.measure(
    t,
    delegator,
    g,
    call(governorAbi, "execute", [targets, values, calldatas, descriptionHash]),
  );
  // A proposal's new snapshot prepares the history entry of every pool that may still change
  // (VotesLib.PREPARED): propose grows with registered providers, up to the 256 the contract takes.
  const proposeByPools: Record<string, number> = {
    [`admitProvider/pools=${await votingPools(ctx)}`]: propose,
  };
  for (const pools of PROPOSE_POOL_COUNTS) {
    const have = await votingPools(ctx);
    const more = Array.from({ length: pools - have }, (_, i) => labelAddress(`gov/pool-${have + i}`));
    await net.setBalances(more, 10n * ONE_ETHER);
    t = await net.bulk(
      t + BLOCK,
      more.flatMap((p) => fundTxs(ctx, p, PROVIDER_SELF_STAKE)),
    );
    t = await net.bulk(
      t + BLOCK,
      more.map((p) => ({
        from: p,
        to: d.staking,
        data: call(staking, "registerProvider", [PROVIDER_SELF_STAKE, PROVIDER_COMMISSION_BPS, "data:,"]),
        gas: 1_000_000n,
      })),
    );
    // In a later grid cell than the previous proposal, so it registers a snapshot of its own.
    t += Number(await net.read<bigint>(governorAbi, g, "snapshotGrid"));
    const gas = await net.measure(
      t,
      voter,
      g,
      call(governorAbi, "propose", [targets, values, calldatas, `${description} (${pools} pools)`]),
      10_000_000n,
    );
    proposeByPools[`admitProvider/pools=${await votingPools(ctx)}`] = gas;
  }
  log(
    `governance: propose ${JSON.stringify(proposeByPools)}, castVote ${castVote}, castVoteOverride ${castVoteOverride}, queue ${queue}, execute ${execute}`,
  );
  return {
    snap,
    figures: {
      propose: proposeByPools,
      castVote: { provider: castVote },
      castVoteOverride: { "delegator/1provider/afterProviderVoted": castVoteOverride },
      queue: { admitProvider: queue },
      execute: { admitProvider: execute },
    },
  };
}

/** `Layout.votingPools`' slot, from the checked-in storage layout (snapshots/storage-layout.json). */
const VOTING_POOLS_SLOT = (() => {
  const layout = JSON.parse(
    readFileSync(new URL("../snapshots/storage-layout.json", import.meta.url), "utf8"),
  ) as {
    structs: Record<string, { label: string; slot: string }[]>;
  };
  const field = layout.structs["t_struct(Layout)_storage"]?.find((f) => f.label === "votingPools");
  if (!field) throw new Error("storage layout has no Layout.votingPools");
  return STAKING_STORAGE_SLOT + BigInt(field.slot);
})();

/** `Layout.votingPools`' length: the pools a new snapshot prepares. */
async function votingPools(ctx: Context): Promise<number> {
  const slot = VOTING_POOLS_SLOT;
  const word = await ctx.net.rpc.call<Hex>("eth_getStorageAt", [
    ctx.d.staking,
    `0x${slot.toString(16)}`,
    "latest",
  ]);
  return Number(BigInt(word));
}

/** Settlements happen a minute after their epoch ends. */
const settleTime = (ctx: Context, epoch: number) => GENESIS_TIME + (epoch + 1) * ctx.epochLength + 60;

/** Funds, registers and admits `providers` in blocks from `time`; returns the last block's time. */
async function addProviders(ctx: Context, time: number, providers: readonly Address[]): Promise<number> {
  const { net, d, staking } = ctx;
  await net.setBalances(providers, 10n * ONE_ETHER);
  let t = await net.bulk(
    time,
    providers.flatMap((p) => fundTxs(ctx, p, PROVIDER_SELF_STAKE)),
  );
  const register = call(staking, "registerProvider", [
    PROVIDER_SELF_STAKE,
    PROVIDER_COMMISSION_BPS,
    "data:application/json,{}",
  ]);
  t = await net.bulk(
    t + BLOCK,
    providers.map((p) => ({ from: p, to: d.staking, data: register, gas: 1_000_000n })),
  );
  return net.bulk(
    t + BLOCK,
    providers.map((p) => ({
      from: d.timelock, // governance, impersonated for the setup
      to: d.staking,
      data: call(staking, "admitProvider", [p]),
      gas: 1_000_000n,
    })),
  );
}

/**
 * settleEpoch with 1, 10 and 100 scored providers, each with only its self-stake. Three states per
 * provider: its first settlement after admission (epoch 0), the next one, where its pool's reward
 * accumulator is first written (nobody touched the pool while epoch 0's rewards streamed), and the
 * steady state after that (epochs 2 and 3, the larger counts). Per provider = marginal gas between
 * provider counts; totals go to the snapshot.
 */
async function measureSettlement(
  ctx: Context,
  base: Hex,
): Promise<{ snap: Hex; totals: Record<string, number>; perProvider: Record<string, number> }> {
  const settlerAccount = privateKeyToAccount(SETTLER_KEY);
  const series: Record<string, Record<number, number>> = {
    "": {},
    "firstSettlement/": {},
    "firstAccrual/": {},
  };
  const all = Array.from({ length: Math.max(...SETTLEMENT_PROVIDER_COUNTS) }, (_, i) =>
    labelAddress(`settlement-provider/${i}`),
  );
  let snap = base;
  for (const count of SETTLEMENT_PROVIDER_COUNTS) {
    snap = await ctx.net.restore(snap);
    const providers = all.slice(0, count);
    await addProviders(ctx, GENESIS_TIME + 10, providers);
    const gas: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      const tx = settleTx(ctx, epoch, providers);
      gas.push(await ctx.net.measure(settleTime(ctx, epoch), settlerAccount, tx.to, tx.data, tx.gas));
    }
    if (explain && count === 10) await explainLast(ctx, "settleEpoch, 10 providers, epoch 3");
    const [first = 0, accrual = 0, ...steady] = gas;
    (series["firstSettlement/"] as Record<number, number>)[count] = first;
    (series["firstAccrual/"] as Record<number, number>)[count] = accrual;
    (series[""] as Record<number, number>)[count] = Math.max(...steady);
    log(`settleEpoch, ${count} provider(s), epochs 0-3: ${gas.join(", ")}`);
  }
  const totals: Record<string, number> = {};
  const perProvider: Record<string, number> = {};
  const counts: readonly number[] = SETTLEMENT_PROVIDER_COUNTS;
  for (const [label, byCount] of Object.entries(series)) {
    for (const count of counts) totals[`${label}providers=${count}`] = byCount[count] ?? 0;
    for (const [i, b] of counts.slice(1).entries()) {
      const a = counts[i] ?? 0;
      perProvider[`${label}providers=${a}..${b}`] = Math.ceil(
        ((byCount[b] ?? 0) - (byCount[a] ?? 0)) / (b - a),
      );
    }
  }
  return { snap, totals, perProvider };
}

/** One big-endian uint16 per provider, as OracleCommittee.submitReport takes them. */
const packScores = (count: number, score: number): Hex =>
  `0x${score.toString(16).padStart(4, "0").repeat(count)}`;

/**
 * The committee (quorum COMMITTEE_QUORUM) over 10 and 100 self-staked providers, epochs 0 to 3:
 * `submitReport` is the first member's report (recorded, no quorum yet), `settleByCommittee` the
 * report that completes the quorum and settles the epoch with the medians (it includes the whole
 * settleEpoch); the reports between them cost as the first. Figures are the steady state (epochs 2
 * and 3), as for settleEpoch.
 */
async function measureCommittee(
  ctx: Context,
  base: Hex,
  committee: Address,
  committeeAbi: Abi,
): Promise<{ snap: Hex; submitReport: Record<string, number>; settleByCommittee: Record<string, number> }> {
  const members = committeeMembers();
  const submitReport: Record<string, number> = {};
  const settleByCommittee: Record<string, number> = {};
  const all = Array.from({ length: Math.max(...COMMITTEE_PROVIDER_COUNTS) }, (_, i) =>
    labelAddress(`settlement-provider/${i}`),
  );
  let snap = base;
  for (const count of COMMITTEE_PROVIDER_COUNTS) {
    snap = await ctx.net.restore(snap);
    const providers = sortAddresses(all.slice(0, count));
    await addProviders(ctx, GENESIS_TIME + 10, providers);
    await ctx.net.setBalances(
      members.map((m) => m.address),
      10n * ONE_ETHER,
    );
    const report = (epoch: number, score: number) =>
      call(committeeAbi, "submitReport", [BigInt(epoch), providers, packScores(count, score)]);
    const submits: number[] = [];
    const settles: number[] = [];
    const reporters = members.slice(0, COMMITTEE_QUORUM);
    if (reporters.length < COMMITTEE_QUORUM)
      throw new Error(`the committee needs ${COMMITTEE_QUORUM} members`);
    for (let epoch = 0; epoch < 4; epoch++) {
      const at = settleTime(ctx, epoch);
      for (const [i, member] of reporters.entries()) {
        const gas = await ctx.net.measure(
          at + i * BLOCK,
          member,
          committee,
          report(epoch, 9000 - 500 * i),
          16_000_000n,
        );
        if (i === 0) submits.push(gas);
        if (i === reporters.length - 1) settles.push(gas);
      }
    }
    submitReport[`providers=${count}`] = Math.max(...submits.slice(2));
    settleByCommittee[`providers=${count}`] = Math.max(...settles.slice(2));
    log(
      `committee, ${count} providers, epochs 0-3: submitReport ${submits.join(", ")}; settle ${settles.join(", ")}`,
    );
  }
  return { snap, submitReport, settleByCommittee };
}

interface World {
  /** Provider with N background delegators, where users act. */
  provider: Record<number, Address>;
  /** Its twin with the same N delegators: where `redelegate` moves stake to. */
  destination: Record<number, Address>;
}

/**
 * Providers with 1, 100 and 10,000 delegators (and twins), all in epoch 0, then epoch 0 settled so
 * pools stream rewards: the state every user scenario starts from.
 */
async function buildWorld(ctx: Context): Promise<World> {
  const { net, d, staking, token, admin } = ctx;
  const world: World = { provider: {}, destination: {} };
  const delegators: Record<number, Address[]> = {};
  for (const n of DELEGATOR_COUNTS) {
    world.provider[n] = labelAddress(`provider/${n}`);
    world.destination[n] = labelAddress(`destination/${n}`);
    delegators[n] = Array.from({ length: n }, (_, i) => labelAddress(`delegator/${n}/${i}`));
  }
  const providers = DELEGATOR_COUNTS.flatMap((n) => [
    world.provider[n] as Address,
    world.destination[n] as Address,
  ]);
  const everyone = DELEGATOR_COUNTS.flatMap((n) => delegators[n] ?? []);
  log(`setting up ${providers.length} providers and ${everyone.length} background delegators (each at two)`);

  let t = await addProviders(ctx, GENESIS_TIME + 10, providers);
  await net.setBalances(everyone, ONE_ETHER);
  // Background delegators approve exactly what they stake, so no allowance is left in state (every
  // account and slot in state costs anvil time on every block it mines).
  const approve = call(token, "approve", [d.staking, 2n * BACKGROUND_STAKE]);
  t = await net.bulk(
    t + BLOCK,
    everyone.flatMap((a) => [
      { from: admin, to: d.token, data: call(token, "transfer", [a, 2n * BACKGROUND_STAKE]), gas: 100_000n },
      { from: a, to: d.token, data: approve, gas: 100_000n },
    ]),
  );
  log("background delegators funded and approved");
  const txs: Tx[] = [];
  for (const n of DELEGATOR_COUNTS) {
    for (const a of delegators[n] ?? []) {
      for (const p of [world.provider[n], world.destination[n]] as Address[]) {
        txs.push({
          from: a,
          to: d.staking,
          data: call(staking, "delegate", [p, BACKGROUND_STAKE]),
          gas: 500_000n,
        });
      }
    }
  }
  t = await net.bulk(t + BLOCK, txs);
  if (t >= settleTime(ctx, 0)) throw new Error("setup ran past the end of epoch 0");
  log(`${txs.length} background delegations mined`);

  for (const n of DELEGATOR_COUNTS) {
    for (const p of [world.provider[n], world.destination[n]] as Address[]) {
      const view = await net.read<{ totalStake: bigint }>(staking, d.staking, "getProvider", [p]);
      const expected = PROVIDER_SELF_STAKE + BigInt(n) * BACKGROUND_STAKE;
      if (view.totalStake !== expected)
        throw new Error(`provider ${p}: stake ${view.totalStake} != ${expected}`);
    }
  }
  await net.bulk(settleTime(ctx, 0), [settleTx(ctx, 0, providers)]);
  return world;
}

/** The measured call of `op` for a user whose stake is at `provider`. */
function measuredCall(ctx: Context, op: UserOperation, provider: Address, destination: Address): Hex {
  const s = ctx.staking;
  switch (op) {
    case "firstDelegate":
    case "delegate":
      return call(s, "delegate", [provider, USER_STAKE]);
    case "undelegate":
      return call(s, "undelegate", [provider, PARTIAL]);
    case "withdraw":
      return call(s, "withdraw");
    case "redelegate":
      return call(s, "redelegate", [provider, destination, PARTIAL]);
    case "claim":
      return call(s, "claim", [provider]);
    case "restake":
      return call(s, "restake", [provider]);
  }
}

/**
 * Where each stake operation is measured besides the plain figure: `snapshots` is the governance
 * snapshot layout set up just before the call, `existingPosition` gives the user stake at the
 * destination too (redelegate into an existing position), `only` limits a variant to one operation.
 */
const SNAPSHOT_VARIANTS: readonly {
  prefix: string;
  snapshots: "none" | "pastAndPending" | "ringRead" | "totalRewrite" | "ringReadAndTotalRewrite";
  existingPosition?: boolean;
  /** The provider exits first: its pool left the pools a snapshot registration prepares. */
  exitedProvider?: boolean;
  only?: UserOperation;
}[] = [
  { prefix: "", snapshots: "pastAndPending" },
  { prefix: "ringRead/", snapshots: "ringRead" },
  { prefix: "totalRewrite/", snapshots: "totalRewrite" },
  { prefix: "ringRead+totalRewrite/", snapshots: "ringReadAndTotalRewrite" },
  { prefix: "existingPosition/noSnapshot/", snapshots: "none", existingPosition: true, only: "redelegate" },
  { prefix: "existingPosition/", snapshots: "pastAndPending", existingPosition: true, only: "redelegate" },
  { prefix: "existingPosition/ringRead/", snapshots: "ringRead", existingPosition: true, only: "redelegate" },
  // Outside the budgets: leaving an exited pool pays for the pool's own history entry (issue 16).
  { prefix: "exitedPool/", snapshots: "pastAndPending", exitedProvider: true, only: "undelegate" },
  {
    prefix: "exitedPool/ringRead+totalRewrite/",
    snapshots: "ringReadAndTotalRewrite",
    exitedProvider: true,
    only: "undelegate",
  },
];

/** Variants reported apart from the budgets (see SNAPSHOT_VARIANTS). */
const OUTSIDE_BUDGETS = "exitedPool/";

/**
 * One operation at one epoch distance, for every delegator count: the users' last action early in
 * epoch 1, `epochs` settlements, then each measured call alone in its block an hour after the last
 * settlement (rewards streaming).
 */
async function measureUserOperation(
  ctx: Context,
  world: World,
  base: Hex,
  op: UserOperation,
  epochs: number,
): Promise<{ snap: Hex; gas: Record<number, number>; afterSnapshot: Record<string, number> }> {
  const { net, d, staking } = ctx;
  const snap = await net.restore(base);
  const users = DELEGATOR_COUNTS.map((n) => ({ n, account: labelAccount(`user/${op}/${epochs}/${n}`) }));
  // Changes the user's provider between two snapshots in one variant.
  const helper = labelAccount(`helper/${op}/${epochs}`);
  const start = GENESIS_TIME + ctx.epochLength + 600;
  await net.setBalances([...users.map((u) => u.account.address), helper.address], 10n * ONE_ETHER);
  await net.bulk(start, [
    ...users.flatMap(({ account }) => fundTxs(ctx, account.address, USER_FUNDS)),
    ...fundTxs(ctx, helper.address, USER_FUNDS),
  ]);
  const last = LAST_ACTION[op];
  if (last !== "approve") {
    await net.bulk(
      start + BLOCK,
      users.map(({ n, account }) => ({
        from: account.address,
        to: d.staking,
        data: call(staking, "delegate", [world.provider[n], USER_STAKE]),
        gas: 500_000n,
      })),
    );
  }
  if (last === "undelegate") {
    await net.bulk(
      start + 2 * BLOCK,
      users.map(({ n, account }) => ({
        from: account.address,
        to: d.staking,
        data: call(staking, "undelegate", [world.provider[n], USER_STAKE]),
        gas: 500_000n,
      })),
    );
  }
  const providers = DELEGATOR_COUNTS.flatMap((n) => [
    world.provider[n] as Address,
    world.destination[n] as Address,
  ]);
  for (let epoch = 1; epoch <= epochs; epoch++)
    await net.bulk(settleTime(ctx, epoch), [settleTx(ctx, epoch, providers)]);

  const measuredAt = GENESIS_TIME + (epochs + 1) * ctx.epochLength + 3600;
  let ready = await net.snapshot();
  const gas: Record<number, number> = {};
  for (const [i, { n, account }] of users.entries()) {
    const data = measuredCall(ctx, op, world.provider[n] as Address, world.destination[n] as Address);
    gas[n] = await net.measure(measuredAt + i * BLOCK, account, d.staking, data);
    if (explain && i === 0 && epochs === EPOCH_COUNTS.at(-1))
      await explainLast(ctx, `${op}, ${n} delegators, ${epochs} epochs`);
  }
  // The same call as the first stake change after a governance snapshot (it keeps the values the
  // snapshot saw), each from the same state as above, in the snapshot layouts that cost the most.
  const afterSnapshot: Record<string, number> = {};
  const variants = SNAPSHOT_VARIANTS.filter((v) => !v.only || v.only === op);
  for (const variant of variants) {
    for (const [i, { n, account }] of users.entries()) {
      ready = await net.restore(ready);
      const at = measuredAt + i * BLOCK;
      const provider = world.provider[n] as Address;
      const destination = world.destination[n] as Address;
      const register = (time: number): Tx => ({
        from: d.governor,
        to: d.staking,
        data: call(staking, "registerSnapshot", [BigInt(time)]),
        gas: 500_000n,
      });
      // Another stake change at the user's provider (the pool-wide total changes with it); an
      // exited provider takes no new stake, so then at the destination.
      const touch: Tx = {
        from: helper.address,
        to: d.staking,
        data: call(staking, "delegate", [variant.exitedProvider ? destination : provider, BACKGROUND_STAKE]),
        gas: 500_000n,
      };
      if (variant.exitedProvider) {
        await net.bulk(at - 10, [
          { from: provider, to: d.staking, data: call(staking, "exitProvider", []), gas: 1_000_000n },
        ]);
      }
      if (variant.existingPosition) {
        await net.bulk(at - 9, [
          {
            from: account.address,
            to: d.staking,
            data: call(staking, "delegate", [destination, USER_STAKE]),
            gas: 500_000n,
          },
        ]);
      }
      switch (variant.snapshots) {
        case "none":
          break;
        case "pastAndPending":
          // One snapshot just past, the next pending a day later.
          await net.bulk(at - 6, [register(at - 3), register(at + 86_400)]);
          break;
        case "ringRead":
          // One just past, then two pending, the older of them more than 18 hours after it: the
          // snapshot header cannot tell the past count alone, so the ring of times is read.
          await net.bulk(at - 6, [register(at - 3), register(at + 70_000), register(at + 86_400)]);
          break;
        case "totalRewrite":
          // Two snapshots pass with a change of the total between them and no registration after:
          // the total kept inline for the first moves to the chain (`totalVotes`).
          await net.bulk(at - 8, [register(at - 6), register(at - 3), register(at + 86_400)]);
          await net.bulk(at - 5, [touch]);
          break;
        case "ringReadAndTotalRewrite":
          // Both at once: the total moves to the chain, and two snapshots pending, the older more
          // than 18 hours after the newest past one.
          await net.bulk(at - 8, [
            register(at - 6),
            register(at - 3),
            register(at + 70_000),
            register(at + 86_400),
          ]);
          await net.bulk(at - 5, [touch]);
          break;
      }
      const data = measuredCall(ctx, op, provider, destination);
      afterSnapshot[`${variant.prefix}|${n}`] = await net.measure(at, account, d.staking, data);
      if (explain && i === 0 && epochs === EPOCH_COUNTS.at(-1))
        await explainLast(ctx, `${op} (${variant.prefix}), ${n} delegators, ${epochs} epochs`);
    }
  }
  log(
    `${op}, ${epochs} epoch(s): ${DELEGATOR_COUNTS.map((n) => `${n} delegators ${gas[n]} (${variants.map((v) => `${v.prefix}${afterSnapshot[`${v.prefix}|${n}`]}`).join(", ")})`).join(", ")}`,
  );
  return { snap, gas, afterSnapshot };
}

async function main(): Promise<void> {
  const check = flag("check");
  log("forge build");
  await build(contractsDir);
  const staking = loadAbi(contractsDir, "AnkrStaking");
  const token = loadAbi(contractsDir, "TestANKR");
  const vault = loadAbi(contractsDir, "RewardVault");

  let anvil: Anvil | undefined;
  try {
    anvil = await startAnvil({
      chainId: CHAIN_ID,
      timestamp: ANVIL_GENESIS_TIME,
      hardfork: HARDFORK,
      stepsTracing: explain,
    });
    log(`anvil pid ${anvil.pid} on ${anvil.url} (hardfork ${HARDFORK})`);
    const d = await deploy(contractsDir, anvil.url, CHAIN_ID, ADMIN_KEY, {
      GENESIS_TIME: String(GENESIS_TIME),
      DEPLOY_CONFIG: fileURLToPath(new URL("./deploy-config.json", import.meta.url)),
      TEST_TOKEN: "true",
    });
    log(`deployed: staking ${d.staking}`);
    const committee = await deployOracle(contractsDir, anvil.url, CHAIN_ID, ADMIN_KEY, {
      STAKING: d.staking,
      MEMBERS: committeeMembers()
        .map((m) => m.address)
        .join(","),
      QUORUM: String(COMMITTEE_QUORUM),
    });
    log(`deployed: oracle committee ${committee}`);
    const net = new Devnet(anvil.rpc, CHAIN_ID);
    net.errorAbi = staking;
    await net.takeControl();
    const admin = privateKeyToAccount(ADMIN_KEY).address;
    const settler = privateKeyToAccount(SETTLER_KEY).address;
    await net.setBalances([settler, d.timelock, d.upgradeTimelock, d.governor], 100n * ONE_ETHER);
    // The deployer renounced every role: the role admin (the upgrade timelock, impersonated) lets
    // the committee settle too.
    await net.bulk(GENESIS_TIME - 60, [
      {
        from: d.upgradeTimelock,
        to: d.staking,
        data: call(staking, "grantRole", [keccak256(stringToHex("SETTLER_ROLE")), committee]),
        gas: 200_000n,
      },
    ]);
    const [, epochLength] = await net.read<readonly bigint[]>(staking, d.staking, "epochClock");
    const params = await net.read<{ unbondingPeriod: number; minDelegation: bigint }>(
      staking,
      d.staking,
      "parameters",
    );
    const ctx: Context = { net, d, staking, token, admin, settler, epochLength: Number(epochLength) };
    if (BACKGROUND_STAKE < params.minDelegation || USER_STAKE - PARTIAL < params.minDelegation) {
      throw new Error("stakes below minDelegation: update scenarios.ts");
    }

    await net.bulk(GENESIS_TIME + 1, [
      {
        from: admin,
        to: d.token,
        data: call(token, "approve", [d.rewardVault, VAULT_FUNDING]),
        gas: 100_000n,
      },
      { from: admin, to: d.rewardVault, data: call(vault, "fund", [VAULT_FUNDING]), gas: 200_000n },
    ]);
    const deployed = await net.snapshot();

    const settlement = await measureSettlement(ctx, deployed);
    const oracle = await measureCommittee(
      ctx,
      settlement.snap,
      committee,
      loadAbi(contractsDir, "OracleCommittee"),
    );

    const governance = await measureGovernance(ctx, oracle.snap, loadAbi(contractsDir, "AnkrGovernor"));

    await net.restore(governance.snap);
    const world = await buildWorld(ctx);
    let base = await net.snapshot();
    log("world ready; measuring user operations");

    // withdraw needs a matured entry: its shortest distance is the unbonding period in epochs (the
    // measured call comes an hour after the last settlement, the undelegation 10 minutes into epoch 1).
    const withdrawMin = Math.max(1, Math.ceil((params.unbondingPeriod - 3000) / ctx.epochLength));
    const figures = {} as Figures;
    const afterSnapshot = {} as Figures;
    const outsideBudgets: Record<string, Record<string, number>> = {};
    for (const op of OPERATIONS) {
      if (op === "settleEpochPerProvider") continue;
      const distances =
        op === "withdraw" ? [withdrawMin, ...EPOCH_COUNTS.filter((e) => e > withdrawMin)] : EPOCH_COUNTS;
      const byScenario: Record<string, number> = {};
      const afterByScenario: Record<string, number> = {};
      const results: Record<number, Record<number, number>> = {};
      const afterResults: Record<number, Record<string, number>> = {};
      for (const epochs of distances) {
        const measured = await measureUserOperation(ctx, world, base, op, epochs);
        base = measured.snap;
        results[epochs] = measured.gas;
        afterResults[epochs] = measured.afterSnapshot;
      }
      for (const n of DELEGATOR_COUNTS) {
        for (const epochs of distances) {
          byScenario[scenarioName(n, epochs)] = results[epochs]?.[n] ?? 0;
          for (const [key, value] of Object.entries(afterResults[epochs] ?? {})) {
            const [prefix, count] = key.split("|");
            if (Number(count) !== n) continue;
            const name = `${prefix}${scenarioName(n, epochs)}`;
            if (prefix?.startsWith(OUTSIDE_BUDGETS)) {
              outsideBudgets[op] = { ...outsideBudgets[op], [name]: value };
              continue;
            }
            // A variant with no snapshot is a plain figure (issue 3's budgets apply to it too).
            const target = prefix?.includes("noSnapshot/") ? byScenario : afterByScenario;
            target[name] = value;
          }
        }
      }
      figures[op] = byScenario;
      afterSnapshot[op] = afterByScenario;
    }
    // Settlement reads and writes no voting history: its figures hold with checkpoints too.
    figures.settleEpochPerProvider = settlement.perProvider;
    afterSnapshot.settleEpochPerProvider = settlement.perProvider;

    const worst = worstCases(figures);
    const grown = growth(figures, (op) =>
      op === "settleEpochPerProvider"
        ? undefined
        : scenarioName(DELEGATOR_COUNTS[0] ?? 1, op === "withdraw" ? withdrawMin : EPOCH_COUNTS[0]),
    );
    const over = OPERATIONS.filter((op) => worst[op].margin < 0);
    // Issue 4: the worse of each operation's figures with and without a snapshot to record.
    const withCheckpoints: Record<string, { scenario: string; gas: number; budget: number; margin: number }> =
      {};
    const worstAfter = worstCases(afterSnapshot);
    for (const op of OPERATIONS) {
      const pick =
        worstAfter[op].gas > worst[op].gas
          ? { scenario: `afterSnapshot/${worstAfter[op].scenario}`, gas: worstAfter[op].gas }
          : { scenario: worst[op].scenario, gas: worst[op].gas };
      withCheckpoints[op] = {
        ...pick,
        budget: CHECKPOINT_BUDGETS[op],
        margin: CHECKPOINT_BUDGETS[op] - pick.gas,
      };
    }
    const overrideGas = Math.max(...Object.values(governance.figures.castVoteOverride));
    withCheckpoints.castVoteOverride = {
      scenario: "delegator/1provider/afterProviderVoted",
      gas: overrideGas,
      budget: CHECKPOINT_BUDGETS.castVoteOverride,
      margin: CHECKPOINT_BUDGETS.castVoteOverride - overrideGas,
    };
    const overCheckpoint = Object.entries(withCheckpoints)
      .filter(([, w]) => w.margin < 0)
      .map(([op]) => op);

    const output: Record<string, Record<string, number>> = {};
    for (const op of OPERATIONS) output[op] = figures[op];
    for (const op of OPERATIONS) {
      if (op !== "settleEpochPerProvider") output[`afterSnapshot/${op}`] = afterSnapshot[op];
    }
    for (const [op, values] of Object.entries(outsideBudgets))
      output[`afterSnapshot/${op}/outsideBudgets`] = values;
    for (const op of GOVERNANCE_OPERATIONS) output[op] = governance.figures[op];
    output.submitReport = oracle.submitReport;
    output.settleByCommittee = oracle.settleByCommittee;
    const snapshot = {
      ...output,
      settleEpoch: settlement.totals,
      budgets: BUDGETS,
      checkpointBudgets: CHECKPOINT_BUDGETS,
      worst,
      worstWithCheckpoints: withCheckpoints,
      checks: {
        overBudget: over,
        overCheckpointBudget: overCheckpoint,
        growsWithDelegatorsOrEpochs: grown,
      },
      setup: {
        measure: "receipt gasUsed of a signed EIP-1559 transaction mined alone in its block (anvil)",
        anvil: foundryVersion("anvil"),
        hardfork: HARDFORK,
        token: "TestANKR (OpenZeppelin 5 ERC20: a max allowance is never decreased)",
        user: "holds ANKR beyond what it stakes, approved the staking contract for max",
        stakes: "delegate 5,000 ANKR; undelegate and redelegate 2,000 of 5,000 (partial: no refunds)",
        redelegateTo: "a provider with the same delegator count where the user has no stake yet",
        withdraw: `one matured entry; shortest distance is the unbonding period, ${withdrawMin} epochs`,
        afterSnapshot:
          "the same call as the first stake change after a governance snapshot (pool, delegation and total keep their old value), another snapshot pending; plain figures have no snapshot. ringRead/: one snapshot past, two pending, the older pending one more than 18 h after the past one (the ring of snapshot times is read); totalRewrite/: two snapshots passed with a change of the total between them (the first one's total moves to the chain, an entry its registration created); ringRead+totalRewrite/: both at once; existingPosition/: redelegate into a provider where the user already has stake; exitedPool/ (outside the budgets): undelegate from a provider that exited, whose pool no snapshot registration prepares any more, so the undelegation creates the pool's history entry itself",
        governance:
          "propose = admit a provider (registers the snapshot and prepares each pool that may still change: pools=N); castVote = a provider; castVoteOverride = its delegator after it voted; queue, execute through the main timelock",
        settlement: `every provider scored ${SETTLEMENT_SCORE_BPS} bps; per provider = marginal gas between counts`,
        committee: `${committeeMembers().length} members, quorum ${COMMITTEE_QUORUM}; submitReport = a report short of the quorum, settleByCommittee = the report completing it (settleEpoch included); steady state`,
      },
    };
    if (explain) {
      log("breakdown mode: snapshot not written (it measured up to 100 delegators only)");
    } else {
      writeSnapshot(snapshotPath, snapshot);
      log(`wrote ${snapshotPath}`);
    }
    for (const op of over) {
      log(`OVER BUDGET ${op}: ${worst[op].gas} > ${worst[op].budget} (${worst[op].scenario})`);
    }
    for (const op of overCheckpoint) {
      const w = withCheckpoints[op];
      log(`OVER CHECKPOINT BUDGET ${op}: ${w?.gas} > ${w?.budget} (${w?.scenario})`);
    }
    for (const g of grown) log(`GROWS ${g.operation} ${g.scenario}: ${g.gas} > ${g.baseline}`);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    if (check && (over.length > 0 || overCheckpoint.length > 0 || grown.length > 0)) process.exitCode = 1;
  } finally {
    await anvil?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:gas failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
