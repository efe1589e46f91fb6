// Child processes of the devnet: each in its own process group, its output in a log file, and all
// of them stopped by pid (group) on shutdown, newest first.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, closeSync, openSync } from "node:fs";

import { ProcessExitedError } from "./errors.ts";

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string;
}

export interface SpawnOptions {
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Also called with each line of output (the log file still gets all of it): visible progress. */
  echo?: (line: string) => void;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Starts `command` with its output appended to its log file; undefined when it got no pid. */
function start(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Child | undefined {
  const { echo, logFile } = options;
  const log = echo ? undefined : openSync(logFile, "a");
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    // Its own process group: a terminal's Ctrl-C reaches the orchestrator only, which then stops
    // the children in order; stopping the group also ends anything the child started.
    detached: true,
    stdio: log === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", log, log],
  });
  if (log !== undefined) closeSync(log);
  if (echo) {
    for (const stream of [child.stdout, child.stderr]) {
      let partial = "";
      stream?.on("data", (chunk: Buffer) => {
        appendFileSync(logFile, chunk);
        const lines = (partial + chunk.toString()).split(/\r?\n|\r/);
        partial = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) echo(line.trimEnd());
      });
      stream?.on("end", () => {
        if (partial.trim()) echo(partial.trimEnd());
      });
    }
  }
  if (child.pid === undefined) return undefined;
  return { name, process: child, pid: child.pid, logFile: options.logFile };
}

export class Processes {
  private readonly children: Child[] = [];
  private readonly oneShots = new Set<Child>();
  private stopRequested = false;

  /** Called when a child exits before `stopAll` (the orchestrator then shuts everything down). */
  constructor(private readonly onExit: (error: ProcessExitedError) => void) {}

  spawn(name: string, command: string, args: readonly string[], options: SpawnOptions): Child {
    // Once stopAll has begun, a new child would outlive it: a service still starting gets an error.
    if (this.stopRequested) throw new Error(`${name} not started: the devnet is stopping`);
    const entry = start(name, command, args, options);
    if (!entry) throw new Error(`${name} could not be spawned (${command})`);
    const child = entry.process;
    this.children.push(entry);
    child.once("exit", (code, signal) => {
      if (!this.stopRequested) this.onExit(new ProcessExitedError(name, code, signal, options.logFile));
    });
    return entry;
  }

  /**
   * A one-shot child (a build, a deploy): resolves when it exits 0, rejects otherwise. It is stopped
   * with the others if the devnet stops first; its own exit is not an unexpected one.
   */
  run(name: string, command: string, args: readonly string[], options: SpawnOptions): Promise<void> {
    if (this.stopRequested) return Promise.reject(new Error(`${name} not started: the devnet is stopping`));
    const entry = start(name, command, args, options);
    if (!entry) return Promise.reject(new Error(`${name} could not be spawned (${command})`));
    const child = entry.process;
    this.oneShots.add(entry);
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => {
        this.oneShots.delete(entry);
        if (code === 0) resolve();
        else reject(new ProcessExitedError(name, code, signal, options.logFile));
      });
    });
  }

  /** Whether stopAll has begun (a failure from here on is the stop, not a fault). */
  get stopping(): boolean {
    return this.stopRequested;
  }

  /** The long-running children (not the one-shots). */
  get pids(): number[] {
    return this.children.map((c) => c.pid);
  }

  /** Every child still running, one-shots included. */
  get running(): Child[] {
    return [...this.oneShots, ...this.children].filter((c) => !exited(c.process));
  }

  /** SIGTERM to each child's group, SIGKILL after 5 s; resolves when every child has exited. */
  async stopAll(): Promise<void> {
    this.stopRequested = true;
    for (const child of [...this.oneShots, ...[...this.children].reverse()]) {
      if (exited(child.process)) continue;
      const done = new Promise<void>((resolve) => child.process.once("exit", () => resolve()));
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 5000);
      await done;
      clearTimeout(timer);
      // Anything the child left in its group goes too.
      signalGroup(child.pid, "SIGKILL");
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
