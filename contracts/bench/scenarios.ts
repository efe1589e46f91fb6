// What is measured, for whom, and the deterministic accounts and times it all happens with.
import { type Address, encodeAbiParameters, getAddress, type Hex, keccak256, stringToHex } from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";

export const OPERATIONS = [
  "firstDelegate",
  "delegate",
  "undelegate",
  "withdraw",
  "redelegate",
  "claim",
  "restake",
  "settleEpochPerProvider",
] as const;
export type Operation = (typeof OPERATIONS)[number];
export type UserOperation = Exclude<Operation, "settleEpochPerProvider">;

/** Most gas the worst scenario of each operation may take (the budgets). */
export const BUDGETS: Record<Operation, number> = {
  firstDelegate: 100_000,
  delegate: 85_000,
  undelegate: 100_000,
  withdraw: 60_000,
  redelegate: 100_000,
  claim: 60_000,
  restake: 70_000,
  settleEpochPerProvider: 25_000,
};

/**
 * Issue 4's budgets, with voting-power checkpoints: for each operation the worse of its figure with no
 * governance snapshot and its figure as the first stake change after a snapshot (another pending).
 */
export const CHECKPOINT_BUDGETS: Record<Operation | "castVoteOverride", number> = {
  firstDelegate: 170_000,
  delegate: 130_000,
  undelegate: 140_000,
  withdraw: 60_000,
  redelegate: 170_000,
  claim: 60_000,
  restake: 110_000,
  settleEpochPerProvider: 25_000,
  castVoteOverride: 120_000,
};

/** Governance operations measured once each (issue 4). */
export const GOVERNANCE_OPERATIONS = ["propose", "castVote", "castVoteOverride", "queue", "execute"] as const;
export type GovernanceOperation = (typeof GOVERNANCE_OPERATIONS)[number];

/** Pools that may still change when `propose` registers its snapshot, besides the three of the plain figure. */
export const PROPOSE_POOL_COUNTS = [100, 256] as const;
/** The staking contract's ERC-7201 namespace, derived as StakingStorage.SLOT is. */
export const STAKING_STORAGE_SLOT =
  BigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: "uint256" }],
        [BigInt(keccak256(stringToHex("ankr.storage.Staking"))) - 1n],
      ),
    ),
  ) & ~0xffn;

/** Existing delegators on the provider the user acts at (besides the provider's own stake and the user). */
export const DELEGATOR_COUNTS = [1, 100, 10_000] as const;
/** Epochs settled between the user's last action and the measured one. */
export const EPOCH_COUNTS = [1, 100] as const;
/** Scored providers in the oracle committee's measured reports. */
export const COMMITTEE_PROVIDER_COUNTS = [10, 100] as const;
/** Reports that settle an epoch in the benchmark's committee of four (the recommended shape). */
export const COMMITTEE_QUORUM = 3;

/** Scored providers in the settlements that price one provider's share of `settleEpoch`. */
export const SETTLEMENT_PROVIDER_COUNTS = [1, 10, 100] as const;

/**
 * What the user did last (`epochs` settlements before the measured call):
 * - approve: got ANKR and approved the staking contract (max), no stake yet;
 * - delegate: staked USER_STAKE at the provider;
 * - undelegate: staked USER_STAKE, then undelegated all of it (one unbonding entry).
 */
export type LastAction = "approve" | "delegate" | "undelegate";

export const LAST_ACTION: Record<UserOperation, LastAction> = {
  firstDelegate: "approve",
  delegate: "delegate",
  undelegate: "delegate",
  withdraw: "undelegate",
  redelegate: "delegate",
  claim: "delegate",
  restake: "delegate",
};

const ETHER = 10n ** 18n;
export const PROVIDER_SELF_STAKE = 1_000_000n * ETHER;
export const PROVIDER_COMMISSION_BPS = 1000;
export const SETTLEMENT_SCORE_BPS = 9000;
/** Each background delegator's stake (minDelegation is 1,000 ANKR at launch). */
export const BACKGROUND_STAKE = 1_000n * ETHER;
export const USER_FUNDS = 50_000n * ETHER;
export const USER_STAKE = 5_000n * ETHER;
/** Partial moves leave USER_STAKE - PARTIAL >= minDelegation, so no storage is cleared (no refund). */
export const PARTIAL = 2_000n * ETHER;
export const VAULT_FUNDING = 500_000_000n * ETHER;

/** anvil's first dev account (public test key): deploys, then holds no role (the script renounces). */
export const ADMIN_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
/** anvil's account 8: the settler in bench/deploy-config.json. */
export const SETTLER_KEY: Hex = "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97";

export const CHAIN_ID = 424_242;
export const HARDFORK = "osaka";
/** anvil's genesis block; the deployment's blocks follow a few wall-clock seconds later. */
export const ANVIL_GENESIS_TIME = 1_700_000_000;
/** Start of epoch 0, an hour after anvil's genesis, so every later block time is ours to set. */
export const GENESIS_TIME = ANVIL_GENESIS_TIME + 3600;

const seed = (label: string, i: number): Hex => keccak256(stringToHex(`ankr-gas-bench/${label}/${i}`));

/**
 * A fixed address for `label` with no zero byte, so calldata naming it costs the same in every
 * scenario (a zero byte is 4 gas, any other 16).
 */
export function labelAddress(label: string): Address {
  for (let i = 0; ; i++) {
    const body = seed(label, i).slice(26);
    let zeroByte = false;
    for (let j = 0; j < 40; j += 2) if (body.slice(j, j + 2) === "00") zeroByte = true;
    if (!zeroByte) return getAddress(`0x${body}`);
  }
}

/** A fixed signing account for `label` (measured transactions are signed like a wallet's). */
export function labelAccount(label: string): PrivateKeyAccount {
  return privateKeyToAccount(seed(`key/${label}`, 0));
}

/** The benchmark committee's four members (signing accounts, like the oracle service's keys). */
export function committeeMembers(): PrivateKeyAccount[] {
  return [0, 1, 2, 3].map((i) => labelAccount(`oracle-member/${i}`));
}

export function scenarioName(delegators: number, epochs: number): string {
  return `delegators=${delegators}/epochs=${epochs}`;
}
