// An oracle committee on the test chain (the test deploy has none): deployed from the contracts'
// build output with the given members and quorum, made a settler by the role admin (the upgrade
// timelock, impersonated). Returns the deployment with it, and that deployment as a file for the CLI.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Abi, type Hex, keccak256, toHex } from "viem";

import { ankrStakingAbi, oracleCommitteeAbi } from "../src/abis/generated.js";
import { type Deployment, parseDeployment } from "../src/deployments/deployment.js";
import { contractsDir } from "./devnet.js";
import { type Actor, address, client, deployment, impersonate } from "./fixtures.js";

const artifact = JSON.parse(
  readFileSync(join(contractsDir, "out", "OracleCommittee.sol", "OracleCommittee.json"), "utf8"),
) as { abi: Abi; bytecode: { object: Hex } };

export type Committee = {
  deployment: Deployment;
  file: string;
  /** Governance removes a member; a quorum above the members left drops to their number. */
  removeMember(member: Actor): Promise<void>;
};

export async function deployCommittee(
  members: readonly Actor[],
  quorum: bigint,
  dir: string,
): Promise<Committee> {
  const admin = client("admin");
  const wallet = admin.walletClient;
  const { timelock, upgradeTimelock } = deployment;
  if (!wallet || !timelock || !upgradeTimelock) throw new Error("the test deployment lacks its timelocks");
  const hash = await wallet.deployContract({
    abi: artifact.abi,
    bytecode: artifact.bytecode.object,
    args: [deployment.staking, timelock, members.map(address), quorum],
  });
  const { contractAddress } = await admin.publicClient.waitForTransactionReceipt({ hash });
  if (!contractAddress) throw new Error("the committee was not deployed");
  const roleAdmin = await impersonate(upgradeTimelock);
  const grant = await roleAdmin.walletClient?.writeContract({
    address: deployment.staking,
    abi: ankrStakingAbi,
    functionName: "grantRole",
    args: [keccak256(toHex("SETTLER_ROLE")), contractAddress],
  });
  if (grant) await admin.publicClient.waitForTransactionReceipt({ hash: grant });
  const document = {
    ...deployment,
    startBlock: deployment.startBlock.toString(),
    oracleCommittee: contractAddress,
  };
  const file = join(dir, `committee-${contractAddress}.json`);
  writeFileSync(file, JSON.stringify(document));
  return {
    deployment: parseDeployment(document),
    file,
    // The committee's owner is the main timelock: a governance decision, impersonated here.
    async removeMember(member) {
      const owner = await impersonate(timelock);
      const hash = await owner.walletClient?.writeContract({
        address: contractAddress,
        abi: oracleCommitteeAbi,
        functionName: "removeMember",
        args: [address(member)],
      });
      if (hash) await admin.publicClient.waitForTransactionReceipt({ hash });
    },
  };
}
