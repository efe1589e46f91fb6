// The devnet connector's signer, loaded on the first transaction or signature: viem's wallet
// actions and secp256k1 signing are not needed to show the first page.
import {
  type Address,
  type Chain,
  createWalletClient,
  type Hex,
  hexToBigInt,
  http,
  type TypedDataDefinition,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

import type { RpcTransaction } from "./devnetConnector.ts";

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

export function createSigner(key: Hex, chain: Chain, expected: Address) {
  const account = privateKeyToAccount(key);
  // The address is shown before the key is derived; a config pairing them wrongly must not sign.
  if (account.address.toLowerCase() !== expected.toLowerCase()) {
    throw new Error(`the devnet key listed for ${expected} belongs to ${account.address}`);
  }
  const wallet = createWalletClient({ account, chain, transport: http(chain.rpcUrls.default.http[0]) });
  return {
    sendTransaction: (tx: RpcTransaction) =>
      wallet.sendTransaction({
        to: tx.to,
        data: tx.data,
        value: tx.value ? hexToBigInt(tx.value) : undefined,
        gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
      } as Parameters<typeof wallet.sendTransaction>[0]),
    signTypedData: (json: string) =>
      account.signTypedData(reviveTypedData(JSON.parse(json) as TypedDataJson)),
    signMessage: (raw: Hex) => account.signMessage({ message: { raw } }),
  };
}
