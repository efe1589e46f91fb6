// "Devnet account": a wagmi connector for a local chain (chain id 31337) that signs with one of
// anvil's well-known development keys in the page, so the devnet needs no browser extension.
// The keys are public; the connector is only offered when the deployment's chain id is 31337.
// Addresses are written out and the signer (devnetSigner.ts) loads on the first signature, so the
// first page carries no wallet actions or key derivation for it.

import { type Address, type Chain, type Hex, http, numberToHex } from "viem";
import { createConnector } from "wagmi";

export const DEVNET_CHAIN_ID = 31_337;

/** anvil's default mnemonic, accounts 0-5: deployer, two providers, three delegators. */
export const devnetAccounts = [
  {
    label: "Deployer",
    address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    key: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  },
  {
    label: "Provider A",
    address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    key: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  },
  {
    label: "Provider B",
    address: "0xca238fC842Ef1a7D978546c4190Eadf466A3e5Db",
    key: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a8e4ab7b8f3f",
  },
  {
    label: "Alice",
    address: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
    key: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  },
  {
    label: "Bob",
    address: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
    key: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  },
  {
    label: "Carol",
    address: "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
    key: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  },
] as const satisfies readonly { label: string; address: Address; key: Hex }[];

export type RpcTransaction = { to?: Address; data?: Hex; value?: Hex; gas?: Hex; nonce?: Hex };

export function devnetAccount(index: number, chain: Chain) {
  const entry = devnetAccounts[index];
  if (!entry) throw new Error(`no devnet account ${index}`);
  const account = { address: entry.address as Address };
  const rpc = http(chain.rpcUrls.default.http[0])({ chain });
  let signer: ReturnType<typeof import("./devnetSigner.ts").createSigner> | undefined;
  const sign = async () => {
    signer ??= (await import("./devnetSigner.ts")).createSigner(entry.key, chain);
    return signer;
  };
  // Remembered across reloads, as an extension remembers a site it is connected to.
  const remembered = `ankr-staking.devnet-account.${index}`;
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
