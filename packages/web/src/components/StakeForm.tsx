// Stake to a provider: amount with balance and Max, every limit checked before sending, the
// projected yearly reward, then permit-or-approve and the stake through the SDK.
import { delegate, ProviderStatus, projectYearlyRewardsDown } from "@ankr-staking/sdk";
import { useState } from "react";

import type { ProviderRow } from "../data/source.ts";
import { useAccountInfo, useCapacity, useParameters, usePositions } from "../hooks/queries.ts";
import { useTransaction } from "../hooks/useTransaction.ts";
import { ankr, percent } from "../lib/format.ts";
import { checkStake } from "../lib/validate.ts";
import { AmountField } from "./AmountField.tsx";
import { TransactionStatus } from "./TransactionStatus.tsx";
import { useReadyAccount } from "./Wallet.tsx";

export function StakeForm({ provider }: { provider: ProviderRow }) {
  const account = useReadyAccount();
  const info = useAccountInfo(account);
  const capacity = useCapacity(provider.address, account);
  const parameters = useParameters();
  const positions = usePositions(account);
  const tx = useTransaction();
  const [input, setInput] = useState("");
  const [touched, setTouched] = useState(false);

  if (!account) return <p className="muted">Connect a wallet on the right network to stake.</p>;
  if (provider.status !== ProviderStatus.Active)
    return <p className="muted">This provider is {provider.statusName} and accepts no new stake.</p>;
  if (!info.data || !capacity.data || !parameters.data || !positions.data)
    return <p role="status">Loading your balance…</p>;

  const current = positions.data.positions.find((p) => p.provider === provider.address)?.stake ?? 0n;
  const allotmentLeft =
    capacity.data.allotment > capacity.data.allotmentUsed
      ? capacity.data.allotment - capacity.data.allotmentUsed
      : 0n;
  const checked = checkStake(input, {
    balance: info.data.balance,
    minDelegation: parameters.data.minDelegation,
    currentStake: current,
    capacityLeft: capacity.data.capacityLeft,
    unlimited: capacity.data.unlimited,
    allotmentLeft,
  });
  const showError = touched && !checked.ok ? checked.error : undefined;

  return (
    <form
      className="card"
      aria-labelledby="stake-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (!checked.ok || tx.busy) return;
        const done = await tx.run("Stake", (client, options) =>
          delegate(client, { provider: provider.address, amount: checked.amount, ...options }),
        );
        if (done) setInput("");
      }}
    >
      <h2 id="stake-title">Stake</h2>
      <AmountField
        name="stake-amount"
        label="Amount to stake"
        value={input}
        onChange={(v) => {
          setInput(v);
          setTouched(true);
        }}
        available={info.data.balance}
        error={showError}
      />
      <dl className="facts">
        <dt>Minimum stake here</dt>
        <dd>{ankr(parameters.data.minDelegation)}</dd>
        <dt>Capacity left for you</dt>
        <dd>{capacity.data.unlimited ? "Uncapped" : ankr(capacity.data.capacityLeft)}</dd>
        {capacity.data.allotment > 0n && (
          <>
            <dt>Your unused allotment</dt>
            <dd>{ankr(allotmentLeft)}</dd>
          </>
        )}
        <dt>Projected yearly rewards</dt>
        <dd data-testid="projection">
          {provider.yield.epochs === 0
            ? "No settled epochs yet, so no yield to project from."
            : checked.ok
              ? `${ankr(projectYearlyRewardsDown(checked.amount, provider.yield.apr))} (${percent(provider.yield.apr)} APR net of commission over the last ${provider.yield.epochs} epochs; not a promise)`
              : `${percent(provider.yield.apr)} APR net of commission`}
        </dd>
        <dt>Authorisation</dt>
        <dd>
          {info.data.permit
            ? "A permit signature (no approval transaction)"
            : "An approval for exactly this amount, then the stake"}
        </dd>
      </dl>
      <button type="submit" className="primary" disabled={tx.busy}>
        {tx.busy ? "Staking…" : "Stake"}
      </button>
      <TransactionStatus state={tx.state} />
    </form>
  );
}
