// Simulate, send, wait, decode: every write goes through here so each behaves the same and every
// failure surfaces as an SDK error.
import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  SimulateContractParameters,
  StateOverride,
} from "viem";

import type { StakingClientBase } from "../client/createStakingClient.js";
import { toStakingError } from "../errors/decode.js";
import { MissingAccountError } from "../errors/rpc.js";
import type { TransactionResult, WriteOptions } from "./types.js";
import { waitForTransaction } from "./wait.js";

type Mutability = "nonpayable" | "payable";

/** Extra gas limit over the estimate, in percent. */
export const GAS_HEADROOM_PERCENT = 20n;

/**
 * Write options plus a state override for the simulation only: how a call that pulls tokens is
 * simulated as if its approval were already given (see token/approval.ts). Never sent.
 */
export type SendOptions = WriteOptions & {
  stateOverride?: StateOverride | undefined;
  /** Gas the estimate cannot see (work that depends on the block the transaction lands in). */
  extraGas?: bigint | undefined;
};

export type SendParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
> = SendOptions & {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, Mutability, functionName>;
};

/** Runs `fn`, converting any error into the SDK's typed errors. */
export async function withStakingErrors<T>(client: StakingClientBase, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toStakingError(error, client.format);
  }
}

/**
 * Simulates the call (so a revert is reported with its decoded reason before anything is sent),
 * then sends it and waits for the receipt; with `dryRun`, returns the simulation and gas estimate.
 */
export async function sendTransaction<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
>(client: StakingClientBase, parameters: SendParameters<abi, functionName>): Promise<TransactionResult> {
  const { account, walletClient, publicClient } = client;
  if (!account || !walletClient) throw new MissingAccountError();
  const { address, abi, functionName, args, dryRun, confirmations, onProgress, stateOverride, extraGas } =
    parameters;
  return withStakingErrors(client, async () => {
    const call = {
      address,
      abi,
      functionName,
      args,
      account,
      ...(stateOverride ? { stateOverride } : {}),
    } as unknown as SimulateContractParameters;
    const { request, result } = await publicClient.simulateContract(call);
    const gas = await publicClient.estimateContractGas(
      call as Parameters<typeof publicClient.estimateContractGas>[0],
    );
    if (dryRun || stateOverride) {
      // A simulation under a state override is never followed by a send: the chain differs.
      return {
        status: "simulated",
        functionName,
        to: address,
        hash: undefined,
        blockNumber: undefined,
        gas,
        events: [],
        result,
      };
    }
    // Headroom over the estimate: calls through the proxy and the logic libraries forward 63/64 of
    // the gas left, and an estimate taken a block earlier can fall just short (seen on anvil after a
    // permit). Unused gas is not charged.
    const hash = await walletClient.writeContract({
      ...(request as Parameters<typeof walletClient.writeContract>[0]),
      gas: (gas * (100n + GAS_HEADROOM_PERCENT)) / 100n + (extraGas ?? 0n),
    });
    onProgress?.({ stage: "sent", hash });
    const mined = await waitForTransaction(client, { hash, confirmations, onProgress });
    return { ...mined, functionName, result };
  });
}
