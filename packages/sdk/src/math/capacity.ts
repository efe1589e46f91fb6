// How much more stake a provider and the pool can take, mirroring contracts/src/libraries/
// CapacityLib.sol and ViewLogic.capacityLeft. `UNLIMITED` stands for "no limit".
import { ProviderStatus } from "../types.js";

export const UNLIMITED = 2n ** 256n - 1n;
const MAX_AMOUNT = 2n ** 96n - 1n;

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** Room for delegated stake under `ratio` x self-stake (0 = no ratio limit). */
export function delegationRoom(totalStake: bigint, selfStake: bigint, ratio: bigint): bigint {
  if (ratio === 0n) return UNLIMITED;
  const maxDelegated = selfStake * ratio;
  const delegated = totalStake - selfStake;
  return maxDelegated > delegated ? maxDelegated - delegated : 0n;
}

/** Room under a provider's own cap (0 = no cap). */
export function capRoom(totalStake: bigint, maxStake: bigint): bigint {
  if (maxStake === 0n) return UNLIMITED;
  return maxStake > totalStake ? maxStake - totalStake : 0n;
}

/** Room under the global cap for stake without allotment (0 cap = uncapped). */
export function openRoom(globalCap: bigint, totalStaked: bigint, unusedAllotments: bigint): bigint {
  if (globalCap === 0n) return UNLIMITED;
  const taken = totalStaked + unusedAllotments;
  return globalCap > taken ? globalCap - taken : 0n;
}

/** Whether a pool in `status` takes stake from an account (its own provider or not). */
export function acceptsStake(status: ProviderStatus, isSelf: boolean): boolean {
  return (
    status === ProviderStatus.Active ||
    (isSelf && (status === ProviderStatus.Pending || status === ProviderStatus.Jailed))
  );
}

export type CapacityInput = {
  provider: { status: ProviderStatus; totalStake: bigint; selfStake: bigint; maxStake: bigint };
  delegationRatio: bigint;
  totals: { totalStaked: bigint; globalCap: bigint; unusedAllotments: bigint };
  /** The account's allotment and how much of it is used. */
  allotment: { allotment: bigint; used: bigint };
  /** Whether the account is the provider itself (a top-up of its own bond). */
  isSelf: boolean;
};

/** How much more the account can stake to the provider: the smallest limit in force. */
export function capacityLeft({
  provider,
  delegationRatio,
  totals,
  allotment,
  isSelf,
}: CapacityInput): bigint {
  if (!acceptsStake(provider.status, isSelf)) return 0n;
  let room = capRoom(provider.totalStake, provider.maxStake);
  if (!isSelf) room = min(room, delegationRoom(provider.totalStake, provider.selfStake, delegationRatio));
  const open = openRoom(totals.globalCap, totals.totalStaked, totals.unusedAllotments);
  const unused = allotment.allotment - allotment.used;
  const globalRoom = open === UNLIMITED ? UNLIMITED : open + unused;
  return min(min(room, globalRoom), MAX_AMOUNT - provider.totalStake);
}
