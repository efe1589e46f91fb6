import { describe, expect, test } from "vitest";

import { address, cli, expectWrite, isolate, passProposal, reader } from "../../test/cli.js";

isolate();

const CAROL = address("carol");

describe("node provider commands", () => {
  test("register, metadata, commission (increase shows when), status, exit, withdraw --self-stake", async () => {
    const registered = await cli(
      [
        "register",
        "--self-stake",
        "100,000",
        "--commission",
        "10",
        "--name",
        "Carol Nodes",
        "--endpoint",
        "ethereum=https://eth.carol.example",
        "--json",
      ],
      { actor: "carol" },
    );
    const doc = expectWrite(registered, "registerProvider", ["ProviderRegistered"]);
    expect(doc).toMatchObject({ tokenStep: { kind: "approve", hash: expect.stringMatching(/^0x/) } });
    expect((await reader.getProvider({ provider: CAROL })).statusName).toBe("Pending");
    await passProposal(
      await reader.buildProposal({ kind: "admitProviders", providers: [CAROL] }),
      "Admit Carol",
    );

    const updated = expectWrite(
      await cli(["metadata", "--name", "Carol 2", "--json"], { actor: "carol" }),
      "setMetadataURI",
      ["ProviderMetadataUpdated"],
    );
    expect(updated).toMatchObject({ metadataURI: expect.stringMatching(/^data:application\/json/) });
    const raised = await cli(["commission", "15", "--json"], { actor: "carol" });
    const commission = raised.json<{ commissionBps: number; effectiveAt: string }>();
    expect(commission.commissionBps).toBe(1500);
    expect(Number(commission.effectiveAt)).toBeGreaterThan(Date.now() / 1000);
    const lowered = await cli(["commission", "5%"], { actor: "carol" });
    expect(lowered.stdout).toMatch(/^commission set to 5%/);

    const status = await cli(["status", "--json"], { actor: "carol" });
    expect(status.json<{ statusName: string; commissionBps: string }>()).toMatchObject({
      statusName: "Active",
      commissionBps: "500",
    });
    expect((await cli(["status", CAROL])).stdout).toMatch(/provider:\s+0x\w+ Carol 2/);

    expectWrite(await cli(["exit", "--json"], { actor: "carol" }), "exitProvider", ["ProviderExited"]);
    expect((await reader.getProvider({ provider: CAROL })).statusName).toBe("Exited");
    const early = await cli(["withdraw", "--self-stake"], { actor: "carol" });
    expect(early.code).toBe(2);
  });

  test("bad provider input", async () => {
    const noName = await cli(["register", "--self-stake", "100,000", "--commission", "10"], {
      actor: "carol",
    });
    expect(noName).toMatchObject({ code: 2 });
    expect(noName.stderr).toContain("give --name");
    const badPct = await cli(["commission", "101"], { actor: "carol" });
    expect(badPct).toMatchObject({ code: 2 });
    const badEndpoint = await cli(["metadata", "--name", "x", "--endpoint", "eth"], { actor: "carol" });
    expect(badEndpoint.stderr).toBe('error: --endpoint "eth" must be chain=url\n');
    const unknownChain = await cli(["metadata", "--name", "x", "--endpoint", "eth=https://eth.example"], {
      actor: "carol",
    });
    expect(unknownChain).toMatchObject({ code: 2 });
    expect(unknownChain.stderr).toMatch(/^error: --endpoint: "eth" is not a chain id \(one of ethereum, bsc/);
    const tooHigh = await cli(["commission", "50"], { actor: "providerA" });
    expect(tooHigh).toMatchObject({ code: 1, stderr: "error: commission 50% exceeds the 30% maximum\n" });
    // Through the approval path: checked before the approval, so not even that is sent.
    const highRegister = await cli(
      ["register", "--self-stake", "100,000", "--commission", "50", "--name", "Carol Nodes"],
      { actor: "carol" },
    );
    expect(highRegister).toMatchObject({
      code: 1,
      stderr: "error: commission 50% exceeds the 30% maximum\n",
    });
    const dry = await cli(
      ["register", "--self-stake", "100,000", "--commission", "10", "--name", "Carol", "--dry-run"],
      {
        actor: "carol",
      },
    );
    expect(dry.stdout).toMatch(
      /^dry run: .* would succeed after an approval of 100,000 ANKR \(gas ~\d+: approve ~\d+ \+ registerProvider ~\d+\); nothing was sent/,
    );
    expect(await reader.publicClient.getTransactionCount({ address: CAROL })).toBe(0);
    const notProvider = await cli(["status"], { actor: "carol" });
    expect(notProvider.stderr).toMatch(/^error: unknown provider/);
  });
});
