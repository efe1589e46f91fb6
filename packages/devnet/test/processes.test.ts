// The devnet's process tracker against real processes: a one-shot (the contracts build, a shell with
// a grandchild) is stopped with the rest, its whole process group included, and nothing new starts
// once stopping has begun.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { buildContracts } from "../src/contracts.ts";
import { Processes } from "../src/processes.ts";

const logDir = mkdtempSync(join(tmpdir(), "devnet-processes-"));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

/** Whether any process is left in the group `pgid` (signal 0 checks without signalling). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/**
 * Whether the group is gone within 10 s. An orphaned grandchild, once killed, stays in its group as a
 * zombie until init reaps it, which some container inits do only every second or two.
 */
async function groupGone(pgid: number): Promise<boolean> {
  for (let i = 0; i < 200 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 50));
  return !groupAlive(pgid);
}

describe("Processes", () => {
  it("stops a one-shot's whole process group, grandchildren included, and echoes its output", async () => {
    const processes = new Processes(() => undefined);
    const lines: string[] = [];
    const logFile = join(logDir, "one-shot.log");
    const done = processes.run("one-shot", "sh", ["-c", "echo started; sleep 60 & sleep 60"], {
      logFile,
      echo: (line) => lines.push(line),
    });
    const [child] = processes.running;
    expect(child?.name).toBe("one-shot");
    const pgid = child?.pid as number;
    for (let i = 0; i < 100 && !lines.includes("started"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(groupAlive(pgid)).toBe(true);
    await processes.stopAll();
    await expect(done).rejects.toThrow(/one-shot exited unexpectedly \(SIGTERM\)/);
    expect(await groupGone(pgid)).toBe(true);
    expect(processes.running).toEqual([]);
    expect(lines).toEqual(["started"]);
    expect(readFileSync(logFile, "utf8")).toBe("started\n");
  });

  it("starts nothing once stopping has begun", async () => {
    const processes = new Processes(() => undefined);
    await processes.stopAll();
    const options = { logFile: join(logDir, "late.log") };
    expect(() => processes.spawn("late", "sleep", ["60"], options)).toThrow(/stopping/);
    await expect(processes.run("late", "sleep", ["60"], options)).rejects.toThrow(/stopping/);
    expect(processes.running).toEqual([]);
  });

  it("runs the contracts build as a tracked child, so stopping the devnet stops forge", async () => {
    const processes = new Processes(() => undefined);
    const lines: string[] = [];
    const building = buildContracts(processes, join(logDir, "contracts-build.log"), (l) => lines.push(l));
    const [forge] = processes.running;
    expect(forge?.name).toBe("contracts build");
    const pgid = forge?.pid as number;
    await processes.stopAll();
    await expect(building).rejects.toThrow(/contracts build did not start/);
    expect(await groupGone(pgid)).toBe(true);
    // Stopped, not failed: no retry without the tests.
    expect(lines.some((l) => l.includes("retrying"))).toBe(false);
    expect(processes.running).toEqual([]);
  });
});
