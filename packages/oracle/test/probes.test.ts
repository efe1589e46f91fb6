import { CHAINS, type ChainEntry, type ProtocolFamily } from "@ankr-staking/sdk";
import {
  AddressRefusedError,
  checkAddress,
  HostLimiter,
  MalformedResponseError,
  PUBLIC_ONLY,
  RequestFailedError,
  type RequestLimits,
} from "@ankr-staking/sdk/node";
import { afterAll, describe, expect, it } from "vitest";
import { WrongChainError } from "../src/errors.ts";
import { PROBES } from "../src/probes/families.ts";
import { type FakeEndpoint, type Mode, startFake } from "../src/testing/fakes.ts";

const LOOPBACK: RequestLimits = {
  timeoutMs: 800,
  maxBytes: 64 * 1024,
  policy: { allow: ["127.0.0.0/8"] },
  limiter: new HostLimiter(4),
};

const fakes: FakeEndpoint[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function fake(chain: ChainEntry, mode: Mode = "healthy", head = 1234): Promise<FakeEndpoint> {
  const f = await startFake({ family: chain.family, identity: chain.identity, head, mode });
  fakes.push(f);
  return f;
}

const oneChainPerFamily = [
  ...new Map(CHAINS.map((c) => [c.family, c] as [ProtocolFamily, ChainEntry])).values(),
];

describe("probes, one per protocol family", () => {
  for (const chain of oneChainPerFamily) {
    it(`${chain.family} (${chain.id}): healthy endpoint gives its head`, async () => {
      const f = await fake(chain, "healthy", 4321);
      const result = await PROBES[chain.family](f.url, chain, LOOPBACK);
      expect(result.head).toBe(4321);
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it(`${chain.family} (${chain.id}): wrong chain is refused`, async () => {
      const f = await fake(chain, "wrong-chain");
      await expect(PROBES[chain.family](f.url, chain, LOOPBACK)).rejects.toBeInstanceOf(WrongChainError);
    });
  }
});

describe("hostile endpoints fail the probe and nothing else", () => {
  const eth = CHAINS.find((c) => c.id === "ethereum") as ChainEntry;

  it("erroring: HTTP status error", async () => {
    const f = await fake(eth, "erroring");
    await expect(PROBES.evm(f.url, eth, LOOPBACK)).rejects.toMatchObject({ reason: "status" });
  });

  it("malformed: not JSON", async () => {
    const f = await fake(eth, "malformed");
    await expect(PROBES.evm(f.url, eth, LOOPBACK)).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it("huge: cut at the size limit", async () => {
    const f = await fake(eth, "huge");
    await expect(PROBES.evm(f.url, eth, LOOPBACK)).rejects.toMatchObject({ reason: "too-large" });
  });

  it("hanging (never closes): times out", async () => {
    const f = await fake(eth, "hanging");
    const started = Date.now();
    await expect(PROBES.evm(f.url, eth, LOOPBACK)).rejects.toMatchObject({ reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("slow: answers past the deadline time out", async () => {
    const f = await fake(eth, "slow");
    await expect(PROBES.evm(f.url, eth, LOOPBACK)).rejects.toBeInstanceOf(RequestFailedError);
  });

  it("redirect: not followed", async () => {
    const f = await fake(eth, "redirect");
    await expect(PROBES.evm(f.url, eth, LOOPBACK)).rejects.toMatchObject({ reason: "redirect" });
  });
});

describe("address policy", () => {
  it("refuses a loopback endpoint without sending any request", async () => {
    const eth = CHAINS.find((c) => c.id === "ethereum") as ChainEntry;
    const f = await fake(eth);
    const strict = { ...LOOPBACK, policy: PUBLIC_ONLY };
    await expect(PROBES.evm(f.url, eth, strict)).rejects.toBeInstanceOf(AddressRefusedError);
    // By name too: localhost resolves to loopback and is refused at connect time.
    await expect(PROBES.evm(f.url.replace("127.0.0.1", "localhost"), eth, strict)).rejects.toBeInstanceOf(
      AddressRefusedError,
    );
    expect(f.requests).toBe(0);
  });

  it("classifies private, link-local and mapped addresses", () => {
    for (const a of [
      "10.1.2.3",
      "192.168.0.1",
      "172.16.0.1",
      "169.254.169.254",
      "::1",
      "fe80::1",
      "fc00::1",
      "0.0.0.0",
      "::ffff:127.0.0.1",
      "100.64.0.1",
    ]) {
      expect(() => checkAddress("h", a, PUBLIC_ONLY)).toThrow(AddressRefusedError);
    }
    for (const a of ["8.8.8.8", "2606:4700:4700::1111"])
      expect(() => checkAddress("h", a, PUBLIC_ONLY)).not.toThrow();
    expect(() => checkAddress("h", "127.0.0.5", { allow: ["127.0.0.0/8"] })).not.toThrow();
  });
});

describe("per-host concurrency", () => {
  it("runs at most N tasks per host at once", async () => {
    const limiter = new HostLimiter(2);
    let active = 0;
    let peak = 0;
    const task = () =>
      limiter.run("h", async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
      });
    await Promise.all([task(), task(), task(), task(), task()]);
    expect(peak).toBe(2);
  });

  it("hands a freed slot to the first waiter, so a newcomer cannot overshoot the limit", async () => {
    const limiter = new HostLimiter(1);
    const order: string[] = [];
    let active = 0;
    let peak = 0;
    const task = (name: string) =>
      limiter.run("h", async () => {
        active++;
        peak = Math.max(peak, active);
        order.push(name);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      });
    const first = task("a");
    const second = task("b");
    await first;
    // "c" arrives right as "a" frees its slot, while "b" is still waiting for it.
    await Promise.all([second, task("c")]);
    expect(order).toEqual(["a", "b", "c"]);
    expect(peak).toBe(1);
  });

  it("counts waiting for a slot against the request's deadline", async () => {
    const limiter = new HostLimiter(1);
    let release: () => void = () => undefined;
    const holder = limiter.run(
      "h",
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    let ran = false;
    const waiter = limiter.run(
      "h",
      async () => {
        ran = true;
      },
      50,
    );
    await expect(waiter).rejects.toMatchObject({ reason: "timeout" });
    release();
    await holder;
    // The timed-out waiter left the queue: it never runs, and the slot is free again.
    expect(ran).toBe(false);
    await limiter.run("h", async () => undefined, 50);
  });

  it("a never-closing endpoint delays no request of another scope on the same host", async () => {
    const eth = CHAINS.find((c) => c.id === "ethereum") as ChainEntry;
    const hanging = await Promise.all([fake(eth, "hanging"), fake(eth, "hanging"), fake(eth, "hanging")]);
    const healthy = await fake(eth, "healthy", 77);
    const shared: RequestLimits = { ...LOOPBACK, timeoutMs: 1000, limiter: new HostLimiter(1) };
    const hostile = hanging.map((f) =>
      PROBES.evm(f.url, eth, { ...shared, scope: "hostile" }).then(
        () => "answered",
        (e: RequestFailedError) => e.reason,
      ),
    );
    // Same host (127.0.0.1, other ports), one slot per host: only the scope keeps it apart.
    const honest = PROBES.evm(healthy.url, eth, { ...shared, scope: "honest" });
    const settled = await Promise.race([
      honest.then(() => "honest first"),
      Promise.all(hostile).then(() => "hostile first"),
    ]);
    expect(settled).toBe("honest first");
    expect((await honest).head).toBe(77);
    // The hostile provider's own queue times out within its deadline, waiting included.
    expect(await Promise.all(hostile)).toEqual(["timeout", "timeout", "timeout"]);
  });
});
