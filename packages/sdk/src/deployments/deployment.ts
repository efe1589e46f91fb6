// A deployment: where the protocol's contracts live on one chain, as script/Deploy.s.sol writes it
// to deployments/<chainId>.json. The one source of addresses; nothing else hard-codes one.
import { type Address, getAddress, isAddress } from "viem";

import { BaseError } from "../errors/base.js";

export type Deployment = {
  chainId: number;
  token: Address;
  rewardVault: Address;
  staking: Address;
  stakingImplementation: Address;
  /** First block to read events from. */
  startBlock: bigint;
  /** The Governor; proposals execute through `timelock`. */
  governor?: Address | undefined;
  /** The main timelock: holds GOVERNANCE_ROLE on staking and administers the reward vault. */
  timelock?: Address | undefined;
  /** The upgrade timelock: holds UPGRADER_ROLE and the role admin; slower than every unbonding. */
  upgradeTimelock?: Address | undefined;
  /** The oracle committee contract that settles epochs, when the deploy script deployed it. */
  oracleCommittee?: Address | undefined;
};

export class InvalidDeploymentError extends BaseError {
  override name = "InvalidDeploymentError";
  constructor(source: string, reason: string) {
    super(`deployment ${source} is not valid: ${reason}`);
  }
}

export class UnknownDeploymentError extends BaseError {
  override name = "UnknownDeploymentError";
  constructor(chainId: number, where: string) {
    super(`no deployment for chain ${chainId} (looked for ${where})`);
  }
}

const required = ["token", "rewardVault", "staking", "stakingImplementation"] as const;
const optional = ["governor", "timelock", "upgradeTimelock", "oracleCommittee"] as const;

/**
 * Validates a deployment document (the parsed JSON of deployments/<chainId>.json).
 *
 * @example
 * const deployment = parseDeployment(await (await fetch("/deployments/1.json")).json())
 */
export function parseDeployment(json: unknown, source = "document"): Deployment {
  if (typeof json !== "object" || json === null) throw new InvalidDeploymentError(source, "not an object");
  const raw = json as Record<string, unknown>;
  const chainId = Number(raw.chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new InvalidDeploymentError(source, "chainId must be a positive integer");
  }
  const address = (key: string): Address => {
    const value = raw[key];
    if (typeof value !== "string" || !isAddress(value, { strict: false })) {
      throw new InvalidDeploymentError(source, `${key} must be an address`);
    }
    return getAddress(value);
  };
  const startBlock = raw.startBlock ?? 0;
  if (typeof startBlock !== "number" && typeof startBlock !== "string" && typeof startBlock !== "bigint") {
    throw new InvalidDeploymentError(source, "startBlock must be a block number");
  }
  const deployment: Deployment = {
    chainId,
    token: address("token"),
    rewardVault: address("rewardVault"),
    staking: address("staking"),
    stakingImplementation: address("stakingImplementation"),
    startBlock: BigInt(startBlock),
  };
  for (const key of optional) if (raw[key] !== undefined) deployment[key] = address(key);
  return deployment;
}

/** The keys every deployment file has; exported for tools that write them. */
export const deploymentKeys = ["chainId", ...required, "startBlock"] as const;
