// The state of the last write, announced to screen readers.
import type { TransactionState } from "../hooks/useTransaction.ts";

export function TransactionStatus({ state }: { state: TransactionState }) {
  if (state.stage === "idle") return null;
  const text =
    state.stage === "wallet"
      ? `${state.label}: confirm in your wallet…`
      : state.stage === "sent"
        ? `${state.label}: sent, waiting for confirmation…`
        : state.stage === "done"
          ? `${state.label}: confirmed in block ${state.result.blockNumber}.${
              state.result.tokenStep?.kind === "permit"
                ? " Authorised with a permit signature (no approval transaction)."
                : state.result.tokenStep?.kind === "approve"
                  ? " An approval for exactly this amount was sent first."
                  : ""
            }`
          : `${state.label} failed: ${state.message}`;
  return (
    <p
      className={`tx tx-${state.stage}`}
      role={state.stage === "error" ? "alert" : "status"}
      data-testid="tx-status"
    >
      {text}
    </p>
  );
}
