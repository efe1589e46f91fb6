// Governance: the proposals with their state, tallies, quorum and deadlines; a proposal's page
// where a provider votes its pool and a delegator overrides its providers' votes with its own
// stake; queue and execute when the state allows; and a provider's admission proposal.
// One lazy chunk: the Governor's ABI and the governance actions load only here.
import {
  ankrStakingAbi,
  buildProposal,
  castVote,
  castVoteOverride,
  execute,
  type Proposal,
  propose,
  queue,
  type VoteSupport,
  voteSupport,
} from "@ankr-staking/sdk";
import { type ReactNode, useState } from "react";
import { type Address, decodeFunctionData, isAddressEqual } from "viem";

import { TransactionStatus } from "../components/TransactionStatus.tsx";
import { useReadyAccount } from "../components/Wallet.tsx";
import { useApp } from "../hooks/app.ts";
import { useProposal, useProposals, useProposer, useVoter } from "../hooks/governance.ts";
import { useChainTime, useProviders } from "../hooks/queries.ts";
import { useTransaction } from "../hooks/useTransaction.ts";
import { plainError } from "../lib/errors.ts";
import { ankr, dateTime, percent, relative, shortAddress } from "../lib/format.ts";
import {
  overrideMoves,
  overrideSentence,
  proposalActions,
  proposalBody,
  proposalTiming,
  proposalTitle,
  tallyView,
} from "../lib/governance.ts";
import { href } from "../router.ts";

const supports: { value: VoteSupport; label: string }[] = [
  { value: "for", label: "For" },
  { value: "against", label: "Against" },
  { value: "abstain", label: "Abstain" },
];

/** "for", "against" or "abstain" from the Governor's number for it. */
const supportName = (n: number) =>
  Object.entries(voteSupport).find(([, v]) => v === n)?.[0] ?? `support ${n}`;

/** Provider names from the providers table (already cached by the first page). */
function useNames() {
  const providers = useProviders();
  return (address: Address) =>
    providers.data?.find((p) => isAddressEqual(p.address, address))?.metadata?.name ?? shortAddress(address);
}

function State({ state }: { state: Proposal["state"] }) {
  return <span className={`status proposal-${state}`}>{state}</span>;
}

export default function Governance() {
  const proposals = useProposals();
  const time = useChainTime();
  const account = useReadyAccount();
  const now = time.data ?? 0n;
  return (
    <section aria-labelledby="governance-title">
      <h1 id="governance-title">Governance</h1>
      <p className="muted">
        Stakers govern the protocol: which providers serve traffic, slashing, every parameter, upgrades. A
        provider votes with all the stake in its pool; a delegator may override its share of its providers'
        votes by voting itself. Passed proposals run through a timelock.
      </p>
      {proposals.error ? (
        <p role="alert">{plainError(proposals.error)}</p>
      ) : !proposals.data ? (
        <p role="status">Loading proposals…</p>
      ) : proposals.data.length === 0 ? (
        <p>No proposals yet.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="proposals">
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">State</th>
                <th scope="col">For</th>
                <th scope="col">Against</th>
                <th scope="col">Abstain</th>
                <th scope="col">Quorum</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {proposals.data.map((p) => {
                const t = tallyView(p.votes, p.quorum);
                return (
                  <tr key={p.id.toString()}>
                    <td>
                      <a href={href.proposal(p.id)}>{proposalTitle(p.description)}</a>
                    </td>
                    <td>
                      <State state={p.state} />
                    </td>
                    <td>{ankr(p.votes.for)}</td>
                    <td>{ankr(p.votes.against)}</td>
                    <td>{ankr(p.votes.abstain)}</td>
                    <td>
                      {t.quorumReached ? "reached" : `${percent(t.quorumProgress)} of ${ankr(p.quorum)}`}
                    </td>
                    <td>{proposalTiming(p, now)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {account && <ProposeAdmission account={account} />}
    </section>
  );
}

/** A provider (with the proposal threshold in its pool) proposes admitting a Pending provider. */
function ProposeAdmission({ account }: { account: Address }) {
  const proposer = useProposer(account);
  const providers = useProviders();
  const tx = useTransaction();
  const [candidate, setCandidate] = useState<Address | "">("");
  const [reason, setReason] = useState("");
  const [created, setCreated] = useState<bigint>();
  const pending = (providers.data ?? []).filter((p) => p.statusName === "Pending");
  if (!proposer.data) return null;
  if (!proposer.data.canPropose)
    return (
      <p className="muted">
        Proposing needs {ankr(proposer.data.threshold)} of votes (a provider's pool); this account has{" "}
        {ankr(proposer.data.votes)}.
      </p>
    );
  const chosen = pending.find((p) => p.address === candidate);
  return (
    <form
      className="card"
      aria-labelledby="propose-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return;
        const name = chosen.metadata?.name ?? chosen.address;
        const description = `# Admit ${name}\n\n${reason.trim() || `Admit ${chosen.address} as an Active provider.`}`;
        void tx
          .run("Propose", async (c, o) => {
            const actions = await buildProposal(c, { kind: "admitProviders", providers: [chosen.address] });
            const result = await propose(c, { actions, description, ...o });
            setCreated(result.proposalId);
            return result;
          })
          .then((done) => {
            if (!done) return;
            setCandidate("");
            setReason("");
          });
      }}
    >
      <h2 id="propose-title">Propose an admission</h2>
      {pending.length === 0 ? (
        <p>No provider is waiting for admission.</p>
      ) : (
        <>
          <label>
            Provider to admit
            <select value={candidate} onChange={(e) => setCandidate(e.target.value as Address)}>
              <option value="">Choose a Pending provider…</option>
              {pending.map((p) => (
                <option key={p.address} value={p.address}>
                  {p.metadata?.name ?? p.address} ({ankr(p.selfStake)} self-stake)
                </option>
              ))}
            </select>
          </label>
          <label>
            Why (shown to voters)
            <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={tx.busy || !chosen}>
            Propose admission
          </button>
        </>
      )}
      <TransactionStatus state={tx.state} />
      {created !== undefined && tx.state.stage === "done" && (
        <p>
          <a href={href.proposal(created)}>Open the new proposal</a>
        </p>
      )}
    </form>
  );
}

export function ProposalPage({ id }: { id: bigint }) {
  const proposal = useProposal(id);
  const time = useChainTime();
  const account = useReadyAccount();
  const tx = useTransaction();
  if (proposal.error)
    return (
      <p role="alert">
        {plainError(proposal.error)} <a href={href.governance}>All proposals</a>
      </p>
    );
  if (!proposal.data) return <p role="status">Loading proposal…</p>;
  const p = proposal.data;
  const now = time.data ?? 0n;
  const allowed = proposalActions(p, now);
  const body = proposalBody(p.description);
  return (
    <section aria-labelledby="proposal-title">
      <p>
        <a href={href.governance}>← All proposals</a>
      </p>
      <h1 id="proposal-title">{proposalTitle(p.description)}</h1>
      <p>
        <State state={p.state} /> <span data-testid="proposal-timing">{proposalTiming(p, now)}</span>
      </p>
      {body && <p className="description">{body}</p>}
      <div className="grid">
        <Tally proposal={p} />
        <dl className="facts card">
          <dt>Proposed by</dt>
          <dd className="mono">{p.proposer}</dd>
          <dt>Voting power read at</dt>
          <dd>
            {dateTime(p.snapshot)} ({relative(p.snapshot, now)})
          </dd>
          <dt>Voting closes</dt>
          <dd>
            {dateTime(p.deadline)} ({relative(p.deadline, now)})
          </dd>
          {p.eta > 0n && (
            <>
              <dt>Executable from</dt>
              <dd>
                {dateTime(p.eta)} ({relative(p.eta, now)})
              </dd>
            </>
          )}
          <dt>Id</dt>
          <dd className="mono">{p.id.toString()}</dd>
        </dl>
      </div>
      <Actions proposal={p} />
      <TransactionStatus state={tx.state} />
      {(allowed.queue || allowed.execute || allowed.executeAt) && (
        <div className="row">
          {allowed.queue && (
            <button
              type="button"
              className="primary"
              disabled={tx.busy}
              onClick={() => tx.run("Queue", (c, o) => queue(c, { proposalId: p.id, ...o }))}
            >
              Queue in the timelock
            </button>
          )}
          {(allowed.execute || allowed.executeAt) && (
            <button
              type="button"
              className="primary"
              disabled={tx.busy || !allowed.execute}
              onClick={() => tx.run("Execute", (c, o) => execute(c, { proposalId: p.id, ...o }))}
            >
              {allowed.execute ? "Execute" : `Execute (${relative(allowed.executeAt ?? 0n, now)})`}
            </button>
          )}
        </div>
      )}
      {allowed.vote &&
        (account ? (
          <VotePanel proposal={p} account={account} />
        ) : (
          <p>Connect a wallet on the right network to vote.</p>
        ))}
    </section>
  );
}

function Bar({
  label,
  value,
  share,
  testId,
}: {
  label: string;
  value: bigint;
  share: number;
  testId: string;
}) {
  return (
    <div className="bar">
      <div className="bar-label">
        <span>{label}</span>
        <span data-testid={testId}>{ankr(value)}</span>
        <span className="muted">{percent(share)}</span>
      </div>
      <div className="bar-track" aria-hidden="true">
        <div className={`bar-fill bar-${label.toLowerCase()}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export function Tally({ proposal: p }: { proposal: Proposal }) {
  const t = tallyView(p.votes, p.quorum);
  return (
    <section className="card" aria-labelledby="tally-title">
      <h2 id="tally-title">Votes</h2>
      <Bar label="For" value={p.votes.for} share={t.share.for} testId="tally-for" />
      <Bar label="Against" value={p.votes.against} share={t.share.against} testId="tally-against" />
      <Bar label="Abstain" value={p.votes.abstain} share={t.share.abstain} testId="tally-abstain" />
      <p data-testid="quorum">
        Quorum {ankr(p.quorum)} (for + abstain):{" "}
        {t.quorumReached ? "reached" : `${ankr(t.towardQuorum)} so far, ${ankr(t.quorumMissing)} to go`}.{" "}
        {t.total > 0n && (t.passing ? "For leads." : "For does not lead: ties fail.")}
      </p>
    </section>
  );
}

/** What each action of the proposal does, decoded where it calls the staking contract. */
function Actions({ proposal: p }: { proposal: Proposal }) {
  const { config } = useApp();
  const names = useNames();
  const d = config.deployment;
  const targets: [Address | undefined, string][] = [
    [d.staking, "Staking"],
    [d.rewardVault, "Reward vault"],
    [d.timelock, "Timelock"],
    [d.upgradeTimelock, "Upgrade timelock"],
    [d.oracleCommittee, "Oracle committee"],
    [d.token, "ANKR token"],
  ];
  const describe = (target: Address, calldata: `0x${string}`): ReactNode => {
    if (isAddressEqual(target, d.staking)) {
      try {
        const call = decodeFunctionData({ abi: ankrStakingAbi, data: calldata });
        const args = (call.args ?? []).map((a) =>
          typeof a === "string" && /^0x[0-9a-fA-F]{40}$/.test(a) ? names(a as Address) : String(a),
        );
        return `${call.functionName}(${args.join(", ")})`;
      } catch {
        // not a staking function: shown raw below
      }
    }
    return <span className="mono">{calldata.length > 74 ? `${calldata.slice(0, 74)}…` : calldata}</span>;
  };
  return (
    <>
      <h2>What it does</h2>
      <ol className="actions-list">
        {p.actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a proposal's actions never reorder; two may be equal
          <li key={i}>
            {targets.find(([t]) => t && isAddressEqual(t, a.target))?.[1] ?? shortAddress(a.target)}:{" "}
            {describe(a.target, a.calldata)}
            {a.value > 0n && ` with ${a.value} wei`}
          </li>
        ))}
      </ol>
    </>
  );
}

function SupportChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: VoteSupport;
  onChange: (v: VoteSupport) => void;
}) {
  return (
    <fieldset className="support">
      <legend>Your choice</legend>
      {supports.map((s) => (
        <label key={s.value}>
          <input
            type="radio"
            name={name}
            value={s.value}
            checked={value === s.value}
            onChange={() => onChange(s.value)}
          />
          {s.label}
        </label>
      ))}
    </fieldset>
  );
}

function VotePanel({ proposal: p, account }: { proposal: Proposal; account: Address }) {
  const voter = useVoter(p.id, p.snapshot, account, true);
  const names = useNames();
  const tx = useTransaction();
  const [support, setSupport] = useState<VoteSupport>("for");
  const [overrideSupport, setOverrideSupport] = useState<VoteSupport>("against");
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  if (voter.error) return <p role="alert">{plainError(voter.error)}</p>;
  if (!voter.data) return <p role="status">Loading your voting power…</p>;
  const v = voter.data;
  const selected = new Set(v.overridable.map((r) => r.provider).filter((a) => !excluded.has(a)));
  const moves = overrideMoves(v.overridable, selected);
  const isProvider = v.pool > 0n;
  return (
    <>
      <TransactionStatus state={tx.state} />
      <div className="grid">
        {isProvider && (
          <form
            className="card"
            aria-labelledby="vote-title"
            onSubmit={(e) => {
              e.preventDefault();
              void tx.run("Vote", (c, o) => castVote(c, { proposalId: p.id, support, ...o }));
            }}
          >
            <h2 id="vote-title">Vote with your pool</h2>
            <p>
              Your pool had {ankr(v.pool)} at the snapshot
              {v.overridden > 0n && <>; your delegators overrode {ankr(v.overridden)} of it</>}. Your vote
              counts <strong data-testid="pool-weight">{ankr(v.pool - v.overridden)}</strong>; a delegator who
              overrides later takes its stake out of it.
            </p>
            {v.voted ? (
              <p data-testid="voted">Your pool has voted.</p>
            ) : (
              <>
                <SupportChoice name="pool-support" value={support} onChange={setSupport} />
                <button type="submit" className="primary" disabled={tx.busy}>
                  Cast your pool's vote
                </button>
              </>
            )}
          </form>
        )}
        <form
          className="card"
          aria-labelledby="override-title"
          onSubmit={(e) => {
            e.preventDefault();
            const providers = v.overridable.map((r) => r.provider).filter((a) => selected.has(a));
            void tx.run("Override", (c, o) =>
              castVoteOverride(c, { proposalId: p.id, support: overrideSupport, providers, ...o }),
            );
          }}
        >
          <h2 id="override-title">Override as a delegator</h2>
          <p>
            Your stake counts in the vote of the provider it backs. To decide yourself, override: your stake
            at each provider you name, as it was at the snapshot, is counted for your choice and taken out of
            that provider's vote, whether it voted already or votes later. Each provider can be overridden
            once per proposal; stake moved after the snapshot changes nothing.
          </p>
          {v.overrides.map((o) => (
            <p key={o.providers.join()} data-testid="overridden">
              You voted {supportName(o.support)} with {ankr(o.weight)}, overriding{" "}
              {o.providers.map(names).join(", ")}.
            </p>
          ))}
          {v.overridable.length === 0 ? (
            <p data-testid="override-none">
              {isProvider
                ? "You vote your own pool above; you had no stake at other providers at the snapshot."
                : v.overrides.length > 0
                  ? "Nothing left to override: you have overridden every provider you had stake at."
                  : "You had no stake at any provider at this proposal's snapshot, so there is nothing to override."}
            </p>
          ) : (
            <>
              <fieldset>
                <legend>Providers to override</legend>
                {v.overridable.map((r) => (
                  <label key={r.provider}>
                    <input
                      type="checkbox"
                      checked={selected.has(r.provider)}
                      onChange={(e) => {
                        const next = new Set(excluded);
                        if (e.target.checked) next.delete(r.provider);
                        else next.add(r.provider);
                        setExcluded(next);
                      }}
                    />
                    {names(r.provider)}: {ankr(r.stake)}
                  </label>
                ))}
              </fieldset>
              <SupportChoice name="override-support" value={overrideSupport} onChange={setOverrideSupport} />
              <p data-testid="override-moves">
                This moves {overrideSentence(v.overridable, selected, names)} out of{" "}
                {selected.size === 1 ? "that provider's vote" : "those providers' votes"} into yours:{" "}
                <strong>{ankr(moves)}</strong>.
              </p>
              <button type="submit" className="primary" disabled={tx.busy || moves === 0n}>
                Override with my stake
              </button>
            </>
          )}
        </form>
      </div>
    </>
  );
}
