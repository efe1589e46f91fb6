// "Devnet account": a wagmi connector for a local chain (chain id 31337) that signs in the page with
// one of the devnet's public test keys (listed by the devnet in /config.json), so the devnet needs
// no browser extension. Only offered when the deployment's chain id is 31337. The signer
// (devnetSigner.ts) loads on the first signature, so the first page carries no wallet actions or
// key derivation for it.

import { type Address, type Chain, type Hex, http, numberToHex } from "viem";
import { createConnector } from "wagmi";

import type { DevnetAccount } from "./runtime.ts";

export const DEVNET_CHAIN_ID = 31_337;

export type RpcTransaction = { to?: Address; data?: Hex; value?: Hex; gas?: Hex; nonce?: Hex };

export function devnetAccount(entry: DevnetAccount, index: number, chain: Chain) {
  const account = { address: entry.address };
  const rpc = http(chain.rpcUrls.default.http[0])({ chain });
  let signer: ReturnType<typeof import("./devnetSigner.ts").createSigner> | undefined;
  const sign = async () => {
    signer ??= (await import("./devnetSigner.ts")).createSigner(entry.key, chain, entry.address);
    return signer;
  };
  // Remembered across reloads, as an extension remembers a site it is connected to.
  const remembered = `ankr-staking.devnet-account.${entry.address}`;
  const storage = typeof localStorage === "undefined" ? undefined : localStorage;
  let connected = storage?.getItem(remembered) === "1";

  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_accounts":
        return connected ? [account.address] : [];
      case "eth_requestAccounts":
        return [account.address];
      case "eth_chainId":
        return numberToHex(chain.id);
      case "eth_sendTransaction":
        return (await sign()).sendTransaction(args[0] as RpcTransaction);
      case "eth_signTypedData_v4":
        return (await sign()).signTypedData(args[1] as string);
      case "personal_sign":
        return (await sign()).signMessage(args[0] as Hex);
      default:
        return rpc.request({ method, params } as never);
    }
  };
  const provider = { request, on() {}, removeListener() {} };

  return createConnector((config) => ({
    id: `devnet-${index}`,
    name: `Devnet: ${entry.label}`,
    type: "devnet",
    async connect(parameters?: { withCapabilities?: boolean }) {
      connected = true;
      storage?.setItem(remembered, "1");
      const accounts = parameters?.withCapabilities
        ? [{ address: account.address, capabilities: {} }]
        : [account.address];
      // biome-ignore lint/suspicious/noExplicitAny: wagmi types the result by withCapabilities
      return { accounts: accounts as any, chainId: chain.id };
    },
    async disconnect() {
      connected = false;
      storage?.removeItem(remembered);
    },
    async getAccounts() {
      return connected ? [account.address] : [];
    },
    async getChainId() {
      return chain.id;
    },
    async getProvider() {
      return provider;
    },
    async isAuthorized() {
      return connected;
    },
    onAccountsChanged() {},
    onChainChanged() {},
    onDisconnect() {
      config.emitter.emit("disconnect");
    },
  }));
}
