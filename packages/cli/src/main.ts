// The CLI as a function: parses argv, runs one command, returns the exit code (0 ok, 1 failed
// transaction or RPC error, 2 bad usage). src/cli.ts is the process entry point.
import { Command, CommanderError } from "commander";

import * as claim from "./commands/claim.js";
import * as commission from "./commands/commission.js";
import * as exit from "./commands/exit.js";
import * as fund from "./commands/fund.js";
import * as governance from "./commands/governance.js";
import * as history from "./commands/history.js";
import * as keystore from "./commands/keystore.js";
import * as metadata from "./commands/metadata.js";
import * as positions from "./commands/positions.js";
import * as provider from "./commands/provider.js";
import * as providers from "./commands/providers.js";
import * as redelegate from "./commands/redelegate.js";
import * as registerProvider from "./commands/register.js";
import * as restake from "./commands/restake.js";
import * as settle from "./commands/settle.js";
import * as stake from "./commands/stake.js";
import * as status from "./commands/status.js";
import * as unstake from "./commands/unstake.js";
import * as withdraw from "./commands/withdraw.js";
import { Context, DEFAULT_RPC_URL, type GlobalOptions } from "./context.js";
import { describeFailure, EXIT_OK, EXIT_USAGE } from "./errors.js";
import { type Io, processIo } from "./io.js";

const commands = [
  providers,
  provider,
  stake,
  unstake,
  redelegate,
  claim,
  restake,
  withdraw,
  positions,
  history,
  registerProvider,
  metadata,
  commission,
  exit,
  status,
  settle,
  fund,
  governance,
  keystore,
];

export function buildProgram(io: Io): { program: Command; ctx: Context } {
  const program = new Command("ankr-staking");
  const ctx = new Context(io, () => program.opts<GlobalOptions>());
  program
    .description("Delegated ANKR staking from the terminal: delegators, node providers and operators")
    .option("--rpc-url <url>", `JSON-RPC endpoint (env ANKR_RPC_URL, default ${DEFAULT_RPC_URL})`)
    .option(
      "--deployment <chainId|file>",
      "deployment: a chain id in deployments/ or a JSON file (env ANKR_DEPLOYMENT)",
    )
    .option(
      "--keystore <file>",
      "encrypted v3 keystore to sign with (env ANKR_KEYSTORE; password in ANKR_KEYSTORE_PASSWORD)",
    )
    .option("--json", "print one JSON document on stdout")
    .option("--dry-run", "simulate and print the outcome and gas; send nothing")
    .option("--confirmations <n>", "blocks to wait after inclusion", "1")
    .addHelpText(
      "after",
      "\nKeys come from ANKR_PRIVATE_KEY or --keystore, never from an argument.\nExit codes: 0 ok, 1 failed transaction or RPC error, 2 bad usage.",
    )
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  for (const command of commands) command.register(program, ctx);
  return { program, ctx };
}

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const { program } = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    const { message, code } = describeFailure(error);
    io.stderr.write(`error: ${message}\n`);
    return code;
  }
}
