// Every contract of the protocol a transaction can touch, in one list: what errors and events are
// decoded against.
import {
  ankrGovernorAbi,
  ankrStakingAbi,
  oracleCommitteeAbi,
  rewardVaultAbi,
  testAnkrAbi,
  timelockControllerAbi,
} from "./generated.js";

export const protocolAbi = [
  ...ankrStakingAbi,
  ...rewardVaultAbi,
  ...testAnkrAbi,
  ...ankrGovernorAbi,
  ...timelockControllerAbi,
  ...oracleCommitteeAbi,
];

export type ProtocolAbiItem = (typeof protocolAbi)[number];
