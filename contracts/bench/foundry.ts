// Foundry binaries from npm and a small process runner whose output never reaches stdout.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The platform binary of `forge`, `anvil` or `cast` (not the Node wrapper, so it can be stopped by pid). */
export function foundryBin(tool: "forge" | "anvil" | "cast"): string {
  const arch = ({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch];
  if (!arch) throw new Error(`unsupported architecture ${process.arch}`);
  const pkg = `@foundry-rs/${tool}-${process.platform}-${arch}`;
  return join(dirname(require.resolve(`${pkg}/package.json`)), "bin", tool);
}

/** The installed version of a Foundry tool's npm package (the binary's release). */
export function foundryVersion(tool: "forge" | "anvil" | "cast"): string {
  return (require(`@foundry-rs/${tool}/package.json`) as { version: string }).version;
}

/** Runs a Foundry tool to completion; its stdout and stderr both go to our stderr. */
export function runFoundry(
  tool: "forge" | "cast",
  args: string[],
  options: { cwd: string; env?: Record<string, string>; unset?: readonly string[] },
): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of options.unset ?? []) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(foundryBin(tool), args, {
      cwd: options.cwd,
      env,
      stdio: ["ignore", process.stderr, process.stderr],
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} ${args[0]} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
