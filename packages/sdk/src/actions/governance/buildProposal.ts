// Calldata for the common governance decisions, as contracts/src/governance/ProposalBuilder.sol
// builds it (and refusing the same things): what `propose` carries.
import { type Address, encodeFunctionData, erc20Abi, getAddress, type Hex, zeroHash } from "viem";

import {
  ankrStakingAbi,
  oracleCommitteeAbi,
  rewardVaultAbi,
  timelockControllerAbi,
} from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import { withStakingErrors } from "../../transaction/send.js";
import { ProviderStatus, providerStatusNames, type Parameters as StakingParameters } from "../../types.js";
import { getParameters } from "../read/getParameters.js";
import { getProvider } from "../read/getProvider.js";
import type { ProposalAction } from "./getProposal.js";

/** A decision to propose. Amounts in wei. */
export type ProposalSpec =
  | { kind: "admitProviders"; providers: readonly Address[] }
  | { kind: "removeProvider"; provider: Address }
  | { kind: "slash"; provider: Address; amount: bigint }
  | { kind: "jail"; provider: Address }
  | { kind: "setParameters"; parameters: StakingParameters }
  | { kind: "setParameter"; name: keyof StakingParameters; value: bigint }
  | {
      kind: "setCapAndAllotments";
      globalCap: bigint;
      allotments?: readonly { account: Address; amount: bigint }[] | undefined;
    }
  | { kind: "setProviderCap"; provider: Address; maxStake: bigint }
  | { kind: "fundVault"; amount: bigint }
  | { kind: "unpause" }
  | {
      kind: "setOracleCommittee";
      add?: readonly Address[] | undefined;
      remove?: readonly Address[] | undefined;
      quorum: bigint;
    }
  | { kind: "upgrade"; implementation: Address; initData?: Hex | undefined; salt?: Hex | undefined };

export type ProposalKind = ProposalSpec["kind"];

export class ProposalBuildError extends BaseError {
  override name = "ProposalBuildError";
}

const parameterNames = [
  "minSelfStake",
  "minDelegation",
  "maxCommissionBps",
  "delegationRatio",
  "jailThresholdBps",
  "jailAfterEpochs",
  "rewardPerEpoch",
  "unbondingPeriod",
  "providerUnbondingPeriod",
  "commissionNoticePeriod",
  "jailCooldown",
  "maxSlashBps",
] as const satisfies readonly (keyof StakingParameters)[];
const bigintParameters = new Set<keyof StakingParameters>([
  "minSelfStake",
  "minDelegation",
  "rewardPerEpoch",
]);

/** Whether `name` is a governance parameter's field name. */
export function isParameterName(name: string): name is keyof StakingParameters {
  return (parameterNames as readonly string[]).includes(name);
}

function encodeStaking(functionName: string, args: readonly unknown[]): Hex {
  return encodeFunctionData({ abi: ankrStakingAbi, functionName, args } as Parameters<
    typeof encodeFunctionData
  >[0]);
}

function stakingCall(
  client: StakingClientBase,
  functionName: string,
  args: readonly unknown[],
): ProposalAction {
  return { target: client.deployment.staking, value: 0n, calldata: encodeStaking(functionName, args) };
}

function required(value: Address | undefined, what: string): Address {
  if (!value) throw new ProposalBuildError(`the deployment has no ${what}`);
  return value;
}

/**
 * The committee's final membership and quorum, checked against the contract's own rule
 * (`minQuorum`): a proposal the committee would refuse only fails after its vote and timelock.
 */
async function checkCommitteeChange(
  client: StakingClientBase,
  committee: Address,
  spec: Extract<ProposalSpec, { kind: "setOracleCommittee" }>,
): Promise<void> {
  const read = client.publicClient;
  const members = new Set(
    (await read.readContract({ address: committee, abi: oracleCommitteeAbi, functionName: "members" })).map(
      (m) => getAddress(m),
    ),
  );
  for (const m of spec.add ?? []) {
    if (members.has(getAddress(m))) throw new ProposalBuildError(`${m} is already a committee member`);
    members.add(getAddress(m));
  }
  for (const m of spec.remove ?? []) {
    if (!members.delete(getAddress(m))) throw new ProposalBuildError(`${m} is not a committee member`);
  }
  const count = BigInt(members.size);
  if (count === 0n) throw new ProposalBuildError("the committee must keep at least one member");
  const min = await read.readContract({
    address: committee,
    abi: oracleCommitteeAbi,
    functionName: "minQuorum",
    args: [count],
  });
  if (spec.quorum < min || spec.quorum > count) {
    throw new ProposalBuildError(
      `a committee of ${count} members needs a quorum from ${min} to ${count}, not ${spec.quorum}: ` +
        "at least 3 reports from 3 members on and a majority, so one lying member is always outvoted",
    );
  }
}

/**
 * The actions of a proposal for a common decision. Checks what ProposalBuilder checks: admitted
 * providers must be Pending, a slash at most `maxSlashBps` of active plus unbonding self-stake; and
 * a committee change must leave members and a quorum the committee accepts.
 *
 * @example
 * const actions = await client.buildProposal({ kind: "admitProviders", providers: [provider] })
 * await client.propose({ actions, description: "Admit Acme RPC" })
 */
export function buildProposal(client: StakingClientBase, spec: ProposalSpec): Promise<ProposalAction[]> {
  return withStakingErrors(client, async () => {
    const { deployment, publicClient } = client;
    switch (spec.kind) {
      case "admitProviders": {
        if (spec.providers.length === 0) throw new ProposalBuildError("name at least one provider to admit");
        const providers = await Promise.all(
          spec.providers.map((provider) => getProvider(client, { provider })),
        );
        for (const p of providers) {
          if (p.status !== ProviderStatus.Pending) {
            throw new ProposalBuildError(
              `${p.address} is ${providerStatusNames[p.status]}: only a Pending (registered, not yet admitted) provider can be admitted`,
            );
          }
        }
        return providers.map((p) => stakingCall(client, "admitProvider", [p.address]));
      }
      case "removeProvider":
        return [stakingCall(client, "removeProvider", [spec.provider])];
      case "jail":
        return [stakingCall(client, "jail", [spec.provider])];
      case "slash": {
        const [provider, parameters] = await Promise.all([
          getProvider(client, { provider: spec.provider }),
          getParameters(client),
        ]);
        const max =
          ((provider.selfStake + provider.selfStakeUnbonding) * BigInt(parameters.maxSlashBps)) / 10_000n;
        if (spec.amount === 0n || spec.amount > max) {
          throw new ProposalBuildError(
            `a slash of ${provider.address} must be between 1 wei and ${max} wei (maxSlashBps of its self-stake)`,
          );
        }
        return [stakingCall(client, "slash", [spec.provider, spec.amount])];
      }
      case "setParameters":
        return [stakingCall(client, "setParameters", [spec.parameters])];
      case "setParameter": {
        if (!isParameterName(spec.name)) {
          throw new ProposalBuildError(
            `"${spec.name}" is not a parameter (one of ${parameterNames.join(", ")})`,
          );
        }
        const parameters = { ...(await getParameters(client)) } as Record<
          keyof StakingParameters,
          bigint | number
        >;
        parameters[spec.name] = bigintParameters.has(spec.name) ? spec.value : Number(spec.value);
        return [stakingCall(client, "setParameters", [parameters])];
      }
      case "setCapAndAllotments":
        return [
          stakingCall(client, "setGlobalCap", [spec.globalCap]),
          ...(spec.allotments ?? []).map((a) => stakingCall(client, "setAllotment", [a.account, a.amount])),
        ];
      case "setProviderCap":
        return [stakingCall(client, "setProviderCap", [spec.provider, spec.maxStake])];
      case "unpause":
        return [stakingCall(client, "unpause", [])];
      case "fundVault":
        // The timelock pays from the ANKR it holds (e.g. a treasury transfer to it).
        return [
          {
            target: deployment.token,
            value: 0n,
            calldata: encodeFunctionData({
              abi: erc20Abi,
              functionName: "approve",
              args: [deployment.rewardVault, spec.amount],
            }),
          },
          {
            target: deployment.rewardVault,
            value: 0n,
            calldata: encodeFunctionData({ abi: rewardVaultAbi, functionName: "fund", args: [spec.amount] }),
          },
        ];
      case "setOracleCommittee": {
        const committee = required(deployment.oracleCommittee, "oracle committee");
        await checkCommitteeChange(client, committee, spec);
        const call = (data: Hex): ProposalAction => ({ target: committee, value: 0n, calldata: data });
        return [
          ...(spec.add ?? []).map((m) =>
            call(encodeFunctionData({ abi: oracleCommitteeAbi, functionName: "addMember", args: [m] })),
          ),
          ...(spec.remove ?? []).map((m) =>
            call(encodeFunctionData({ abi: oracleCommitteeAbi, functionName: "removeMember", args: [m] })),
          ),
          call(
            encodeFunctionData({ abi: oracleCommitteeAbi, functionName: "setQuorum", args: [spec.quorum] }),
          ),
        ];
      }
      case "upgrade": {
        // Announced on the staking contract, which refuses the upgrade until more than the longest
        // unbonding period has passed since, and scheduled in the upgrade timelock; anyone executes
        // it there once both waits are over (upgradeOperation gives the arguments).
        const upgradeTimelock = required(deployment.upgradeTimelock, "upgrade timelock");
        const { data, salt } = upgradeOperation(client, spec);
        const delay = await publicClient.readContract({
          address: upgradeTimelock,
          abi: timelockControllerAbi,
          functionName: "getMinDelay",
        });
        return [
          stakingCall(client, "announceUpgrade", [spec.implementation]),
          {
            target: upgradeTimelock,
            value: 0n,
            calldata: encodeFunctionData({
              abi: timelockControllerAbi,
              functionName: "schedule",
              args: [deployment.staking, 0n, data, zeroHash, salt, delay],
            }),
          },
        ];
      }
    }
  });
}

/** The upgrade timelock operation an `upgrade` proposal schedules: `execute(staking, 0, data, 0, salt)`. */
export function upgradeOperation(
  client: StakingClientBase,
  {
    implementation,
    initData = "0x",
    salt = zeroHash,
  }: { implementation: Address; initData?: Hex | undefined; salt?: Hex | undefined },
): { target: Address; data: Hex; salt: Hex } {
  const data = encodeStaking("upgradeToAndCall", [implementation, initData]);
  return { target: client.deployment.staking, data, salt };
}
