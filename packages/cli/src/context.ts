// What every command needs: the global options with their environment fallbacks, a staking client
// for the deployment, the signing account, and output in the requested form.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import {
  ChainMismatchError,
  createStakingClient,
  type Deployment,
  formatAmount,
  type StakingClient,
  type TransactionResult,
  toStakingError,
} from "@ankr-staking/sdk";
import { loadDeployment } from "@ankr-staking/sdk/node";
import { decryptKeystoreJson } from "ethers";
import { type Account, type Address, createPublicClient, getAddress, type Hex, http, isAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { UsageError } from "./errors.js";
import { type Io, toJson } from "./io.js";
import { isLoopbackUrl } from "./loopback.js";

export type GlobalOptions = {
  rpcUrl?: string;
  deployment?: string;
  json?: boolean;
  keystore?: string;
  dryRun?: boolean;
  confirmations?: string;
};

export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";

export class Context {
  private clientPromise: Promise<StakingClient> | undefined;

  constructor(
    readonly io: Io,
    readonly options: () => GlobalOptions,
  ) {}

  get json(): boolean {
    return Boolean(this.options().json);
  }

  get rpcUrl(): string {
    // An empty variable counts as unset (as a shell's `ANKR_RPC_URL= cmd` means).
    return this.options().rpcUrl ?? (this.io.env.ANKR_RPC_URL || DEFAULT_RPC_URL);
  }

  /** Human output (ignored with --json). */
  log(text: string): void {
    if (!this.json) this.io.stdout.write(`${text}\n`);
  }

  /** The one JSON document of a --json run. */
  result(value: unknown, human: () => string): void {
    this.io.stdout.write(`${this.json ? toJson(value) : human()}\n`);
  }

  /** Progress for long waits: stderr, and only on a terminal. */
  progress(text: string): void {
    if (this.io.isTTY) this.io.stderr.write(`${text}\n`);
  }

  amount(wei: bigint): string {
    return formatAmount(wei, { symbol: "ANKR", maxFractionDigits: 6 });
  }

  /** The staking client, created on first use (so bad input fails before any RPC call). */
  client(): Promise<StakingClient> {
    this.clientPromise ??= this.createClient();
    return this.clientPromise;
  }

  private async createClient(): Promise<StakingClient> {
    const rpcUrl = this.rpcUrl;
    const account = await this.account();
    const deployment = await this.deployment(rpcUrl);
    return createStakingClient({ rpcUrl, deployment, account, pollingInterval: 200 });
  }

  private async deployment(rpcUrl: string): Promise<Deployment> {
    const dir = this.io.env.ANKR_DEPLOYMENTS_DIR ?? resolve(this.io.cwd, "deployments");
    const chosen = this.options().deployment ?? (this.io.env.ANKR_DEPLOYMENT || undefined);
    // A remote endpoint could report another chain's id to pick that chain's deployment, and have
    // the user sign for a network they did not mean (a mainnet stake sent "to a testnet").
    if (chosen === undefined && !isLoopbackUrl(rpcUrl)) {
      throw new UsageError(
        `name the deployment with --deployment <chainId|file> (or ANKR_DEPLOYMENT): ${rpcUrl} is not on this machine, and the chain id it reports is not trusted to pick one`,
      );
    }
    const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 10_000 }) });
    const chainId = await probe.getChainId().catch((error: unknown) => {
      throw toStakingError(error);
    });
    const deployment = loadDeployment(chosen ?? chainId, { dir });
    if (deployment.chainId !== chainId) throw new ChainMismatchError(deployment.chainId, chainId);
    return deployment;
  }

  /** The signer: ANKR_PRIVATE_KEY, or an encrypted keystore (--keystore / ANKR_KEYSTORE). */
  async account(): Promise<Account | undefined> {
    const key = this.io.env.ANKR_PRIVATE_KEY;
    if (key) {
      const hex = (key.startsWith("0x") ? key : `0x${key}`) as Hex;
      if (!/^0x[0-9a-fA-F]{64}$/.test(hex))
        throw new UsageError("ANKR_PRIVATE_KEY is not a 32-byte hex private key");
      return privateKeyToAccount(hex);
    }
    const keystore = this.options().keystore ?? this.io.env.ANKR_KEYSTORE;
    if (!keystore) return undefined;
    return this.keystoreAccount(keystore);
  }

  private async keystoreAccount(path: string): Promise<Account> {
    const password = this.io.env.ANKR_KEYSTORE_PASSWORD;
    if (password === undefined) throw new UsageError("set ANKR_KEYSTORE_PASSWORD to unlock the keystore");
    let json: string;
    try {
      json = readFileSync(resolve(this.io.cwd, path), "utf8");
    } catch {
      throw new UsageError(`cannot read keystore ${path}`);
    }
    return unlockKeystore(json, password);
  }

  /** The account's address; a usage error when there is none. */
  async sender(): Promise<Address> {
    const client = await this.client();
    if (!client.account)
      throw new UsageError("no account: set ANKR_PRIVATE_KEY or --keystore with ANKR_KEYSTORE_PASSWORD");
    return client.account.address;
  }

  /** Write options from the global flags, with progress on a TTY. */
  writeOptions() {
    const confirmations = Number(this.options().confirmations ?? 1);
    if (!Number.isInteger(confirmations) || confirmations < 1)
      throw new UsageError("--confirmations must be >= 1");
    return {
      dryRun: Boolean(this.options().dryRun),
      confirmations,
      onProgress: ({ stage, hash }: { stage: "sent" | "mined"; hash: Hex }) =>
        this.progress(stage === "sent" ? `sent ${hash}, waiting for confirmation...` : `mined ${hash}`),
    };
  }

  /** Prints a write's outcome: what happened, its transaction and gas (or the simulation). */
  transaction(summary: string, result: TransactionResult, extra: Record<string, unknown> = {}): void {
    const tokenStep =
      result.tokenStep?.kind === "approve"
        ? { kind: "approve", hash: result.tokenStep.transaction.hash, gas: result.tokenStep.transaction.gas }
        : result.tokenStep;
    const document = {
      status: result.status,
      function: result.functionName,
      hash: result.hash,
      blockNumber: result.blockNumber,
      gas: result.gas,
      tokenStep,
      events: result.events.map((e) => ({ event: e.eventName, args: e.args })),
      ...extra,
    };
    this.result(document, () => {
      if (result.status === "simulated") {
        const step = result.tokenStep;
        if (step?.kind === "approve-needed") {
          if (!step.callSimulated) {
            return `dry run: an approval of ${this.amount(step.amount)} is needed first (gas ~${step.gas}); the token's allowance slot is unknown, so ${result.functionName} could not be simulated before it; nothing was sent`;
          }
          return `dry run: ${summary} would succeed after an approval of ${this.amount(step.amount)} (gas ~${result.gas}: approve ~${step.gas} + ${result.functionName} ~${result.gas - step.gas}); nothing was sent`;
        }
        return `dry run: ${summary} would succeed (${result.functionName}, gas ~${result.gas}); nothing was sent`;
      }
      const step =
        result.tokenStep?.kind === "permit"
          ? " (permit signed)"
          : result.tokenStep?.kind === "approve"
            ? ` (approved in ${result.tokenStep.transaction.hash})`
            : "";
      return `${summary}${step}\ntx ${result.hash} in block ${result.blockNumber}, gas ${result.gas}`;
    });
  }
}

/** Parses an address argument. */
export function parseAddress(input: string, what = "address"): Address {
  if (!isAddress(input, { strict: false })) throw new UsageError(`"${input}" is not a valid ${what}`);
  return getAddress(input);
}

/** Decrypts an Ethereum v3 keystore into a viem account. */
export async function unlockKeystore(json: string, password: string): Promise<Account> {
  try {
    const { privateKey } = await decryptKeystoreJson(json, password);
    return privateKeyToAccount(privateKey as Hex);
  } catch {
    throw new UsageError("cannot unlock the keystore: wrong password or not a v3 keystore");
  }
}
