import { describe, expect, test } from "vitest";

import { A, address, client, deployment, isolate, passProposal, reader } from "../../../test/fixtures.js";
import { testAnkrAbi } from "../../abis/generated.js";
import { parseAmount } from "../../amounts/amount.js";
import {
  BelowMinSelfStakeError,
  CommissionTooHighError,
  ProviderAlreadyRegisteredError,
  UnauthorizedError,
} from "../../errors/contract.js";
import { decodeMetadataURI, encodeMetadataURI } from "../../metadata/metadata.js";
import { ProviderStatus } from "../../types.js";

isolate();

const CAROL = address("carol");
const metadataURI = encodeMetadataURI({ name: "Carol Nodes", website: "https://carol.example" });

describe("provider life cycle", () => {
  test("register (approval step), admit, metadata, commission, exit", async () => {
    const carol = client("carol");
    const registered = await carol.registerProvider({
      selfStake: parseAmount("100,000"),
      commissionBps: 1000,
      metadataURI,
    });
    expect(registered.tokenStep?.kind).toBe("approve");
    expect((await reader.getProvider({ provider: CAROL })).status).toBe(ProviderStatus.Pending);

    // Admission is a governance decision: proposed, voted, queued and executed by the timelock.
    const actions = await reader.buildProposal({ kind: "admitProviders", providers: [CAROL] });
    const proposalId = await passProposal(actions, "Admit Carol Nodes");
    expect((await reader.getProposal({ proposalId })).state).toBe("Executed");
    expect((await reader.getProvider({ provider: CAROL })).statusName).toBe("Active");

    await carol.setMetadataURI({ metadataURI: encodeMetadataURI({ name: "Carol Nodes 2" }) });
    expect(decodeMetadataURI((await reader.getProvider({ provider: CAROL })).metadataURI)?.name).toBe(
      "Carol Nodes 2",
    );

    const raised = await carol.setCommission({ commissionBps: 2000 });
    const scheduled = raised.events.find((e) => e.eventName === "CommissionIncreaseScheduled");
    const { commissionNoticePeriod } = await reader.getParameters();
    const block = await reader.publicClient.getBlock({ blockNumber: raised.blockNumber });
    expect(scheduled?.eventName === "CommissionIncreaseScheduled" && scheduled.args.effectiveAt).toBe(
      block.timestamp + BigInt(commissionNoticePeriod),
    );
    const lowered = await carol.setCommission({ commissionBps: 500 });
    expect(lowered.events.some((e) => e.eventName === "CommissionChanged")).toBe(true);

    await carol.exitProvider();
    const exited = await reader.getProvider({ provider: CAROL });
    expect(exited.status).toBe(ProviderStatus.Exited);
    expect(exited.selfStakeUnbonding).toBe(parseAmount("100,000"));
  });

  test("bad registrations are typed errors", async () => {
    const carol = client("carol");
    await expect(
      carol.registerProvider({ selfStake: parseAmount("10"), commissionBps: 1000, metadataURI }),
    ).rejects.toBeInstanceOf(BelowMinSelfStakeError);
    const high = await carol
      .registerProvider({ selfStake: parseAmount("100,000"), commissionBps: 5000, metadataURI })
      .catch((e: unknown) => e);
    expect(high).toBeInstanceOf(CommissionTooHighError);
    expect((high as Error).message).toContain("commission 50% exceeds the 30% maximum");
    await expect(
      client("providerA").registerProvider({
        selfStake: parseAmount("100,000"),
        commissionBps: 100,
        metadataURI,
      }),
    ).rejects.toBeInstanceOf(ProviderAlreadyRegisteredError);
  });

  test("a bad registration that needs an approval sends nothing, not even the approval", async () => {
    const carol = client("carol");
    const nonce = () => reader.publicClient.getTransactionCount({ address: CAROL });
    const allowance = () =>
      reader.publicClient.readContract({
        address: deployment.token,
        abi: testAnkrAbi,
        functionName: "allowance",
        args: [CAROL, deployment.staking],
      });
    const before = { nonce: await nonce(), allowance: await allowance() };
    expect(before.allowance).toBe(0n);
    const error = await carol
      .registerProvider({ selfStake: parseAmount("100,000"), commissionBps: 5000, metadataURI })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommissionTooHighError);
    expect({ nonce: await nonce(), allowance: await allowance() }).toEqual(before);
  });

  test("a dry run that needs an approval reports the main call's outcome and the gas of both", async () => {
    const carol = client("carol");
    const simulated = await carol.registerProvider({
      selfStake: parseAmount("100,000"),
      commissionBps: 1000,
      metadataURI,
      dryRun: true,
    });
    expect(simulated.status).toBe("simulated");
    expect(simulated.functionName).toBe("registerProvider");
    const step = simulated.tokenStep;
    expect(step?.kind === "approve-needed" && step.callSimulated).toBe(true);
    const approveGas = step?.kind === "approve-needed" ? step.gas : 0n;
    expect(approveGas).toBeGreaterThan(20_000n);
    // The main call's own estimate is on top of the approval's (registration writes many slots).
    expect(simulated.gas - approveGas).toBeGreaterThan(100_000n);
    expect(await reader.publicClient.getTransactionCount({ address: CAROL })).toBe(0);
    await expect(
      carol.registerProvider({
        selfStake: parseAmount("100,000"),
        commissionBps: 5000,
        metadataURI,
        dryRun: true,
      }),
    ).rejects.toBeInstanceOf(CommissionTooHighError);
  });

  test("role-gated calls name the missing role", async () => {
    const error = await client("alice")
      .jail({ provider: A })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as Error).message).toContain("lacks GOVERNANCE_ROLE");
  });
});
