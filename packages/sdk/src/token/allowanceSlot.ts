// Where a token keeps `allowance(owner, spender)`, so a call that pulls tokens can be simulated as
// if the approval had already been given (a state override), before anything is sent.
import {
  type Address,
  encodeAbiParameters,
  type Hex,
  keccak256,
  numberToHex,
  type StateOverride,
} from "viem";

import { testAnkrAbi } from "../abis/generated.js";
import type { StakingClientBase } from "../client/createStakingClient.js";

/**
 * Candidate base slots of the `allowances` mapping: the first declared slots of a plain Solidity
 * token (OpenZeppelin's ERC20 uses 1, most others 0-10), and OpenZeppelin's upgradeable ERC20,
 * whose storage lives in an ERC-7201 namespace with `_allowances` one slot after its base.
 */
const OZ_UPGRADEABLE_ERC20_BASE = 0x52c63247e1f47db19d5ce0460030c497f067ca4cebf71ba98eeadabe20bace00n;
export const ALLOWANCE_SLOT_CANDIDATES: readonly bigint[] = [
  ...Array.from({ length: 16 }, (_, i) => BigInt(i)),
  OZ_UPGRADEABLE_ERC20_BASE + 1n,
];

/** The storage slot of `allowances[owner][spender]` for a Solidity mapping at `base`. */
export function allowanceSlot(base: bigint, owner: Address, spender: Address): Hex {
  const inner = keccak256(encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [owner, base]));
  return keccak256(encodeAbiParameters([{ type: "address" }, { type: "bytes32" }], [spender, inner]));
}

// Found once per chain and token: the layout of a deployed token does not change.
const found = new Map<string, bigint | null>();

// Each candidate gets its own marker value, so one eth_call tells which slot `allowance` read.
const MARKER = 0x5ca1ab1e00000000000000000000000000000000000000000000000000000000n;

/**
 * Finds the base slot of the token's allowance mapping with one `eth_call` of `allowance` under a
 * state override that writes a distinct marker into every candidate slot. Any node that supports
 * `eth_call` state overrides (geth, reth, anvil, most providers) answers it; `null` when the
 * token's layout is none of the candidates or the node refuses overrides.
 */
export async function findAllowanceSlot(
  client: StakingClientBase,
  owner: Address,
  spender: Address,
): Promise<bigint | null> {
  const token = client.deployment.token;
  const key = `${client.deployment.chainId}:${token.toLowerCase()}`;
  const cached = found.get(key);
  if (cached !== undefined) return cached;
  let base: bigint | null = null;
  try {
    const value = await client.publicClient.readContract({
      address: token,
      abi: testAnkrAbi,
      functionName: "allowance",
      args: [owner, spender],
      stateOverride: [
        {
          address: token,
          stateDiff: ALLOWANCE_SLOT_CANDIDATES.map((candidate, i) => ({
            slot: allowanceSlot(candidate, owner, spender),
            value: numberToHex(MARKER + BigInt(i), { size: 32 }),
          })),
        },
      ],
    });
    const index = value - MARKER;
    if (index >= 0n && index < BigInt(ALLOWANCE_SLOT_CANDIDATES.length)) {
      base = ALLOWANCE_SLOT_CANDIDATES[Number(index)] ?? null;
    }
  } catch {
    // The node does not take state overrides: the caller falls back to approving first.
    return null;
  }
  found.set(key, base);
  return base;
}

/**
 * A state override giving `spender` an allowance of `amount` from `owner`, or `undefined` when the
 * token's allowance slot cannot be found.
 */
export async function allowanceOverride(
  client: StakingClientBase,
  owner: Address,
  spender: Address,
  amount: bigint,
): Promise<StateOverride | undefined> {
  const base = await findAllowanceSlot(client, owner, spender);
  if (base === null) return undefined;
  return [
    {
      address: client.deployment.token,
      stateDiff: [{ slot: allowanceSlot(base, owner, spender), value: numberToHex(amount, { size: 32 }) }],
    },
  ];
}
