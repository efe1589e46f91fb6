// The on-chain side of a member: is my report in, and send it. Takes viem clients, the committee's
// address and its ABI, so the ABI's source (Foundry output today, the SDK later) stays the caller's.
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  encodePacked,
  type Hex,
  keccak256,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";

/** One big-endian uint16 per score, as OracleCommittee.submitReport takes them. */
export function packScores(scores: readonly number[]): Hex {
  return `0x${scores.map((s) => s.toString(16).padStart(4, "0")).join("")}`;
}

/** The committee's key for a provider list (keccak256 of the packed, 32-byte padded addresses). */
export function listHash(providers: readonly Address[]): Hex {
  return keccak256(encodePacked(["address[]"], [providers]));
}

export interface CommitteeTarget {
  address: Address;
  abi: Abi;
}

/** Whether `member`'s report for `epoch` and `providers` is counted on-chain. */
export async function hasReported(
  client: PublicClient,
  committee: CommitteeTarget,
  epoch: bigint,
  providers: readonly Address[],
  member: Address,
): Promise<boolean> {
  const result = (await client.readContract({
    address: committee.address,
    abi: committee.abi,
    functionName: "reportCount",
    args: [epoch, listHash(providers), member],
  })) as readonly [bigint, boolean];
  return result[1];
}

export interface SubmitParameters {
  epoch: bigint;
  providers: readonly Address[];
  scores: readonly number[];
}

/**
 * Sends submitReport (viem simulates first, so a report the contract would reject throws here with
 * the decoded error) and returns its hash without waiting for it.
 */
export async function sendReport(
  wallet: WalletClient<Transport, Chain, Account>,
  committee: CommitteeTarget,
  { epoch, providers, scores }: SubmitParameters,
): Promise<Hex> {
  return wallet.writeContract({
    address: committee.address,
    abi: committee.abi,
    functionName: "submitReport",
    args: [epoch, providers, packScores(scores)],
  });
}
