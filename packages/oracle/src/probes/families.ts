// One probe per protocol family: prove the chain (chain id, genesis hash or network name), then read
// the head. Latency is the head request's round trip.
import type { ProtocolFamily } from "@ankr-staking/sdk";
import { expectIdentity, field, rest, rpc, toHead } from "./transport.ts";
import type { Probe } from "./types.ts";

const base = (endpoint: string) => endpoint.replace(/\/+$/, "");

/** EVM JSON-RPC: eth_chainId, then eth_blockNumber. */
const evm: Probe = async (endpoint, chain, limits) => {
  const id = await rpc(endpoint, "eth_chainId", [], limits);
  expectIdentity(
    chain.identity,
    typeof id.value === "string" ? `0x${BigInt(id.value).toString(16)}` : id.value,
  );
  const head = await rpc(endpoint, "eth_blockNumber", [], limits);
  return { head: toHead(head.value), latencyMs: head.ms };
};

/** Solana: getGenesisHash, then getSlot. */
const solana: Probe = async (endpoint, chain, limits) => {
  expectIdentity(chain.identity, (await rpc(endpoint, "getGenesisHash", [], limits)).value);
  const head = await rpc(endpoint, "getSlot", [], limits);
  return { head: toHead(head.value), latencyMs: head.ms };
};

/** NEAR: one `status` call gives the chain id and the latest height. */
const near: Probe = async (endpoint, chain, limits) => {
  const status = await rpc(endpoint, "status", [], limits);
  expectIdentity(chain.identity, field(status.value, "chain_id"));
  return { head: toHead(field(status.value, "sync_info.latest_block_height")), latencyMs: status.ms };
};

/** Substrate: the hash of block 0, then the best header's number. */
const substrate: Probe = async (endpoint, chain, limits) => {
  expectIdentity(chain.identity, (await rpc(endpoint, "chain_getBlockHash", [0], limits)).value);
  const header = await rpc(endpoint, "chain_getHeader", [], limits);
  return { head: toHead(field(header.value, "number")), latencyMs: header.ms };
};

/** Bitcoin-style JSON-RPC: getblockhash 0, then getblockcount. */
const bitcoin: Probe = async (endpoint, chain, limits) => {
  expectIdentity(chain.identity, (await rpc(endpoint, "getblockhash", [0], limits)).value);
  const head = await rpc(endpoint, "getblockcount", [], limits);
  return { head: toHead(head.value), latencyMs: head.ms };
};

/** Tron HTTP API: block 0's id, then the current block's number. */
const tron: Probe = async (endpoint, chain, limits) => {
  const genesis = await rest(`${base(endpoint)}/wallet/getblockbynum`, limits, { num: 0 });
  expectIdentity(chain.identity, field(genesis.value, "blockID"));
  const now = await rest(`${base(endpoint)}/wallet/getnowblock`, limits, {});
  return { head: toHead(field(now.value, "block_header.raw_data.number")), latencyMs: now.ms };
};

/** Aptos REST: the ledger info carries the chain id and the block height. */
const aptos: Probe = async (endpoint, chain, limits) => {
  const info = await rest(`${base(endpoint)}/v1`, limits);
  expectIdentity(chain.identity, field(info.value, "chain_id"));
  return { head: toHead(field(info.value, "block_height")), latencyMs: info.ms };
};

/** Sui JSON-RPC: the chain identifier, then the latest checkpoint. */
const sui: Probe = async (endpoint, chain, limits) => {
  expectIdentity(chain.identity, (await rpc(endpoint, "sui_getChainIdentifier", [], limits)).value);
  const head = await rpc(endpoint, "sui_getLatestCheckpointSequenceNumber", [], limits);
  return { head: toHead(head.value), latencyMs: head.ms };
};

/** Tendermint RPC: `status` gives the network and the latest height. */
const cosmos: Probe = async (endpoint, chain, limits) => {
  const status = await rpc(endpoint, "status", {}, limits);
  expectIdentity(chain.identity, field(status.value, "node_info.network"));
  return { head: toHead(field(status.value, "sync_info.latest_block_height")), latencyMs: status.ms };
};

/** Starknet JSON-RPC: starknet_chainId, then starknet_blockNumber. */
const starknet: Probe = async (endpoint, chain, limits) => {
  expectIdentity(chain.identity, (await rpc(endpoint, "starknet_chainId", [], limits)).value);
  const head = await rpc(endpoint, "starknet_blockNumber", [], limits);
  return { head: toHead(head.value), latencyMs: head.ms };
};

export const PROBES: Record<ProtocolFamily, Probe> = {
  evm,
  solana,
  near,
  substrate,
  bitcoin,
  tron,
  aptos,
  sui,
  cosmos,
  starknet,
};
