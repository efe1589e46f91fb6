// The connected account's positions with live pending rewards, claim and restake per provider (a
// provider fully unstaked from stays listed, with Claim only, until its rewards are claimed),
// unstake and redelegate, the unbonding queue with countdowns and withdraw, and (from the API) the
// rewards history chart and the CSV export.
import { claim, redelegate, restake, undelegate, withdraw } from "@ankr-staking/sdk";
import { useState } from "react";
import type { Address } from "viem";

import { AmountField } from "../components/AmountField.tsx";
import { RewardHistory } from "../components/History.tsx";
import { TransactionStatus } from "../components/TransactionStatus.tsx";
import { useReadyAccount } from "../components/Wallet.tsx";
import { useChainTime, useParameters, usePositions, useProviders } from "../hooks/queries.ts";
import { useTransaction } from "../hooks/useTransaction.ts";
import { plainError } from "../lib/errors.ts";
import { ankr, dateTime, duration, relative, shortAddress } from "../lib/format.ts";
import { checkUnstake } from "../lib/validate.ts";
import { href } from "../router.ts";

export default function Dashboard() {
  const account = useReadyAccount();
  const positions = usePositions(account);
  const providers = useProviders();
  const parameters = useParameters();
  const time = useChainTime();
  const tx = useTransaction();
  const [selected, setSelected] = useState<Address | "">("");
  const [amount, setAmount] = useState("");
  const [target, setTarget] = useState<Address | "">("");
  const [touched, setTouched] = useState(false);

  if (!account)
    return (
      <section>
        <h1>Dashboard</h1>
        <p>Connect a wallet on the right network to see your positions.</p>
      </section>
    );
  if (positions.error) return <p role="alert">{plainError(positions.error)}</p>;
  if (!positions.data || !parameters.data) return <p role="status">Loading your positions…</p>;

  const name = (address: Address) =>
    providers.data?.find((p) => p.address === address)?.metadata?.name ?? shortAddress(address);
  const { positions: list, unbonding } = positions.data;
  // A provider fully unstaked from stays listed while it owes rewards; only stake can be moved.
  const staked = list.filter((p) => p.stake > 0n);
  const position = staked.find((p) => p.provider === selected) ?? staked[0];
  const stake = position?.stake ?? 0n;
  const checked = checkUnstake(amount, stake, parameters.data.minDelegation);
  const error = touched && !checked.ok ? checked.error : undefined;
  const now = time.data ?? 0n;
  const targets = (providers.data ?? []).filter(
    (p) => p.statusName === "Active" && p.address !== position?.provider,
  );

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <dl className="facts summary">
        <dt>Staked</dt>
        <dd data-testid="total-stake">{ankr(positions.data.totalStake)}</dd>
        <dt>Pending rewards</dt>
        <dd data-testid="total-rewards" aria-live="polite">
          {ankr(positions.data.totalRewards)}
        </dd>
        <dt>Unbonding</dt>
        <dd>{ankr(unbonding.pending)}</dd>
        <dt>Withdrawable</dt>
        <dd data-testid="withdrawable">{ankr(unbonding.withdrawable)}</dd>
      </dl>
      <TransactionStatus state={tx.state} />

      <h2>Positions</h2>
      {list.length === 0 ? (
        <p>
          No stake yet. <a href={href.providers}>Pick a provider</a> to stake.
        </p>
      ) : (
        <div className="table-scroll">
          <table data-testid="positions">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Stake</th>
                <th scope="col">Pending rewards</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.provider}>
                  <td>
                    <a href={href.provider(p.provider)}>{name(p.provider)}</a>
                  </td>
                  <td>
                    {ankr(p.stake)}
                    {p.stake === 0n && <span className="muted"> (unstaked)</span>}
                  </td>
                  <td>{ankr(p.rewards)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      disabled={tx.busy || p.rewards === 0n}
                      onClick={() => tx.run("Claim", (c, o) => claim(c, { provider: p.provider, ...o }))}
                    >
                      Claim
                    </button>
                    {/* Restaking where nothing is staked would stake there anew (and below the minimum, revert). */}
                    {p.stake > 0n && (
                      <button
                        type="button"
                        disabled={tx.busy || p.rewards === 0n}
                        onClick={() =>
                          tx.run("Restake", (c, o) => restake(c, { provider: p.provider, ...o }))
                        }
                      >
                        Restake
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {position && (
        <form className="card" aria-labelledby="move-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="move-title">Unstake or move stake</h2>
          <label>
            From provider
            <select value={position.provider} onChange={(e) => setSelected(e.target.value as Address)}>
              {staked.map((p) => (
                <option key={p.provider} value={p.provider}>
                  {name(p.provider)} ({ankr(p.stake)})
                </option>
              ))}
            </select>
          </label>
          <AmountField
            name="move-amount"
            label="Amount"
            value={amount}
            onChange={(v) => {
              setAmount(v);
              setTouched(true);
            }}
            available={stake}
            availableLabel="Staked here"
            error={error}
          />
          <div className="row">
            <button
              type="button"
              disabled={tx.busy}
              onClick={async () => {
                setTouched(true);
                if (!checked.ok) return;
                const done = await tx.run("Unstake", (c, o) =>
                  undelegate(c, { provider: position.provider, amount: checked.amount, ...o }),
                );
                if (done) setAmount("");
              }}
            >
              Unstake (unbonds for {duration(parameters.data.unbondingPeriod)})
            </button>
          </div>
          <div className="row">
            <label>
              To provider
              <select value={target} onChange={(e) => setTarget(e.target.value as Address)}>
                <option value="">Choose…</option>
                {targets.map((p) => (
                  <option key={p.address} value={p.address}>
                    {p.metadata?.name ?? shortAddress(p.address)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={tx.busy || !target}
              onClick={async () => {
                setTouched(true);
                if (!checked.ok || !target) return;
                const done = await tx.run("Redelegate", (c, o) =>
                  redelegate(c, {
                    fromProvider: position.provider,
                    toProvider: target,
                    amount: checked.amount,
                    ...o,
                  }),
                );
                if (done) setAmount("");
              }}
            >
              Redelegate (no unbonding)
            </button>
          </div>
        </form>
      )}

      <h2>Unbonding</h2>
      {unbonding.entries.length === 0 ? (
        <p>Nothing is unbonding.</p>
      ) : (
        <ul className="queue" data-testid="unbonding">
          {unbonding.entries.map((e) => (
            <li key={e.id.toString()}>
              {ankr(e.amount)}:{" "}
              {e.releaseAt <= now ? (
                <strong>ready to withdraw</strong>
              ) : (
                <>
                  released {relative(e.releaseAt, now)} ({dateTime(e.releaseAt)})
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="primary"
        disabled={tx.busy || unbonding.withdrawable === 0n}
        onClick={() => tx.run("Withdraw", (c, o) => withdraw(c, o))}
      >
        Withdraw {ankr(unbonding.withdrawable)}
      </button>
      <RewardHistory account={account} />
    </section>
  );
}
