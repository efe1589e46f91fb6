import { render, screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { TransactionStatus } from "./TransactionStatus.tsx";

describe("TransactionStatus", () => {
  test("nothing when idle; progress as status; failure as alert", () => {
    const { container, rerender } = render(<TransactionStatus state={{ stage: "idle" }} />);
    expect(container.textContent).toBe("");
    rerender(<TransactionStatus state={{ stage: "wallet", label: "Stake" }} />);
    expect(screen.getByRole("status").textContent).toBe("Stake: confirm in your wallet…");
    rerender(<TransactionStatus state={{ stage: "error", label: "Stake", message: "You rejected it." }} />);
    expect(screen.getByRole("alert").textContent).toBe("Stake failed: You rejected it.");
  });
});
