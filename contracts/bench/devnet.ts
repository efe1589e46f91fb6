// Drives anvil with mining under our control: bulk setup blocks of many impersonated transactions,
// and measured transactions that are ordinary signed transactions, each mined alone in its block.
import {
  type Abi,
  type Address,
  type Chain,
  createWalletClient,
  decodeErrorResult,
  decodeFunctionResult,
  defineChain,
  encodeFunctionData,
  type Hex,
  http,
  type PrivateKeyAccount,
  type WalletClient,
} from "viem";

import type { Rpc } from "./rpc.ts";

export interface Tx {
  from: Address;
  to: Address;
  data: Hex;
  /** Gas limit; setup transactions skip estimation. */
  gas: bigint;
}

interface Receipt {
  status: Hex;
  gasUsed: Hex;
  transactionHash: Hex;
  blockNumber: Hex;
}

interface Block {
  number: Hex;
  timestamp: Hex;
  transactions: Hex[];
}

const hex = (n: number | bigint): Hex => `0x${n.toString(16)}`;

/** Most setup transactions per block. */
const BULK_BLOCK_SIZE = 1000;

/** Fees far above anvil's base fee, which only falls on blocks that never fill a u64 gas limit. */
const MAX_FEE = 100_000_000_000n;
const PRIORITY_FEE = 1_000_000_000n;

export function call(abi: Abi, functionName: string, args: readonly unknown[] = []): Hex {
  return encodeFunctionData({ abi, functionName, args });
}

export class Devnet {
  private readonly nonces = new Map<Address, number>();
  private readonly wallet: WalletClient;
  private readonly chain: Chain;
  private lastTimestamp = 0;
  /** The most recent measured transaction. */
  lastMeasured: Hex | undefined;
  /** ABI whose custom errors name a measured transaction's revert. */
  errorAbi: Abi | undefined;

  constructor(
    readonly rpc: Rpc,
    chainId: number,
  ) {
    this.chain = defineChain({
      id: chainId,
      name: "gas-bench",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpc.url] } },
    });
    this.wallet = createWalletClient({ chain: this.chain, transport: http(rpc.url) });
  }

  /** Hands mining to us and lets any address send (setup only; measured transactions are signed). */
  async takeControl(): Promise<void> {
    await this.rpc.call("evm_setAutomine", [false]);
    await this.rpc.call("anvil_autoImpersonateAccount", [true]);
    const latest = await this.rpc.call<Block>("eth_getBlockByNumber", ["latest", false]);
    this.lastTimestamp = Number(latest.timestamp);
  }

  async setBalances(accounts: readonly Address[], wei: bigint): Promise<void> {
    await this.rpc.batch(accounts.map((a) => ["anvil_setBalance", [a, hex(wei)]] as const));
  }

  async snapshot(): Promise<Hex> {
    return this.rpc.call<Hex>("evm_snapshot");
  }

  /** Reverts to `id` (which anvil then forgets) and returns a fresh snapshot of the same state. */
  async restore(id: Hex): Promise<Hex> {
    const ok = await this.rpc.call<boolean>("evm_revert", [id]);
    if (!ok) throw new Error(`evm_revert ${id} failed`);
    this.nonces.clear();
    const latest = await this.rpc.call<Block>("eth_getBlockByNumber", ["latest", false]);
    this.lastTimestamp = Number(latest.timestamp);
    return this.snapshot();
  }

  private async mineAt(timestamp: number): Promise<Block> {
    if (timestamp <= this.lastTimestamp) {
      throw new Error(`block time ${timestamp} is not after the previous block's ${this.lastTimestamp}`);
    }
    await this.rpc.call("anvil_setNextBlockTimestamp", [timestamp]);
    await this.rpc.call("evm_mine");
    this.lastTimestamp = timestamp;
    const block = await this.rpc.call<Block>("eth_getBlockByNumber", ["latest", false]);
    if (Number(block.timestamp) !== timestamp)
      throw new Error(`mined at ${block.timestamp}, wanted ${timestamp}`);
    return block;
  }

  private async pendingCount(): Promise<number> {
    const status = await this.rpc.call<{ pending: Hex; queued: Hex }>("txpool_status");
    return Number(status.pending) + Number(status.queued);
  }

  /**
   * Mines `txs` (any number, from impersonated senders, in order) into blocks of at most
   * BULK_BLOCK_SIZE transactions at `timestamp`, `timestamp + 1`, ... and checks every one succeeded.
   * (anvil's pool slows down quadratically with its size, hence the blocks.) Nonces are assigned
   * here, so a sender may appear several times. Returns the last block's timestamp.
   */
  async bulk(timestamp: number, txs: readonly Tx[]): Promise<number> {
    let time = timestamp;
    for (let start = 0; start < txs.length; start += BULK_BLOCK_SIZE) {
      await this.bulkBlock(time, txs.slice(start, start + BULK_BLOCK_SIZE));
      time++;
    }
    return time - 1;
  }

  private async bulkBlock(timestamp: number, txs: readonly Tx[]): Promise<void> {
    const unknown = [...new Set(txs.map((t) => t.from))].filter((a) => !this.nonces.has(a));
    const counts = await this.rpc.batch<Hex>(unknown.map((a) => ["eth_getTransactionCount", [a, "latest"]]));
    for (const [i, a] of unknown.entries()) this.nonces.set(a, Number(counts[i]));
    const requests = txs.map((t) => {
      const nonce = this.nonces.get(t.from) ?? 0;
      this.nonces.set(t.from, nonce + 1);
      const request = {
        from: t.from,
        to: t.to,
        data: t.data,
        gas: hex(t.gas),
        nonce: hex(nonce),
        maxFeePerGas: hex(MAX_FEE),
        maxPriorityFeePerGas: hex(0n),
      };
      return ["eth_sendTransaction", [request]] as const;
    });
    const hashes = await this.rpc.batch<Hex>(requests);
    if ((await this.pendingCount()) !== txs.length)
      throw new Error("transaction pool holds unexpected transactions");
    const block = await this.mineAt(timestamp);
    if (block.transactions.length !== txs.length) {
      throw new Error(
        `block ${Number(block.number)} holds ${block.transactions.length} of ${txs.length} transactions`,
      );
    }
    // Every setup call emits an event, a reverted one none. (eth_getBlockReceipts would say it
    // directly, but anvil takes quadratic time for it on large blocks.)
    const logs = await this.rpc.call<{ transactionHash: Hex }[]>("eth_getLogs", [
      { fromBlock: block.number, toBlock: block.number },
    ]);
    const succeeded = new Set(logs.map((l) => l.transactionHash));
    const failed = hashes.findIndex((h) => !succeeded.has(h));
    if (failed !== -1) {
      const receipt = await this.rpc.call<Receipt>("eth_getTransactionReceipt", [hashes[failed]]);
      const tx = JSON.stringify(txs[failed], (_, v) => (typeof v === "bigint" ? v.toString() : v));
      throw new Error(`setup transaction failed (status ${receipt.status}): ${tx}`);
    }
  }

  /**
   * Sends one ordinary signed transaction from `account`, mines it alone in a block at `timestamp`,
   * and returns the gas the sender paid for (receipt gasUsed).
   */
  async measure(
    timestamp: number,
    account: PrivateKeyAccount,
    to: Address,
    data: Hex,
    gas = 3_000_000n,
  ): Promise<number> {
    if ((await this.pendingCount()) !== 0) throw new Error("transaction pool is not empty");
    const nonce = Number(await this.rpc.call<Hex>("eth_getTransactionCount", [account.address, "latest"]));
    // A fixed gas limit: estimation would run against the previous block's time.
    const hash = await this.wallet.sendTransaction({
      account,
      chain: this.chain,
      to,
      data,
      nonce,
      gas,
      maxFeePerGas: MAX_FEE,
      maxPriorityFeePerGas: PRIORITY_FEE,
    });
    const block = await this.mineAt(timestamp);
    if (block.transactions.length !== 1 || block.transactions[0] !== hash) {
      throw new Error(`measured transaction ${hash} is not alone in block ${Number(block.number)}`);
    }
    const receipt = await this.rpc.call<Receipt>("eth_getTransactionReceipt", [hash]);
    if (receipt.status !== "0x1") {
      throw new Error(
        `measured transaction ${hash} reverted: ${await this.revertReason(account.address, to, data)}`,
      );
    }
    this.lastMeasured = hash;
    if (this.nonces.has(account.address)) this.nonces.set(account.address, nonce + 1);
    return Number(receipt.gasUsed);
  }

  /** Replays a reverted call on the state it left (unchanged but for the nonce) to get its reason. */
  private async revertReason(from: Address, to: Address, data: Hex): Promise<string> {
    const [reply] = await this.rpc.raw([["eth_call", [{ from, to, data }, "latest"]]]);
    const revert = reply?.error?.data;
    if (typeof revert !== "string" || !revert.startsWith("0x")) return JSON.stringify(reply?.error ?? reply);
    try {
      const decoded = decodeErrorResult({ abi: this.errorAbi ?? [], data: revert as Hex });
      const args = (decoded.args ?? []).map((a) => String(a)).join(", ");
      return `${decoded.errorName}(${args})`;
    } catch {
      return revert;
    }
  }

  async read<T>(abi: Abi, to: Address, functionName: string, args: readonly unknown[] = []): Promise<T> {
    const data = call(abi, functionName, args);
    const result = await this.rpc.call<Hex>("eth_call", [{ to, data }, "latest"]);
    return decodeFunctionResult({ abi, functionName, data: result }) as T;
  }
}
