// Every response of the REST API as a zod schema: handlers' output is parsed with these before it
// leaves, and /openapi.json is generated from them.
import { z } from "zod";

export const Wei = z.string().regex(/^\d+$/).describe("amount in wei, decimal");
export const Address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .describe("EIP-55 checksummed address");
export const Time = z.object({ unix: z.number().int(), iso: z.string() });
export const Hash = z.string().regex(/^0x[0-9a-f]{64}$/);

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const ProviderStatus = z.enum(["None", "Pending", "Active", "Jailed", "Exited"]);

/** Where reading the metadata document stands (it is read in the background, never while indexing). */
export const MetadataStatus = z.object({
  /** pending: not read yet; resolved: name, website and chains are the document's; failed: see error. */
  status: z.enum(["pending", "resolved", "failed"]),
  /** Why the last read failed (a resolved document then is the last good one), else null. */
  error: z.string().nullable(),
  /** When the document was last read or tried; null while pending. */
  checkedAt: Time.nullable(),
});

export const ProviderSummary = z.object({
  address: Address,
  status: ProviderStatus,
  /** From the metadata document once resolved (see `metadata`), null or empty before. */
  name: z.string().nullable(),
  website: z.string().nullable(),
  chains: z.array(z.string()),
  metadataURI: z.string(),
  metadata: MetadataStatus,
  totalStake: Wei,
  selfStake: Wei,
  delegatedStake: Wei,
  commissionBps: z.number().int(),
  pendingCommission: z.object({ commissionBps: z.number().int(), effectiveAt: Time }).nullable(),
  capacityLeft: Wei,
  maxStake: Wei,
  lastScoreBps: z.number().int().nullable(),
  netApy: z.object({ last1: z.number(), last4: z.number(), last12: z.number() }),
  delegators: z.number().int(),
  registeredAt: Time,
});

export const ProviderList = z.object({ items: z.array(ProviderSummary), nextCursor: z.string().nullable() });

export const ProviderEpoch = z.object({
  epoch: z.number().int(),
  scoreBps: z.number().int(),
  poolStake: Wei,
  stakeSeconds: Wei,
  reward: Wei,
  commission: Wei,
  settledAt: Time,
});

export const ProviderDetail = ProviderSummary.extend({
  selfStakeUnbonding: Wei,
  selfStakeReleaseAt: Time.nullable(),
  rewardsTotal: Wei,
  commissionTotal: Wei,
  slashedTotal: Wei,
  history: z.array(ProviderEpoch),
});

export const Position = z.object({
  provider: Address,
  providerName: z.string().nullable(),
  stake: Wei,
  pendingRewards: Wei,
  claimed: Wei,
  restaked: Wei,
});

export const UnbondingItem = z.object({
  entryId: z.string(),
  provider: Address,
  amount: Wei,
  releaseAt: Time,
  withdrawable: z.boolean(),
});

export const Delegator = z.object({
  address: Address,
  totalStake: Wei,
  pendingRewards: Wei,
  /** The block the pending rewards were read at (the newest indexed block). */
  atBlock: z.number().int(),
  positions: z.array(Position),
  unbonding: z.array(UnbondingItem),
});

export const HistoryItem = z.object({
  id: z.string(),
  kind: z.string(),
  provider: Address.nullable(),
  toProvider: Address.nullable(),
  amount: Wei,
  txHash: Hash,
  logIndex: z.number().int(),
  blockNumber: z.number().int(),
  time: Time,
});
export const History = z.object({ items: z.array(HistoryItem), nextCursor: z.string().nullable() });

export const Epoch = z.object({
  epoch: z.number().int(),
  budget: Wei,
  distributed: Wei,
  totalWeight: Wei,
  rewardReserve: Wei,
  providers: z.number().int(),
  reports: z.number().int().nullable(),
  settledAt: Time,
  txHash: Hash,
});
export const EpochList = z.object({ items: z.array(Epoch), nextCursor: z.string().nullable() });

export const Stats = z.object({
  totalStaked: Wei,
  globalCap: Wei,
  providers: z.object({ total: z.number().int(), active: z.number().int() }),
  delegators: z.number().int(),
  apyRange: z.object({ min: z.number(), max: z.number() }).nullable(),
  epochsSettled: z.number().int(),
  vaultBalance: Wei,
  paused: z.boolean(),
});

export const Health = z.object({
  ok: z.boolean(),
  indexedBlock: z.number().int(),
  indexedAt: Time.nullable(),
  headBlock: z.number().int().nullable(),
  lagBlocks: z.number().int().nullable(),
  maxLagBlocks: z.number().int(),
});

export const ProposalState = z.enum([
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Executed",
]);
export const Support = z.enum(["against", "for", "abstain"]);
export const ProposalId = z.string().regex(/^\d+$/).describe("proposal id (uint256), decimal");

export const Tallies = z.object({ for: Wei, against: Wei, abstain: Wei });

export const ProposalSummary = z.object({
  id: ProposalId,
  proposer: Address,
  /** The description's first line, without a leading Markdown heading mark. */
  title: z.string(),
  state: ProposalState,
  snapshot: Time,
  deadline: Time,
  /** Votes needed (for + abstain); null until the snapshot has passed and a vote or queue read it. */
  quorum: Wei.nullable(),
  tallies: Tallies,
  votes: z.object({ providers: z.number().int(), overrides: z.number().int() }),
  eta: Time.nullable(),
  created: z.object({ blockNumber: z.number().int(), txHash: Hash, time: Time }),
  queuedAt: Time.nullable(),
  executedAt: Time.nullable(),
  canceledAt: Time.nullable(),
});
export const ProposalList = z.object({
  items: z.array(ProposalSummary),
  nextCursor: z.string().nullable(),
  /** The time states were derived at: the newest indexed block's. */
  asOf: Time,
});

export const ProposalDetail = ProposalSummary.extend({
  description: z.string(),
  actions: z.array(
    z.object({
      target: Address,
      value: Wei,
      signature: z.string(),
      calldata: z.string().regex(/^0x[0-9a-f]*$/),
    }),
  ),
  /** The time the state was derived at: the newest indexed block's. */
  asOf: Time,
});

export const Vote = z.object({
  id: z.string(),
  proposalId: ProposalId,
  voter: Address,
  /** "provider": castVote with the voter's pool; "override": a delegator's own stake at `providers`. */
  kind: z.enum(["provider", "override"]),
  support: Support,
  /** Counted now: for a provider, its cast weight minus what its delegators overrode afterwards. */
  weight: Wei,
  castWeight: Wei,
  reason: z.string(),
  params: z.string().nullable(),
  providers: z.array(Address),
  txHash: Hash,
  logIndex: z.number().int(),
  blockNumber: z.number().int(),
  time: Time,
});
export const VoteList = z.object({ items: z.array(Vote), nextCursor: z.string().nullable() });
