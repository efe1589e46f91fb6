import { existsSync } from "node:fs";
import { resolve } from "node:path";

import type { Command } from "commander";
import { encryptKeystoreJson } from "ethers";
import { privateKeyToAccount } from "viem/accounts";

import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { writeSecretFile } from "../secretFile.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("keystore <file>")
    .description(
      "Encrypt the key in ANKR_PRIVATE_KEY into an Ethereum v3 keystore file (ANKR_KEYSTORE_PASSWORD)",
    )
    .option("--light", "faster, weaker scrypt parameters (devnets and tests only)")
    .option("--force", "replace an existing file (it becomes mode 0600 like a new one)")
    .addHelpText(
      "after",
      "\nExample:\n  $ ANKR_PRIVATE_KEY=0x... ANKR_KEYSTORE_PASSWORD=... ankr-staking keystore ~/.ankr/provider.json\n  $ ankr-staking --keystore ~/.ankr/provider.json positions",
    )
    .action(async (file: string, options: { light?: boolean; force?: boolean }) => {
      const path = resolve(ctx.io.cwd, file);
      const replace = Boolean(options.force);
      // Checked before the (slow) encryption too; the write itself refuses atomically.
      if (!replace && existsSync(path)) throw alreadyExists(path);
      const password = ctx.io.env.ANKR_KEYSTORE_PASSWORD;
      if (!password) throw new UsageError("set ANKR_KEYSTORE_PASSWORD to the password for the new keystore");
      const account = await ctx.account();
      const key = ctx.io.env.ANKR_PRIVATE_KEY;
      if (!account || !key) throw new UsageError("set ANKR_PRIVATE_KEY to the key to encrypt");
      const privateKey = key.startsWith("0x") ? key : `0x${key}`;
      const json = await encryptKeystoreJson(
        { address: privateKeyToAccount(privateKey as `0x${string}`).address, privateKey },
        password,
        options.light ? { scrypt: { N: 1 << 12 } } : {},
      );
      try {
        writeSecretFile(path, json, { replace });
      } catch (error) {
        throw writeFailure(path, error);
      }
      ctx.result(
        { address: account.address, file: path },
        () => `wrote keystore for ${account.address} to ${path}`,
      );
    });
}

const alreadyExists = (path: string) => new UsageError(`${path} already exists; pass --force to replace it`);

/** A failed write in plain words (nothing was written: the old file, if any, is as it was). */
function writeFailure(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST") return alreadyExists(path);
  const reason =
    code === "ENOENT"
      ? "no such directory"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a directory"
          : (code ?? String(error));
  return new UsageError(`cannot write keystore ${path}: ${reason}`);
}
