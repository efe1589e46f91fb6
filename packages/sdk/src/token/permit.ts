// EIP-2612: whether the token has permit, and a permit signature for the staking contract.
import { type Address, type Hex, parseSignature } from "viem";

import { testAnkrAbi } from "../abis/generated.js";
import type { StakingClientBase } from "../client/createStakingClient.js";
import { MissingAccountError } from "../errors/rpc.js";

/** The token's permit surface (OpenZeppelin ERC20Permit: the devnet token; mainnet ANKR has none). */
const erc20Abi = testAnkrAbi;

const support = new WeakMap<StakingClientBase, Promise<boolean>>();

/** Whether the deployment's token implements EIP-2612 (answered once per client). */
export function supportsPermit(client: StakingClientBase): Promise<boolean> {
  let answer = support.get(client);
  if (!answer) {
    const { publicClient, deployment } = client;
    answer = Promise.all([
      publicClient.readContract({
        address: deployment.token,
        abi: erc20Abi,
        functionName: "DOMAIN_SEPARATOR",
      }),
      publicClient.readContract({
        address: deployment.token,
        abi: erc20Abi,
        functionName: "nonces",
        args: [deployment.token],
      }),
    ]).then(
      () => true,
      () => false,
    );
    support.set(client, answer);
  }
  return answer;
}

export type PermitSignature = { deadline: bigint; v: number; r: Hex; s: Hex };

/** Signs a permit letting `spender` pull `value` from the client's account until `deadline`. */
export async function signPermit(
  client: StakingClientBase,
  { spender, value, deadline }: { spender: Address; value: bigint; deadline: bigint },
): Promise<PermitSignature> {
  const { walletClient, account, publicClient, deployment } = client;
  if (!walletClient || !account) throw new MissingAccountError();
  const token = deployment.token;
  const [name, version] = await publicClient
    .readContract({ address: token, abi: erc20Abi, functionName: "eip712Domain" })
    .then(([, name, version]) => [name, version] as const)
    .catch(async () => [
      await publicClient.readContract({ address: token, abi: erc20Abi, functionName: "name" }),
      "1",
    ]);
  const nonce = await publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "nonces",
    args: [account.address],
  });
  const signature = await walletClient.signTypedData({
    account,
    domain: { name, version, chainId: deployment.chainId, verifyingContract: token },
    types: {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    },
    primaryType: "Permit",
    message: { owner: account.address, spender, value, nonce, deadline },
  });
  const { r, s, v, yParity } = parseSignature(signature);
  return { deadline, v: Number(v ?? BigInt(yParity + 27)), r, s };
}
