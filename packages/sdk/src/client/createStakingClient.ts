// The one way in: a client bound to an RPC endpoint and a deployment, with every action attached.
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";

import type { AmountFormat } from "../amounts/amount.js";
import type { Deployment } from "../deployments/deployment.js";
import { chainFor } from "./chain.js";
import { type StakingActions, stakingActions } from "./decorator.js";

export type CreateStakingClientParameters = {
  deployment: Deployment;
  /** HTTP RPC URL; or pass `transport`. */
  rpcUrl?: string;
  transport?: Transport;
  /** Signs writes; reads need none. A local account (privateKeyToAccount) or a JSON-RPC address. */
  account?: Account | undefined;
  /** How often receipts are polled, in ms (default 1000; use less on a devnet). */
  pollingInterval?: number;
  /** The token's symbol and decimals for messages (default ANKR, 18). */
  format?: AmountFormat;
};

export type StakingClientBase = {
  deployment: Deployment;
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  walletClient: WalletClient<Transport, Chain, Account> | undefined;
  account: Account | undefined;
  format: Required<Pick<AmountFormat, "symbol" | "decimals">>;
};

export type StakingClient = StakingClientBase & StakingActions;

/**
 * Creates a staking client.
 *
 * @example
 * const client = createStakingClient({
 *   rpcUrl: "http://127.0.0.1:8545",
 *   deployment: loadDeployment(31337),
 *   account: privateKeyToAccount(process.env.PRIVATE_KEY),
 * })
 * const providers = await client.getProviders()
 */
export function createStakingClient(parameters: CreateStakingClientParameters): StakingClient {
  const { deployment, rpcUrl, account, pollingInterval = 1000, format } = parameters;
  const chain = chainFor(deployment.chainId, rpcUrl);
  const transport = parameters.transport ?? http(rpcUrl, { retryCount: 1 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval });
  const walletClient = account
    ? createWalletClient({ chain, transport, account, pollingInterval })
    : undefined;
  const base: StakingClientBase = {
    deployment,
    chain,
    publicClient,
    walletClient,
    account,
    format: { symbol: format?.symbol ?? "ANKR", decimals: format?.decimals ?? 18 },
  };
  return { ...base, ...stakingActions(base) };
}
