// Contract ABIs, read from the Foundry build output (contracts/out, `forge build`).
// TODO(merge): switch to the generated ABIs of @ankr-staking/sdk once it lands.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Abi } from "viem";

const outDir = fileURLToPath(new URL("../../../contracts/out/", import.meta.url));

function loadAbi(name: string): Abi {
  return (JSON.parse(readFileSync(`${outDir}${name}.sol/${name}.json`, "utf8")) as { abi: Abi }).abi;
}

export const stakingAbi = (): Abi => loadAbi("AnkrStaking");
export const committeeAbi = (): Abi => loadAbi("OracleCommittee");
