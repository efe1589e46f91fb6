// Wallet connection: injected wallets and, on a devnet, its test accounts. Shows the connected
// account and the states a person must act on: no wallet, wrong network, disconnected.
import { useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";

import { useApp } from "../hooks/app.ts";
import { shortAddress } from "../lib/format.ts";

export function WalletMenu() {
  const connection = useConnection();
  const { disconnect } = useDisconnect();
  const connectors = useConnectors();
  const { connect, isPending, error } = useConnect();
  if (connection.status === "connected" && connection.address)
    return (
      <div className="wallet">
        <span data-testid="account" title={connection.address}>
          {connection.connector?.name}: {shortAddress(connection.address)}
        </span>
        <button type="button" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
    );
  const hasInjected = typeof window !== "undefined" && "ethereum" in window;
  const usable = connectors.filter((c) => c.type !== "injected" || hasInjected || c.id !== "injected");
  return (
    <div className="wallet">
      <label>
        <span className="sr-only">Connect a wallet</span>
        <select
          aria-label="Connect a wallet"
          value=""
          disabled={isPending}
          onChange={(e) => {
            const connector = connectors.find((c) => c.uid === e.target.value);
            if (connector) connect({ connector });
          }}
        >
          <option value="">{isPending ? "Connecting…" : "Connect wallet"}</option>
          {usable.map((c) => (
            <option key={c.uid} value={c.uid}>
              {c.id === "injected" ? "Browser wallet" : c.name}
            </option>
          ))}
        </select>
      </label>
      {error && <small role="alert">{error.message.split("\n")[0]}</small>}
    </div>
  );
}

/** A banner for whatever stops the account from acting: none when all is well. */
export function WalletNotice() {
  const { config } = useApp();
  const connection = useConnection();
  const { switchChain, isPending } = useSwitchChain();
  const connectors = useConnectors();
  const expected = config.deployment.chainId;
  if (connection.status === "connected" && connection.chainId !== expected)
    return (
      <div className="notice warn" role="alert">
        Your wallet is on chain {connection.chainId}; this app uses chain {expected}.{" "}
        <button type="button" disabled={isPending} onClick={() => switchChain({ chainId: expected })}>
          Switch network
        </button>
      </div>
    );
  if (connection.status === "disconnected") {
    const noWallet = !("ethereum" in window) && !connectors.some((c) => c.type === "devnet");
    return (
      <div className="notice" role="status">
        {noWallet
          ? "No wallet found. Install a browser wallet (an EIP-1193 extension) to stake; you can browse providers without one."
          : "Not connected. Connect a wallet to stake and see your positions."}
      </div>
    );
  }
  return null;
}

/** Renders children only for a connected account on the right chain. */
export function useReadyAccount(): `0x${string}` | undefined {
  const { config } = useApp();
  const connection = useConnection();
  return connection.status === "connected" && connection.chainId === config.deployment.chainId
    ? connection.address
    : undefined;
}
