// The devnet as an ordered list of services. Each entry starts one part of the system and adds its
// rows to the ready table; stopping is the reverse, through the Devnet's process list.
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import { createPublicClient, http } from "viem";

import { accounts, type DevAccount, MEMBER_COUNT, MEMBERS_INLINE, ORACLE_QUORUM } from "./accounts.ts";
import { type AnvilChain, startAnvil } from "./anvil.ts";
import { CHAIN_ID, type DevnetConfig } from "./config.ts";
import { buildContracts, type Deployed, deployContracts } from "./contracts.ts";
import { type Endpoints, startEndpoints } from "./endpoints.ts";
import type { ProcessExitedError } from "./errors.ts";
import { settleEpochs } from "./history.ts";
import { type IndexerService, startIndexer, waitIndexerReady } from "./indexer.ts";
import { type OracleMember, startMember, waitHealthy } from "./oracle.ts";
import { Processes } from "./processes.ts";
import { type SeededProposal, seedProposal } from "./proposal.ts";
import { APPLICANT, clientFor, PROVIDERS, seedRewardActions, seedUnbonding, seedWorld } from "./seed.ts";
import type { Section } from "./table.ts";
import { buildWeb, startWeb, type WebService, waitWebHealthy, webBuildStale } from "./web.ts";

export class Devnet {
  readonly processes: Processes;
  readonly logDir: string;
  chain: AnvilChain | undefined;
  endpoints: Endpoints | undefined;
  deployed: Deployed | undefined;
  members: OracleMember[] = [];
  indexer: IndexerService | undefined;
  proposal: SeededProposal | undefined;
  web: WebService | undefined;
  webBuild: Promise<void> | undefined;
  private clock: NodeJS.Timeout | undefined;
  /** Rows of the "Services" section: name, URL, what it is. */
  readonly services: string[][] = [];

  constructor(
    readonly config: DevnetConfig,
    readonly log: (line: string) => void,
    onProcessExit: (error: ProcessExitedError) => void,
  ) {
    this.processes = new Processes(onProcessExit);
    this.logDir = join(config.stateDir, "logs");
    mkdirSync(this.logDir, { recursive: true });
  }

  need<K extends "chain" | "endpoints" | "deployed" | "indexer" | "proposal" | "web">(
    key: K,
  ): NonNullable<Devnet[K]> {
    const value = this[key];
    if (value === undefined) throw new Error(`the devnet has no ${key} yet (service order)`);
    return value as NonNullable<Devnet[K]>;
  }

  /** Every port the devnet listens on. */
  get ports(): number[] {
    const urls = [
      this.chain?.url,
      ...(this.endpoints?.anvils.map((a) => a.url) ?? []),
      ...(this.endpoints?.fakes.map((f) => f.url) ?? []),
      ...this.members.map((m) => m.url),
      this.indexer?.url,
      this.web?.url,
    ];
    return urls.filter((u): u is string => u !== undefined).map((u) => Number(new URL(u).port));
  }

  /** Mines an empty block every `ms` so the chain's time follows the wall clock between transactions. */
  startClock(ms: number): void {
    const client = createPublicClient({ transport: http(this.need("chain").url, { retryCount: 0 }) });
    this.clock = setInterval(() => {
      client.request({ method: "evm_mine", params: [] } as never).catch(() => undefined);
    }, ms);
  }

  async stop(): Promise<void> {
    clearInterval(this.clock);
    await this.endpoints?.close();
    await this.processes.stopAll();
  }

  sections(): Section[] {
    const { deployment, committee, deploymentFile } = this.need("deployed");
    const endpoints = this.need("endpoints");
    const proposal = this.need("proposal");
    return [
      { title: "Services", rows: [["service", "URL", ""], ...this.services] },
      {
        title: `Contracts (chain ${CHAIN_ID}, ${deploymentFile})`,
        rows: [
          ["AnkrStaking (proxy)", deployment.staking],
          ["TestANKR (tANKR, permit)", deployment.token],
          ["RewardVault", deployment.rewardVault],
          ["AnkrGovernor", deployment.governor ?? ""],
          ["TimelockController (main: GOVERNANCE_ROLE)", deployment.timelock ?? ""],
          ["TimelockController (upgrades, roles)", deployment.upgradeTimelock ?? ""],
          ["OracleCommittee (owned by the main timelock)", committee],
        ],
      },
      {
        title: "Open governance proposal",
        rows: [
          ["proposal id", proposal.id.toString()],
          ["what", proposal.description.split("\n")[0] ?? ""],
          [
            "state",
            `${proposal.state}; voting ends ${new Date(Number(proposal.deadline) * 1000).toISOString()}`,
          ],
        ],
      },
      {
        title: "Provider endpoints the oracle measures",
        rows: [
          ...endpoints.anvils.map((a) => [
            a.name,
            a.url,
            `anvil, chain id ${a.name === "ethereum" ? 1 : 137}`,
          ]),
          ...endpoints.fakes.map((f) => [f.chain, f.url, `${f.chain} stand-in, ${f.note}`]),
        ],
      },
      {
        title: "Funded test accounts (anvil's public dev keys: devnet only, never use them elsewhere)",
        rows: labelledAccounts().map((a) => [a.label, a.address, a.privateKey]),
      },
    ];
  }
}

export interface Service {
  name: string;
  start(devnet: Devnet): Promise<void>;
}

export const SERVICES: readonly Service[] = [
  {
    name: "contracts build",
    async start(devnet) {
      // The web app's build (when stale) runs beside everything else; the web service awaits it.
      if (webBuildStale()) {
        devnet.log("  building the web app in the background (vite build)");
        devnet.webBuild = buildWeb(devnet.processes, join(devnet.logDir, "web-build.log"));
        devnet.webBuild.catch(() => undefined);
      }
      await buildContracts(devnet.processes, join(devnet.logDir, "contracts-build.log"), devnet.log);
    },
  },
  {
    name: "chain (anvil)",
    async start(devnet) {
      devnet.chain = await startAnvil(devnet.processes, {
        name: "chain",
        port: devnet.config.ports.chain,
        chainId: CHAIN_ID,
        logDir: devnet.logDir,
      });
      devnet.services.push(["chain", devnet.chain.url, `anvil, chain id ${CHAIN_ID}, a block every 2 s`]);
    },
  },
  {
    name: "provider endpoints",
    async start(devnet) {
      devnet.endpoints = await startEndpoints(devnet.processes, {
        devnetUrl: devnet.need("chain").url,
        logDir: devnet.logDir,
      });
    },
  },
  {
    name: "deploy (script/Deploy.s.sol with the devnet's config: genesis providers, oracle committee)",
    async start(devnet) {
      devnet.deployed = await deployContracts(
        devnet.processes,
        devnet.need("chain").url,
        devnet.config,
        devnet.need("endpoints"),
        devnet.logDir,
      );
      // Blocks on a timer only from here on, so the deployment (and its start blocks) is the same
      // every run and deployments/31337*.json do not change.
      devnet.startClock(2000);
    },
  },
  {
    // Started now so it indexes while the world is seeded; waited on further down.
    name: "indexer (ponder start)",
    async start(devnet) {
      devnet.indexer = startIndexer(devnet.processes, {
        rpcUrl: devnet.need("chain").url,
        deploymentFile: devnet.need("deployed").deploymentFile,
        port: devnet.config.ports.api,
        stateDir: devnet.config.stateDir,
      });
    },
  },
  {
    // Started now: they read the genesis providers and begin probing while the world is seeded.
    name: `oracle committee (${MEMBER_COUNT} members, quorum ${ORACLE_QUORUM})`,
    async start(devnet) {
      const { deployment, committee } = devnet.need("deployed");
      for (let i = 0; i < devnet.config.members; i++) {
        devnet.members.push(
          startMember(devnet.processes, i, {
            rpcUrl: devnet.need("chain").url,
            staking: deployment.staking,
            committee,
            port: devnet.config.ports.oracle + i,
            probeIntervalMs: devnet.config.probeIntervalMs,
            stateDir: devnet.config.stateDir,
          }),
        );
      }
    },
  },
  {
    name: "seed",
    start: (devnet) => seedWorld(devnet.need("chain").url, devnet.need("deployed").deployment, devnet.log),
  },
  {
    name: "oracle committee healthy",
    async start(devnet) {
      for (const member of devnet.members) {
        await waitHealthy(member);
        devnet.services.push([member.name, member.url, "oracle member: /scores /health /chains /metrics"]);
      }
    },
  },
  {
    name: "settled epochs",
    async start(devnet) {
      const { deployment } = devnet.need("deployed");
      const rpcUrl = devnet.need("chain").url;
      await settleEpochs(clientFor(rpcUrl, deployment), devnet.members, devnet.config.seedEpochs, devnet.log);
      await seedRewardActions(rpcUrl, deployment).catch((error: Error) =>
        devnet.log(`  (claim/restake skipped: ${error.message.split("\n")[0]})`),
      );
      await seedUnbonding(rpcUrl, deployment, devnet.log);
    },
  },
  {
    name: "governance proposal",
    async start(devnet) {
      devnet.proposal = await seedProposal(
        devnet.need("chain").url,
        devnet.need("deployed").deployment,
        devnet.need("endpoints"),
        devnet.log,
      );
    },
  },
  {
    name: "indexer ready",
    async start(devnet) {
      const indexer = devnet.need("indexer");
      await waitIndexerReady(indexer);
      devnet.services.push([
        "indexer/API",
        indexer.url,
        "REST /v1/providers /v1/epochs ..., GraphQL /graphql",
      ]);
    },
  },
  {
    name: "web app (vite preview of the production build)",
    async start(devnet) {
      await devnet.webBuild;
      devnet.web = startWeb(devnet.processes, {
        port: devnet.config.ports.web,
        rpcUrl: devnet.need("chain").url,
        apiUrl: devnet.need("indexer").url,
        oracleUrls: devnet.members.map((m) => m.url),
        deploymentFile: devnet.need("deployed").deploymentFile,
        logDir: devnet.logDir,
        accounts: labelledAccounts(),
      });
      await waitWebHealthy(devnet.web);
      devnet.services.push([
        "web app",
        devnet.web.url,
        'open this; connect a "Devnet" account (no wallet needed)',
      ]);
    },
  },
];

/** Every funded account in index order, providers named: the table's rows and the web's wallets. */
export function labelledAccounts(): DevAccount[] {
  return [
    accounts.admin,
    ...accounts.providers.map((p, i) => ({ ...p, label: `${p.label}: ${PROVIDERS[i]?.name ?? ""}` })),
    ...accounts.members.slice(0, MEMBERS_INLINE),
    ...accounts.delegators,
    accounts.guardian,
    { ...accounts.applicant, label: `${accounts.applicant.label}: ${APPLICANT.name}` },
    ...accounts.members.slice(MEMBERS_INLINE),
  ];
}
