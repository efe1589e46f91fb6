// Provider console: register with a self-stake and metadata, then edit metadata, change the
// commission (an increase waits out the notice period), see the oracle's scores per chain and exit.
import {
  exitProvider,
  parseBps,
  registerProvider,
  setCommission,
  setMetadataURI,
  withdrawSelfStake,
} from "@ankr-staking/sdk";
import { lazy, Suspense, useState } from "react";

import { AmountField } from "../components/AmountField.tsx";
import {
  formFromMetadata,
  MetadataFields,
  type MetadataForm,
  metadataFrom,
} from "../components/MetadataFields.tsx";
import { TransactionStatus } from "../components/TransactionStatus.tsx";
import { useReadyAccount } from "../components/Wallet.tsx";
import type { ProviderRow } from "../data/source.ts";
import { useAccountInfo, useChainTime, useParameters, useProvider } from "../hooks/queries.ts";
import { useTransaction } from "../hooks/useTransaction.ts";
import { ankr, bps, dateTime, duration, relative } from "../lib/format.ts";
import { parseInput } from "../lib/validate.ts";

// The scores panel asks the oracle members over HTTP; it loads with the console only.
const OracleScores = lazy(() => import("../components/OracleScores.tsx"));

function Register({ account }: { account: `0x${string}` }) {
  const parameters = useParameters();
  const info = useAccountInfo(account);
  const tx = useTransaction();
  const [selfStake, setSelfStake] = useState("");
  const [commission, setCommissionInput] = useState("10");
  const [form, setForm] = useState<MetadataForm>(() => formFromMetadata(undefined));
  const [error, setError] = useState<string>();
  if (!parameters.data || !info.data) return <p role="status">Loading…</p>;
  const { minSelfStake, maxCommissionBps } = parameters.data;
  return (
    <form
      className="card"
      aria-labelledby="register-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const amount = parseInput(selfStake);
        if (!amount.ok) return setError(amount.error);
        if (amount.amount < minSelfStake)
          return setError(`The self-stake must be at least ${ankr(minSelfStake)}.`);
        if (amount.amount > info.data.balance) return setError(`You hold only ${ankr(info.data.balance)}.`);
        let commissionBps: number;
        try {
          commissionBps = parseBps(commission);
        } catch {
          return setError("The commission must be a percentage like 10 or 12.5.");
        }
        if (commissionBps > maxCommissionBps)
          return setError(`The commission may be at most ${bps(maxCommissionBps)}.`);
        const metadata = metadataFrom(form);
        if ("error" in metadata) return setError(metadata.error);
        setError(undefined);
        await tx.run("Register", (c, o) =>
          registerProvider(c, { selfStake: amount.amount, commissionBps, metadataURI: metadata.uri, ...o }),
        );
      }}
    >
      <h2 id="register-title">Register as a node provider</h2>
      <p className="muted">
        Governance admits new providers; until then you are Pending and earn nothing. The self-stake is the
        first-loss bond and unbonds over {duration(parameters.data.providerUnbondingPeriod)} after an exit.
      </p>
      <AmountField
        name="self-stake"
        label={`Self-stake (at least ${ankr(minSelfStake)})`}
        value={selfStake}
        onChange={setSelfStake}
        available={info.data.balance}
      />
      <label>
        Commission (%, at most {bps(maxCommissionBps)})
        <input
          name="commission"
          inputMode="decimal"
          value={commission}
          onChange={(e) => setCommissionInput(e.target.value)}
        />
      </label>
      <MetadataFields form={form} set={setForm} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={tx.busy}>
        Register
      </button>
      <TransactionStatus state={tx.state} />
    </form>
  );
}

function Manage({ provider }: { provider: ProviderRow }) {
  const parameters = useParameters();
  const time = useChainTime();
  const tx = useTransaction();
  const [form, setForm] = useState<MetadataForm>(() => formFromMetadata(provider.metadata));
  const [commission, setCommissionInput] = useState(bps(provider.commissionBps).replace("%", ""));
  const [error, setError] = useState<string>();
  if (!parameters.data || time.data === undefined) return <p role="status">Loading…</p>;
  const now = time.data;
  let newBps: number | undefined;
  try {
    newBps = parseBps(commission);
  } catch {
    newBps = undefined;
  }
  const increase = newBps !== undefined && BigInt(newBps) > provider.commissionBps;
  const effectiveAt = now + BigInt(parameters.data.commissionNoticePeriod);
  const exited = provider.statusName === "Exited";
  return (
    <>
      <dl className="facts card">
        <dt>Status</dt>
        <dd data-testid="provider-status">{provider.statusName}</dd>
        <dt>Self-stake</dt>
        <dd>{ankr(provider.selfStake)}</dd>
        <dt>Backing</dt>
        <dd>{ankr(provider.totalStake)}</dd>
        <dt>Commission</dt>
        <dd>
          {bps(provider.commissionBps)}
          {provider.commissionEffectiveAt > now && (
            <>
              {" "}
              → {bps(provider.pendingCommissionBps)} {relative(provider.commissionEffectiveAt, now)} (
              {dateTime(provider.commissionEffectiveAt)})
            </>
          )}
        </dd>
        <dt>Commission earned</dt>
        <dd>{ankr(provider.commissionAccrued)}</dd>
        {provider.selfStakeUnbonding > 0n && (
          <>
            <dt>Self-stake unbonding</dt>
            <dd>
              {ankr(provider.selfStakeUnbonding)}, released {relative(provider.selfStakeReleaseAt, now)}
            </dd>
          </>
        )}
      </dl>
      <TransactionStatus state={tx.state} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!exited && (
        <form
          className="card"
          aria-labelledby="meta-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const metadata = metadataFrom(form);
            if ("error" in metadata) return setError(metadata.error);
            setError(undefined);
            await tx.run("Update metadata", (c, o) => setMetadataURI(c, { metadataURI: metadata.uri, ...o }));
          }}
        >
          <h2 id="meta-title">Metadata</h2>
          {!provider.metadata && (
            <p className="muted" data-testid="meta-hosted">
              Your metadata is at {provider.metadataURI || "no URI"}, which the app does not read; saving
              replaces it with the document below (a data: URI).
            </p>
          )}
          <MetadataFields form={form} set={setForm} />
          <button type="submit" disabled={tx.busy}>
            Save metadata
          </button>
        </form>
      )}
      {!exited && (
        <form
          className="card"
          aria-labelledby="commission-title"
          onSubmit={async (e) => {
            e.preventDefault();
            if (newBps === undefined) return setError("The commission must be a percentage like 10 or 12.5.");
            if (newBps > parameters.data.maxCommissionBps)
              return setError(`The commission may be at most ${bps(parameters.data.maxCommissionBps)}.`);
            setError(undefined);
            const value = newBps;
            await tx.run("Change commission", (c, o) => setCommission(c, { commissionBps: value, ...o }));
          }}
        >
          <h2 id="commission-title">Commission</h2>
          <label>
            New commission (%)
            <input
              name="new-commission"
              inputMode="decimal"
              value={commission}
              onChange={(e) => setCommissionInput(e.target.value)}
            />
          </label>
          <p className="muted" data-testid="commission-effect">
            {increase
              ? `An increase takes effect after the ${duration(parameters.data.commissionNoticePeriod)} notice period: about ${dateTime(effectiveAt)}, so delegators can leave first.`
              : "A decrease takes effect at once."}
          </p>
          <button type="submit" disabled={tx.busy}>
            Change commission
          </button>
        </form>
      )}
      <Suspense fallback={<p role="status">Loading the oracle's scores…</p>}>
        <OracleScores provider={provider.address} />
      </Suspense>
      <div className="card">
        <h2>Exit</h2>
        {exited ? (
          <button
            type="button"
            disabled={tx.busy || provider.selfStakeUnbonding === 0n || provider.selfStakeReleaseAt > now}
            onClick={() => tx.run("Withdraw self-stake", (c, o) => withdrawSelfStake(c, o))}
          >
            Withdraw self-stake
          </button>
        ) : (
          <>
            <p className="muted">
              Exiting stops new stake; your self-stake unbonds over{" "}
              {duration(parameters.data.providerUnbondingPeriod)} and stays slashable meanwhile.
            </p>
            <button
              type="button"
              className="danger"
              disabled={tx.busy}
              onClick={() => {
                if (window.confirm("Exit as a provider? This cannot be undone."))
                  tx.run("Exit", (c, o) => exitProvider(c, o));
              }}
            >
              Exit as a provider
            </button>
          </>
        )}
      </div>
    </>
  );
}

export default function Console() {
  const account = useReadyAccount();
  const provider = useProvider(account ?? "0x0000000000000000000000000000000000000000");
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">Provider console</h1>
      {!account ? (
        <p>Connect the provider's wallet on the right network.</p>
      ) : !provider.data ? (
        <p role="status">Loading…</p>
      ) : provider.data.statusName === "None" ? (
        <Register account={account} />
      ) : (
        <Manage provider={provider.data} />
      )}
    </section>
  );
}
