import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

import type { Command } from "commander";
import { encryptKeystoreJson } from "ethers";
import { privateKeyToAccount } from "viem/accounts";

import type { Context } from "../context.js";
import { UsageError } from "../errors.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("keystore <file>")
    .description(
      "Encrypt the key in ANKR_PRIVATE_KEY into an Ethereum v3 keystore file (ANKR_KEYSTORE_PASSWORD)",
    )
    .option("--light", "faster, weaker scrypt parameters (devnets and tests only)")
    .addHelpText(
      "after",
      "\nExample:\n  $ ANKR_PRIVATE_KEY=0x... ANKR_KEYSTORE_PASSWORD=... ankr-staking keystore ~/.ankr/provider.json\n  $ ankr-staking --keystore ~/.ankr/provider.json positions",
    )
    .action(async (file: string, options: { light?: boolean }) => {
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
      const path = resolve(ctx.io.cwd, file);
      writeFileSync(path, json, { mode: 0o600 });
      ctx.result(
        { address: account.address, file: path },
        () => `wrote keystore for ${account.address} to ${path}`,
      );
    });
}
