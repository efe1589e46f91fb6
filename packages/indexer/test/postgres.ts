// A private PostgreSQL cluster on a loopback port (Debian's `postgresql` package, run as root with
// the server as the postgres user, as ../shared/TOOLCHAIN.md describes), or undefined when the
// binaries or root are missing.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { freePort } from "./ponder.ts";

export type Postgres = { url: string; stop(): void };

function binDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().at(-1);
  const dir = version ? join(root, version, "bin") : undefined;
  return dir && existsSync(join(dir, "initdb")) ? dir : undefined;
}

export const postgresAvailable = () => binDir() !== undefined && process.getuid?.() === 0;

export async function startPostgres(): Promise<Postgres> {
  const bin = binDir();
  if (!bin) throw new Error("PostgreSQL binaries not found");
  const dir = mkdtempSync(join(tmpdir(), "indexer-pg-"));
  chownSync(
    dir,
    Number(execFileSync("id", ["-u", "postgres"]).toString()),
    Number(execFileSync("id", ["-g", "postgres"]).toString()),
  );
  const asPostgres = (args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" });
  asPostgres([
    join(bin, "initdb"),
    "-D",
    join(dir, "data"),
    "-U",
    "ponder",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  const port = await freePort();
  asPostgres([
    join(bin, "pg_ctl"),
    "-D",
    join(dir, "data"),
    "-l",
    join(dir, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  execFileSync(
    "psql",
    [`postgresql://ponder@127.0.0.1:${port}/postgres`, "-c", "create database ponder_test"],
    { stdio: "pipe" },
  );
  return {
    url: `postgresql://ponder@127.0.0.1:${port}/ponder_test`,
    stop() {
      try {
        asPostgres([join(bin, "pg_ctl"), "-D", join(dir, "data"), "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
