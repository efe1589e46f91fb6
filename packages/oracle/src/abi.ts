// Contract ABIs, from the SDK's generated and checked-in ABIs: one source for every package.
import { ankrStakingAbi, oracleCommitteeAbi } from "@ankr-staking/sdk";
import type { Abi } from "viem";

export const stakingAbi: Abi = ankrStakingAbi;
export const committeeAbi: Abi = oracleCommitteeAbi;
