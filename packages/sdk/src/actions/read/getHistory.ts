import { type Address, formatLog, type Hex, pad, type RpcLog } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { decodeStakingEvents, type StakingEvent } from "../../events/decode.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetHistoryParameters = {
  account: Address;
  fromBlock?: bigint | undefined;
  toBlock?: bigint | undefined;
};

/**
 * Every staking and vault event naming `account` in an indexed field (as delegator, provider or
 * funder), oldest first. For long histories on a real network, use the indexer's API instead.
 *
 * @example
 * const events = await client.getHistory({ account })
 */
export function getHistory(
  client: StakingClientBase,
  { account, fromBlock, toBlock }: GetHistoryParameters,
): Promise<StakingEvent[]> {
  return withStakingErrors(client, async () => {
    const { publicClient, deployment } = client;
    const topic = pad(account.toLowerCase() as Hex, { size: 32 });
    const hex = (n: bigint) => `0x${n.toString(16)}` as const;
    const filter = {
      address: [deployment.staking, deployment.rewardVault],
      fromBlock: hex(fromBlock ?? deployment.startBlock),
      toBlock: toBlock === undefined ? ("latest" as const) : hex(toBlock),
    };
    // The account may be the first, second or third indexed field: one query per position.
    const positions = [
      [null, topic],
      [null, null, topic],
      [null, null, null, topic],
    ];
    const batches = await Promise.all(
      positions.map(
        (topics) =>
          publicClient.request({ method: "eth_getLogs", params: [{ ...filter, topics }] }) as Promise<
            RpcLog[]
          >,
      ),
    );
    const seen = new Set<string>();
    const logs = batches
      .flat()
      .map((log) => formatLog(log))
      .filter((log) => {
        const key = `${log.transactionHash}:${log.logIndex}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort(
        (a, b) =>
          Number((a.blockNumber ?? 0n) - (b.blockNumber ?? 0n)) || (a.logIndex ?? 0) - (b.logIndex ?? 0),
      );
    return decodeStakingEvents(logs);
  });
}
