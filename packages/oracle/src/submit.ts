// The on-chain side of a member: is my report in, and send it. Reports are packed with the SDK's
// packScores and keyed with its reportListHash, so every tool encodes a report the same way.
import { packScores, reportListHash } from "@ankr-staking/sdk";
import type { Abi, Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from "viem";

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
    args: [epoch, reportListHash(providers), member],
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
