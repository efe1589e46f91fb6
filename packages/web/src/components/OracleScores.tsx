// The provider's scores so far this epoch, per chain and endpoint, from each oracle member's
// GET /scores (a lazy chunk of the console: the first page never loads it). What settles is the
// committee's report at the epoch's end; this is each member's running tally until then.
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { type MemberAnswer, type MemberScores, oracleScores } from "../data/oracle.ts";
import { useApp } from "../hooks/app.ts";
import { bps, chainName, shortAddress } from "../lib/format.ts";

const POLL_MS = 30_000;

function MemberView({ scores }: { scores: MemberScores }) {
  return (
    <>
      <p>
        Epoch {scores.epoch} so far: <strong data-testid="oracle-score">{bps(scores.scoreBps)}</strong> over
        every declared chain.
      </p>
      {scores.metadataError && (
        <p className="error" data-testid="oracle-metadata-error">
          This member ignores your metadata, so you score 0: {scores.metadataError}
        </p>
      )}
      {scores.unknownChains.length > 0 && (
        <p className="muted" data-testid="oracle-unknown-chains">
          Not measured (not in this member's chain registry): {scores.unknownChains.join(", ")}
        </p>
      )}
      {scores.chains.length > 0 && (
        // Focusable so a keyboard can scroll it on a phone, where the endpoint URLs overflow (axe's
        // scrollable-region-focusable); a table has no focusable cells of its own.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
        <section className="table-scroll" aria-label="Scores per chain and endpoint" tabIndex={0}>
          <table data-testid="oracle-chains">
            <thead>
              <tr>
                <th scope="col">Chain</th>
                <th scope="col">Score</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Rounds answered</th>
                <th scope="col">Last probe</th>
              </tr>
            </thead>
            <tbody>
              {scores.chains.flatMap((c) =>
                c.endpoints.map((e, i) => (
                  <tr key={`${c.chain} ${e.url}`} data-chain={c.chain}>
                    {i === 0 && (
                      <>
                        <th scope="row" rowSpan={c.endpoints.length}>
                          {chainName(c.chain)}
                        </th>
                        <td rowSpan={c.endpoints.length}>{bps(c.scoreBps)}</td>
                      </>
                    )}
                    <td className="mono">{e.url}</td>
                    <td>
                      {e.ok} of {e.rounds}
                    </td>
                    <td>
                      {e.lastError
                        ? `Failed: ${e.lastError}`
                        : e.lastLatencyMs !== undefined
                          ? `OK, ${Math.round(e.lastLatencyMs)} ms`
                          : "Not probed yet"}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function Answer({ answer }: { answer: MemberAnswer }) {
  if (!answer.ok)
    return (
      <p className="error">
        The member at {answer.url} gave no scores: {answer.error}.
      </p>
    );
  if (!answer.scores)
    return <p className="muted">This member does not measure you yet (only the scored set is probed).</p>;
  return <MemberView scores={answer.scores} />;
}

export default function OracleScores({ provider, fetcher }: { provider: Address; fetcher?: typeof fetch }) {
  const { oracleUrls } = useApp().config;
  const query = useQuery({
    queryKey: ["oracle", "scores", provider, oracleUrls],
    queryFn: () => oracleScores(oracleUrls, provider, fetcher),
    enabled: oracleUrls.length > 0,
    refetchInterval: POLL_MS,
  });
  return (
    <div className="card" data-testid="oracle-scores">
      <h2>Scores from the oracle</h2>
      {oracleUrls.length === 0 ? (
        <p className="muted" data-testid="oracle-none">
          This deployment names no oracle members (no oracleUrls in /config.json), so scores per chain cannot
          be shown; the last settled score is on chain.
        </p>
      ) : !query.data ? (
        <p role="status">Asking the oracle members…</p>
      ) : (
        <>
          {query.data.every((a) => !a.ok) && (
            <p role="alert">No oracle member answered, so scores per chain cannot be shown right now.</p>
          )}
          {query.data.map((answer) => (
            <section
              key={answer.url}
              data-testid="oracle-member"
              aria-label={`Oracle member ${answer.ok && answer.scores ? shortAddress(answer.scores.member) : answer.url}`}
            >
              <h3>
                Member {answer.ok && answer.scores ? shortAddress(answer.scores.member) : ""}{" "}
                <span className="muted mono">{answer.url}</span>
              </h3>
              <Answer answer={answer} />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
