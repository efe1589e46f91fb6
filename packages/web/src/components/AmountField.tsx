// An amount input with the balance and a Max button; the error is tied to the input for screen readers.

import { formatAmount } from "@ankr-staking/sdk";
import { useId } from "react";
import { ankr } from "../lib/format.ts";

export function AmountField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  available?: bigint | undefined;
  availableLabel?: string;
  error?: string | undefined;
  name: string;
}) {
  const id = useId();
  const { available } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="amount">
        <input
          id={id}
          name={props.name}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.0"
          value={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <span aria-hidden="true">ANKR</span>
        {available !== undefined && (
          <button type="button" className="link" onClick={() => props.onChange(formatAmount(available))}>
            Max
          </button>
        )}
      </div>
      {available !== undefined && (
        <small>
          {props.availableLabel ?? "Balance"}: {ankr(available)}
        </small>
      )}
      {props.error && (
        <small id={`${id}-error`} className="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}
