// One provider: its figures, metadata and chains, the stake form, and its history from the API.
import { DelegatorCount, ProviderHistory } from "../components/History.tsx";
import { StakeForm } from "../components/StakeForm.tsx";
import { useProvider } from "../hooks/queries.ts";
import { plainError } from "../lib/errors.ts";
import { ankr, bps, chainName, dateTime, percent } from "../lib/format.ts";
import { href } from "../router.ts";

export default function Provider({ address }: { address: `0x${string}` }) {
  const provider = useProvider(address);
  if (provider.isPending) return <p role="status">Loading provider…</p>;
  if (provider.error) return <p role="alert">{plainError(provider.error)}</p>;
  const p = provider.data;
  if (p.statusName === "None")
    return (
      <p role="alert">
        No provider is registered at {address}. <a href={href.providers}>All providers</a>
      </p>
    );
  const meta = p.metadata;
  return (
    <section aria-labelledby="provider-title">
      <p>
        <a href={href.providers}>← All providers</a>
      </p>
      <h1 id="provider-title">{meta?.name ?? address}</h1>
      <p className="muted mono">{address}</p>
      {meta?.description && <p>{meta.description}</p>}
      {meta?.website && (
        <p>
          <a href={meta.website} rel="noopener noreferrer" target="_blank">
            {meta.website}
          </a>
        </p>
      )}
      <div className="grid">
        <dl className="facts card">
          <dt>Status</dt>
          <dd>
            <span className={`status status-${p.statusName}`}>{p.statusName}</span>
          </dd>
          <dt>Backing</dt>
          <dd>{ankr(p.totalStake)}</dd>
          <dt>Self-stake</dt>
          <dd>{ankr(p.selfStake)}</dd>
          <dt>Delegated</dt>
          <dd>{ankr(p.delegatedStake)}</dd>
          <dt>Delegators</dt>
          <dd>
            <DelegatorCount provider={address} />
          </dd>
          <dt>Commission</dt>
          <dd>
            {bps(p.commissionBps)}
            {p.commissionEffectiveAt > 0n && p.pendingCommissionBps !== p.commissionBps && (
              <>
                {" "}
                (changes to {bps(p.pendingCommissionBps)} on {dateTime(p.commissionEffectiveAt)})
              </>
            )}
          </dd>
          <dt>Net APY</dt>
          <dd>
            {p.yield.epochs
              ? `${percent(p.yield.apy)} over ${p.yield.epochs} epochs`
              : "No settled epochs yet"}
          </dd>
          <dt>Last score</dt>
          <dd>{p.lastScoreBps > 0n ? bps(p.lastScoreBps) : "Not scored yet"}</dd>
          <dt>Capacity left</dt>
          <dd>{p.unlimited ? "Uncapped" : ankr(p.capacityLeft)}</dd>
          <dt>Chains served</dt>
          <dd>
            {meta?.chains?.length ? (
              <ul className="chains">
                {meta.chains.map((c) => (
                  <li key={c.id}>
                    <strong>{chainName(c.id)}</strong> {c.endpoints.join(", ")}
                  </li>
                ))}
              </ul>
            ) : (
              "None declared"
            )}
          </dd>
        </dl>
        <StakeForm provider={p} />
      </div>
      <ProviderHistory provider={address} />
    </section>
  );
}
