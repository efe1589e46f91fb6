// The providers table: sortable by every column, filterable by status, searchable by name or address.
import { ProviderStatus } from "@ankr-staking/sdk";
import { useMemo, useState } from "react";

import type { ProviderRow } from "../data/source.ts";
import { useProviders } from "../hooks/queries.ts";
import { plainError } from "../lib/errors.ts";
import { ankr, bps, chainName, percent, shortAddress } from "../lib/format.ts";
import { href } from "../router.ts";

type Column = { key: string; label: string; value: (p: ProviderRow) => bigint | number | string };
const columns: Column[] = [
  { key: "name", label: "Provider", value: (p) => (p.metadata?.name ?? p.address).toLowerCase() },
  { key: "stake", label: "Backing", value: (p) => p.totalStake },
  { key: "self", label: "Self-stake", value: (p) => p.selfStake },
  { key: "commission", label: "Commission", value: (p) => p.commissionBps },
  { key: "apy", label: "Net APY", value: (p) => p.yield.apy },
  { key: "score", label: "Score", value: (p) => p.lastScoreBps },
  { key: "chains", label: "Chains served", value: (p) => p.metadata?.chains?.length ?? 0 },
  { key: "capacity", label: "Capacity left", value: (p) => (p.unlimited ? 2n ** 256n : p.capacityLeft) },
  { key: "status", label: "Status", value: (p) => p.statusName },
];

/** The chains a provider declares, by their registry names ("Ethereum, Solana"), or "–". */
export function chainsServed(p: ProviderRow): string {
  const names = (p.metadata?.chains ?? []).map((c) => chainName(c.id));
  return names.length ? names.join(", ") : "–";
}

export function filterProviders(rows: ProviderRow[], search: string, status: string): ProviderRow[] {
  const needle = search.trim().toLowerCase();
  return rows.filter(
    (p) =>
      (status === "all" ? p.status !== ProviderStatus.Exited : p.statusName === status) &&
      (!needle ||
        p.address.toLowerCase().includes(needle) ||
        (p.metadata?.name ?? "").toLowerCase().includes(needle) ||
        (p.metadata?.chains ?? []).some((c) => c.id.toLowerCase().includes(needle))),
  );
}

export function sortProviders(rows: ProviderRow[], key: string, descending: boolean): ProviderRow[] {
  const column = columns.find((c) => c.key === key) ?? columns[1];
  if (!column) return rows;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });
}

export default function Providers() {
  const providers = useProviders();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("all");
  const [sort, setSort] = useState({ key: "stake", descending: true });
  const rows = useMemo(
    () => sortProviders(filterProviders(providers.data ?? [], search, status), sort.key, sort.descending),
    [providers.data, search, status, sort],
  );
  return (
    <section aria-labelledby="providers-title">
      <h1 id="providers-title">Node providers</h1>
      <div className="filters">
        <label>
          Search
          <input
            type="search"
            placeholder="Name, address or chain"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="all">All but exited</option>
            <option value="Active">Active</option>
            <option value="Pending">Pending</option>
            <option value="Jailed">Jailed</option>
            <option value="Exited">Exited</option>
          </select>
        </label>
      </div>
      {providers.isPending && <p role="status">Loading providers…</p>}
      {providers.error && <p role="alert">{plainError(providers.error)}</p>}
      {providers.data && (
        <div className="table-scroll">
          <table data-testid="providers">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={sort.key === c.key ? (sort.descending ? "descending" : "ascending") : "none"}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        setSort((s) => ({
                          key: c.key,
                          // Names and commissions read best lowest first; amounts and scores highest first.
                          descending:
                            s.key === c.key ? !s.descending : c.key !== "name" && c.key !== "commission",
                        }))
                      }
                    >
                      {c.label}
                      <span aria-hidden="true">
                        {sort.key === c.key ? (sort.descending ? " ▼" : " ▲") : ""}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.address}>
                  <td>
                    <a href={href.provider(p.address)}>{p.metadata?.name ?? shortAddress(p.address)}</a>
                  </td>
                  <td>{ankr(p.totalStake)}</td>
                  <td>{ankr(p.selfStake)}</td>
                  <td>{bps(p.commissionBps)}</td>
                  <td>{p.yield.epochs ? percent(p.yield.apy) : "–"}</td>
                  <td>{p.lastScoreBps > 0n ? bps(p.lastScoreBps) : "–"}</td>
                  <td data-testid="chains-served">{chainsServed(p)}</td>
                  <td>{p.unlimited ? "Uncapped" : ankr(p.capacityLeft)}</td>
                  <td>
                    <span className={`status status-${p.statusName}`}>{p.statusName}</span>
                  </td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={columns.length}>No provider matches.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
