// "Devnet account": a wagmi connector for a local chain (chain id 31337) that signs with one of
// anvil's well-known development keys in the page, so the devnet needs no browser extension.
// The keys are public; the connector is only offered when the deployment's chain id is 31337.

import {
  type Address,
  type Chain,
  createWalletClient,
  type Hex,
  hexToBigInt,
  http,
  numberToHex,
  type TypedDataDefinition,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createConnector } from "wagmi";

export const DEVNET_CHAIN_ID = 31_337;

/** anvil's default mnemonic, accounts 0-5: deployer (admin, settler), two providers, three delegators. */
export const devnetAccounts = [
  { label: "Deployer", key: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80" },
  { label: "Provider A", key: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" },
  { label: "Provider B", key: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a8e4ab7b8f3f" },
  { label: "Alice", key: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6" },
  { label: "Bob", key: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a" },
  { label: "Carol", key: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba" },
] as const satisfies readonly { label: string; key: Hex }[];

type RpcTransaction = { to?: Address; data?: Hex; value?: Hex; gas?: Hex; nonce?: Hex };
type TypedDataJson = {
  domain: Record<string, unknown>;
  types: Record<string, { name: string; type: string }[]>;
  primaryType: string;
  message: Record<string, unknown>;
};

/** eth_signTypedData_v4 carries numbers as strings; viem signs bigint. */
function reviveTypedData(json: TypedDataJson): TypedDataDefinition {
  const revive = (type: string, value: unknown): unknown => {
    if (/^u?int\d*$/.test(type) && (typeof value === "string" || typeof value === "number"))
      return BigInt(value);
    const struct = json.types[type];
    if (struct && value && typeof value === "object") {
      const object = value as Record<string, unknown>;
      return Object.fromEntries(struct.map((f) => [f.name, revive(f.type, object[f.name])]));
    }
    return value;
  };
  const { EIP712Domain: _domain, ...types } = json.types;
  const domain = { ...json.domain };
  if (domain.chainId !== undefined) domain.chainId = Number(domain.chainId);
  return {
    domain,
    types,
    primaryType: json.primaryType,
    message: revive(json.primaryType, json.message) as Record<string, unknown>,
  } as unknown as TypedDataDefinition;
}

export function devnetAccount(index: number, chain: Chain) {
  const entry = devnetAccounts[index];
  if (!entry) throw new Error(`no devnet account ${index}`);
  const account = privateKeyToAccount(entry.key);
  const transport = http(chain.rpcUrls.default.http[0]);
  const wallet = createWalletClient({ account, chain, transport });
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
      case "eth_sendTransaction": {
        const tx = args[0] as RpcTransaction;
        return wallet.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
        } as Parameters<typeof wallet.sendTransaction>[0]);
      }
      case "eth_signTypedData_v4": {
        const json = JSON.parse(args[1] as string) as TypedDataJson;
        return account.signTypedData(reviveTypedData(json));
      }
      case "personal_sign":
        return account.signMessage({ message: { raw: args[0] as Hex } });
      default:
        return wallet.transport.request({ method, params } as never);
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
