// One member on a real anvil through a whole run of rounds: a provider down for 59 of 60 rounds
// that republishes its node under another name just before the last one keeps its downtime, and
// rounds in which no endpoint answered (this member cut off) count for no one.

import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Member, startMember } from "../src/member.ts";
import { UNCOUNTED_ROUND } from "../src/service.ts";
import { type FakeEndpoint, startFake } from "../src/testing/fakes.ts";
import { DEV_KEYS, type Devnet, dataUri, memberConfig, registerAndAdmit, startDevnet } from "./devnet.ts";

const memberKey = DEV_KEYS[1];
const [steadyKey, renamerKey] = [DEV_KEYS[4], DEV_KEYS[5]];
const steady = privateKeyToAccount(steadyKey).address;
const renamer = privateKeyToAccount(renamerKey).address;

let devnet: Devnet;
let member: Member;
let metadataServer: Server;
let steadyNode: FakeEndpoint;
/** The renamer's node: failing for 59 rounds, then answering under a new name. */
let node: FakeEndpoint;
let renamerEndpoint: string;
const dir = mkdtempSync(join(tmpdir(), "oracle-rounds-"));

beforeAll(async () => {
  devnet = await startDevnet([privateKeyToAccount(memberKey).address], 1, 3600);
  steadyNode = await startFake({ family: "evm", identity: "0x7a69", head: 1000 });
  node = await startFake({ family: "evm", identity: "0x7a69", head: 1000, mode: "erroring" });
  renamerEndpoint = node.url;
  metadataServer = createServer((_req, res) => {
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ name: "renamer", chains: [{ id: "devnet", endpoints: [renamerEndpoint] }] }));
  });
  await new Promise<void>((resolve) => metadataServer.listen(0, "127.0.0.1", resolve));
  const metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/renamer.json`;

  const uris: [`0x${string}`, string][] = [
    [steadyKey, dataUri({ name: "steady", chains: [{ id: "devnet", endpoints: [steadyNode.url] }] })],
    [renamerKey, metadataUrl],
  ];
  await registerAndAdmit(devnet, uris);
  const config = memberConfig(devnet, memberKey, join(dir, "member.sqlite"));
  member = await startMember(config, { loop: false, metadataTtlMs: 0 });
});

afterAll(async () => {
  await member?.stop();
  await Promise.all([steadyNode, node].map((f) => f?.close()));
  await new Promise<void>((resolve) => (metadataServer ? metadataServer.close(() => resolve()) : resolve()));
  await devnet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const tick = async () => {
  await member.service.tick();
  return member.service.lastError;
};

describe("an epoch of rounds", () => {
  it("down for 59 of 60 rounds, renamed before the last one, scores at most about 2%", async () => {
    for (let i = 0; i < 59; i++) expect(await tick()).toBeUndefined();
    expect(member.service.clock?.current).toBe(0);
    expect(member.service.scores(0).get(renamer)).toBe(0);

    // The same node, republished under another spelling (trailing slash, query string), now up.
    node.mode = "healthy";
    renamerEndpoint = `${node.url}/?v=2`;
    expect(await tick()).toBeUndefined();
    expect(member.service.providers.get(renamer)?.declared.get("devnet")).toEqual([renamerEndpoint]);
    expect(member.service.clock?.current).toBe(0);

    const score = member.service.scores(0).get(renamer) ?? -1;
    expect(score).toBeGreaterThan(0); // the last round counted...
    expect(score).toBeLessThanOrEqual(200); // ...as one of 60 (about 1.7%)
    expect(member.service.scores(0).get(steady)).toBeGreaterThan(9000);

    // /scores shows why: 60 rounds, one with points; both spellings are one endpoint, 1 ok of 60.
    const body = (await (
      await fetch(`http://127.0.0.1:${member.port}/scores?provider=${renamer}`)
    ).json()) as {
      providers: {
        rounds: number;
        score: number;
        chains: Record<
          string,
          {
            declaredRounds: number;
            endpoints: { url: string; declared: boolean; tally: { rounds: number; ok: number } }[];
          }
        >;
      }[];
    };
    const [shown] = body.providers;
    expect(shown?.rounds).toBe(60);
    expect(shown?.score).toBe(score);
    expect(shown?.chains.devnet?.declaredRounds).toBe(60);
    expect(shown?.chains.devnet?.endpoints.map((e) => [e.declared, e.tally.rounds, e.tally.ok])).toEqual([
      [true, 60, 1],
    ]);
  });

  it("rounds in which no endpoint answered count for no one", async () => {
    const before = member.service.scores(0);
    const base = `http://127.0.0.1:${member.port}`;
    steadyNode.mode = "erroring";
    node.mode = "erroring";
    for (let i = 0; i < 3; i++) expect(await tick()).toBe(UNCOUNTED_ROUND);
    expect((await fetch(`${base}/health`)).status).toBe(503);
    expect(member.service.scores(0)).toEqual(before);

    steadyNode.mode = "healthy";
    node.mode = "healthy";
    expect(await tick()).toBeUndefined();
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(member.service.scores(0).get(steady)).toBeGreaterThanOrEqual(before.get(steady) ?? Number.NaN);
  });
});
