import { type Proposal, parseAmount } from "@ankr-staking/sdk";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";

import { Tally } from "./Governance.tsx";

const proposal = (votes: Proposal["votes"], quorum: bigint) => ({ votes, quorum }) as unknown as Proposal;

describe("Tally", () => {
  afterEach(cleanup);
  test("each side with its share, and what the quorum still needs", () => {
    render(
      <Tally
        proposal={proposal(
          { for: parseAmount("600"), against: parseAmount("300"), abstain: parseAmount("100") },
          parseAmount("1,000"),
        )}
      />,
    );
    expect(screen.getByTestId("tally-for").textContent).toBe("600 ANKR");
    expect(screen.getByTestId("tally-against").textContent).toBe("300 ANKR");
    expect(screen.getByText("60%")).toBeTruthy();
    expect(screen.getByTestId("quorum").textContent).toBe(
      "Quorum 1,000 ANKR (for + abstain): 700 ANKR so far, 300 ANKR to go. For leads.",
    );
  });
  test("a reached quorum and a tie", () => {
    render(
      <Tally
        proposal={proposal(
          { for: parseAmount("5"), against: parseAmount("5"), abstain: 0n },
          parseAmount("2"),
        )}
      />,
    );
    expect(screen.getByTestId("quorum").textContent).toBe(
      "Quorum 2 ANKR (for + abstain): reached. For does not lead: ties fail.",
    );
  });
});
