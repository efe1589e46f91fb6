// Plain types shared by actions, math and the CLI; numbers as bigint wei and unix seconds.
import type { Address } from "viem";

/** A provider's life cycle, as contracts/src/interfaces/IStakingTypes.sol numbers it. */
export enum ProviderStatus {
  None = 0,
  Pending = 1,
  Active = 2,
  Jailed = 3,
  Exited = 4,
}

export const providerStatusNames = ["None", "Pending", "Active", "Jailed", "Exited"] as const;
export type ProviderStatusName = (typeof providerStatusNames)[number];

/** Governance parameters (amounts in wei, periods in seconds, ratios in basis points). */
export type Parameters = {
  minSelfStake: bigint;
  minDelegation: bigint;
  maxCommissionBps: number;
  delegationRatio: number;
  jailThresholdBps: number;
  jailAfterEpochs: number;
  rewardPerEpoch: bigint;
  unbondingPeriod: number;
  providerUnbondingPeriod: number;
  commissionNoticePeriod: number;
  jailCooldown: number;
  maxSlashBps: number;
};

export type Provider = {
  address: Address;
  status: ProviderStatus;
  statusName: ProviderStatusName;
  totalStake: bigint;
  selfStake: bigint;
  delegatedStake: bigint;
  commissionBps: bigint;
  pendingCommissionBps: bigint;
  commissionEffectiveAt: bigint;
  maxStake: bigint;
  selfStakeUnbonding: bigint;
  selfStakeReleaseAt: bigint;
  rewardRate: bigint;
  rewardFinish: bigint;
  lastScoreBps: bigint;
  lowScoreStreak: bigint;
  jailedAt: bigint;
  commissionAccrued: bigint;
  metadataURI: string;
};
