// The wagmi config for a runtime config: the deployment's chain, injected EIP-1193 wallets, and on
// a devnet its test accounts (no extension needed).
import { chainFor } from "@ankr-staking/sdk";
import { createConfig, http, injected } from "wagmi";

import { DEVNET_CHAIN_ID, devnetAccount } from "./devnetConnector.ts";
import type { RuntimeConfig } from "./runtime.ts";

export function createWagmiConfig({ rpcUrl, deployment, devnetAccounts }: RuntimeConfig) {
  const chain = chainFor(deployment.chainId, rpcUrl);
  // Keys in the page are for a local chain only, whatever a config file says.
  const devnet =
    deployment.chainId === DEVNET_CHAIN_ID
      ? devnetAccounts.map((entry, i) => devnetAccount(entry, i, chain))
      : [];
  return createConfig({
    chains: [chain],
    connectors: [injected(), ...devnet],
    transports: { [chain.id]: http(rpcUrl) },
    multiInjectedProviderDiscovery: true,
  });
}
