// The app in Debian's Chromium against a real chain: anvil on a free loopback port, the contracts
// deployed by script/Deploy.s.sol and seeded by the SDK's test devnet (providers "Acme RPC" and
// "Beta Nodes", funded actors), the production build served by `vite preview` on a free port.
// One story, in order: bad amounts rejected before sending, stake, position, settle, claim,
// restake, unstake, unbond, withdraw, register a provider, then governance: provider A proposes
// (through the SDK) to admit the new provider; in the browser A votes its pool, Alice overrides
// her share, the tallies move, and the proposal is queued and executed. Screenshots go to
// screenshots/; each is taken with an axe-core scan of the page (no serious or critical violations).
// One oracle member runs in-process (packages/oracle's startMember, no loop): provider A's metadata
// names the test anvil (chain "devnet", loopback allowed) and an erroring fake Solana endpoint; one
// tick measures both, and the console shows that member's scores per chain.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildProposal, encodeMetadataURI, formatAmount, parseAmount } from "@ankr-staking/sdk";
import type { Browser, Page } from "playwright-core";
import { zeroAddress } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type Indexer, startIndexer } from "../../indexer/test/ponder.ts";
import { type Member, startMember } from "../../oracle/src/member.ts";
import { type FakeEndpoint, startFake } from "../../oracle/src/testing/fakes.ts";
import { address, clientFor, type Devnet, seed, startDevnet } from "../../sdk/test/devnet.ts";
import { securityHeaders as SECURITY_HEADERS } from "../src/config/securityHeaders.ts";
import { buildApp, CHROMIUM, launchChromium, type Preview, startPreview, webDir } from "./harness.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
const shots = `${webDir}screenshots`;
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt`);
  console.warn(`skipping the web e2e suite: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

let devnet: Devnet;
let preview: Preview | undefined;
let indexer: Indexer | undefined;
let browser: Browser | undefined;
let page: Page;
let base: string;
let member: Member | undefined;
let solanaDown: FakeEndpoint | undefined;
const oracleDir = mkdtempSync(join(tmpdir(), "web-e2e-oracle-"));
/** The test anvil as a chain the oracle knows (evm, its chain id 31337 as identity). */
const DEVNET_CHAIN = { id: "devnet", name: "Devnet", family: "evm", identity: "0x7a69", maxLag: 3 } as const;
const SOLANA = "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d";

const rpc = (method: string, params: unknown[] = []) =>
  clientFor(devnet.rpcUrl, devnet.deployment).publicClient.request({ method, params } as never);
const reader = () => clientFor(devnet.rpcUrl, devnet.deployment);
const A = () => address("providerA");

async function advance(seconds: bigint | number) {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}

const chainNow = async () => (await reader().publicClient.getBlock()).timestamp;

/** Ends the current epoch and settles it with full scores (the devnet's settler holds SETTLER_ROLE). */
async function settle() {
  const { nextSettleableAt } = await reader().getEpoch();
  const now = await chainNow();
  if (nextSettleableAt > now) await advance(nextSettleableAt - now + 1n);
  await clientFor(devnet.rpcUrl, devnet.deployment, "settler").settleEpoch({ defaultScoreBps: 10_000 });
}

/** An amount shown as "1,234.56 ANKR", in wei. */
const shown = (text: string | null) => parseAmount((text ?? "0").replace(" ANKR", ""));
/** How the app shows an amount of 1 ANKR or more: two decimals, rounded down. */
const display = (wei: bigint) => formatAmount(wei, { maxFractionDigits: 2, symbol: "ANKR" });

/** axe-core's scan of the page as it stands: every serious or critical violation, one line each. */
async function a11y(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A screenshot of the page, and its accessibility scan (no serious or critical violations). */
async function shot(name: string) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  expect.soft(await a11y(), `axe-core on ${name}`).toEqual([]);
}

async function connect(label: string) {
  const disconnect = page.getByRole("button", { name: "Disconnect" });
  if (await disconnect.isVisible()) await disconnect.click();
  await page.getByLabel("Connect a wallet").selectOption({ label: `Devnet: ${label}` });
  await page.getByTestId("account").waitFor();
}

/**
 * Points the genesis providers' metadata at loopback only (A: the anvil and an erroring Solana fake;
 * B: the anvil), starts one oracle member on it and lets it measure one round. Its key is fresh and
 * no committee member's, and no epoch is due, so it sends nothing.
 */
async function startOracle(): Promise<Member> {
  solanaDown = await startFake({ family: "solana", identity: SOLANA, head: 5000, mode: "erroring" });
  const metadata = (name: string, chains: { id: string; endpoints: string[] }[]) =>
    encodeMetadataURI({ name, chains });
  await clientFor(devnet.rpcUrl, devnet.deployment, "providerA").setMetadataURI({
    metadataURI: metadata(seed.names.providerA, [
      { id: "devnet", endpoints: [devnet.rpcUrl] },
      { id: "solana", endpoints: [solanaDown.url] },
    ]),
  });
  await clientFor(devnet.rpcUrl, devnet.deployment, "providerB").setMetadataURI({
    metadataURI: metadata(seed.names.providerB, [{ id: "devnet", endpoints: [devnet.rpcUrl] }]),
  });
  const started = await startMember(
    {
      rpcUrl: devnet.rpcUrl,
      staking: devnet.deployment.staking,
      // The SDK's test deployment has no committee (the settler settles): this member only measures,
      // and with no epoch due its one tick reads nothing from the committee.
      committee: devnet.deployment.oracleCommittee ?? zeroAddress,
      privateKey: generatePrivateKey(),
      db: join(oracleDir, "member.sqlite"),
      host: "127.0.0.1",
      port: 0,
      probeIntervalMs: 60_000,
      timeoutMs: 2000,
      maxBytes: 256 * 1024,
      perHost: 4,
      allow: ["127.0.0.0/8"],
      ipfsGateway: "https://ipfs.io/ipfs/",
      extraChains: [DEVNET_CHAIN],
    },
    { loop: false },
  );
  await started.service.tick();
  if (started.service.lastError) throw new Error(`oracle member: ${started.service.lastError}`);
  return started;
}

async function go(hash: string) {
  await page.goto(`${base}/${hash}`);
}

async function confirmed(label: string) {
  await expect
    .poll(() => page.getByTestId("tx-status").first().textContent(), { timeout: 30_000 })
    .toMatch(new RegExp(`^${label}: confirmed|${label} failed`));
  expect(await page.getByTestId("tx-status").first().textContent()).toMatch(
    new RegExp(`^${label}: confirmed`),
  );
}

describe.skipIf(!available)("web app end to end", () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    devnet = await startDevnet(31_337);
    member = await startOracle();
    // The real indexer (ponder start, PGlite) on the same chain, its API named in /config.json.
    const [started] = await Promise.all([
      startIndexer({ rpcUrl: devnet.rpcUrl, deploymentFile: devnet.deploymentFile, timeoutMs: 300_000 }),
      buildApp(),
    ]);
    indexer = started;
    preview = await startPreview(devnet, {
      WEB_API_URL: indexer.url,
      WEB_ORACLE_URLS: `http://127.0.0.1:${member.port}`,
    });
    base = preview.base;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => void dialog.accept());
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === "fail" && page) {
      const name = task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      await page.screenshot({ path: `${shots}/${name}-failed.png`, fullPage: true });
    }
  });

  afterAll(async () => {
    await browser?.close();
    preview?.stop();
    await indexer?.stop();
    await member?.stop();
    await solanaDown?.close();
    await devnet?.stop();
    rmSync(oracleDir, { recursive: true, force: true });
  });

  test("providers table lists the seeded providers, sorts and searches", async () => {
    await go("#/providers");
    const table = page.getByTestId("providers");
    await table.getByRole("link", { name: "Acme RPC" }).waitFor();
    expect(await table.locator("tbody tr").count()).toBe(2);
    await page.getByRole("button", { name: "Commission" }).click();
    expect(await table.locator("tbody tr").first().textContent()).toContain("Beta Nodes"); // 5% < 10%
    await page.getByLabel("Search").fill("acme");
    expect(await table.locator("tbody tr").count()).toBe(1);
    await page.getByLabel("Search").fill("");
    await shot("providers-desktop");
    // The scan does find what it should: a button without a name is a critical violation.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement("button"), { id: "unnamed" })),
    );
    expect((await a11y()).join("\n")).toMatch(/^critical button-name: .* at #unnamed$/m);
    await page.evaluate(() => document.getElementById("unnamed")?.remove());
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("providers-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    const acme = table.locator("tbody tr", { hasText: "Acme RPC" });
    expect(await acme.getByTestId("chains-served").textContent()).toBe("devnet, Solana");
  });

  test("keyboard: Tab reaches Skip to content first, Enter moves focus into main, the route stays", async () => {
    // A fresh load, so Tab starts from the top of the document (not where the last test left focus).
    await go("#/providers");
    await page.reload();
    await page.getByTestId("providers").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe("main");
    expect(new URL(page.url()).hash).toBe("#/providers");
    expect(await page.getByText(/^Nothing at/).count()).toBe(0);
    // The next Tab continues inside main, past the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
  });

  test("the served app refuses to be framed and sends its security headers on every response", async () => {
    const index = await (await fetch(`${base}/`)).text();
    const script = index.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    for (const path of ["/", "/index.html", script, "/config.json", "/no-such-file.png"]) {
      const response = await fetch(`${base}${path}`);
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name in SECURITY_HEADERS));
      expect(headers, path).toEqual(SECURITY_HEADERS);
    }
    // Another origin (a page on another loopback port) frames the app: Chromium shows nothing of it.
    const framer = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><title>framer</title><iframe src="${base}/#/dashboard"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    const { port } = framer.address() as AddressInfo;
    const other = await browser?.newPage();
    try {
      await other?.goto(`http://127.0.0.1:${port}/`);
      const frame = () => other?.frames().find((f) => f !== other.mainFrame());
      await expect.poll(() => frame()?.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      expect(await frame()?.locator("#root").count()).toBe(0);
    } finally {
      await other?.close();
      await new Promise((resolve) => framer.close(resolve));
    }
  });

  test("the console shows the oracle member's scores per chain for the epoch so far", async () => {
    await go("#/console");
    await connect("Provider A");
    const panel = page.getByTestId("oracle-member");
    await panel.getByTestId("oracle-chains").waitFor({ timeout: 30_000 });
    expect(await panel.getByRole("heading").textContent()).toContain(`http://127.0.0.1:${member?.port}`);
    const { current } = await reader().getEpoch();
    expect(await panel.getByText(/^Epoch \d+ so far/).textContent()).toContain(`Epoch ${current} so far`);
    const cells = async (chain: string) =>
      (await panel.locator(`tr[data-chain="${chain}"] > *`).allTextContents()).map((t) => t.trim());
    // The anvil answered the one round; the Solana fake answered 500.
    const devnetRow = await cells("devnet");
    expect(devnetRow.slice(0, 4)).toEqual([
      "devnet",
      expect.stringMatching(/^[1-9][\d.]*%$/),
      devnet.rpcUrl,
      "1 of 1",
    ]);
    expect(devnetRow[4]).toMatch(/^OK, \d+ ms$/);
    const solanaRow = await cells("solana");
    expect(solanaRow.slice(0, 4)).toEqual(["Solana", "0%", solanaDown?.url, "0 of 1"]);
    expect(solanaRow[4]).toMatch(/^Failed: /);
    // The epoch so far is the mean over the declared chains, as the member reports it.
    const document = (await (
      await fetch(`http://127.0.0.1:${member?.port}/scores?provider=${A()}`)
    ).json()) as {
      providers: { score: number }[];
    };
    const overall = document.providers[0]?.score ?? 0;
    expect(await panel.getByTestId("oracle-score").textContent()).toBe(
      `${(overall / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`,
    );
    expect(overall).toBeGreaterThan(0);
    await shot("console-scores-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("console-scores-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("bad amounts are rejected before anything is sent", async () => {
    await go(`#/providers/${A()}`);
    await connect("Alice");
    const input = page.getByLabel("Amount to stake");
    const stake = page.getByRole("button", { name: "Stake", exact: true });
    const error = page.locator("form .error");
    for (const [value, message] of [
      ["abc", /not a number/],
      ["0", /above zero/],
      ["10", /minimum stake at a provider is 1,000 ANKR/],
      ["20,000,000", /You hold 10,000,000 ANKR/],
    ] as const) {
      await input.fill(value);
      await stake.click();
      expect(await error.textContent()).toMatch(message);
    }
    expect(await page.getByTestId("tx-status").count()).toBe(0);
  });

  test("stake 5,000 ANKR with a permit and see the position", async () => {
    await go(`#/providers/${A()}`);
    await page.getByLabel("Amount to stake").fill("5,000");
    expect(await page.getByTestId("projection").textContent()).toContain("No settled epochs yet");
    await page.getByRole("button", { name: "Stake", exact: true }).click();
    await confirmed("Stake");
    expect(await page.getByTestId("tx-status").textContent()).toContain("permit");
    await shot("provider-desktop");
    await go("#/dashboard");
    await expect.poll(() => page.getByTestId("total-stake").textContent()).toBe("5,000 ANKR");
    expect(await page.getByTestId("positions").textContent()).toContain("Acme RPC");
    // The indexer's view catches up: the position at Acme in /v1/delegators/<alice>.
    const position = async () => {
      const response = await fetch(`${indexer?.url}/v1/delegators/${address("alice")}`);
      if (!response.ok) return undefined;
      const body = (await response.json()) as { positions: { provider: string; stake: string }[] };
      return body.positions.find((p) => p.provider === A())?.stake;
    };
    await expect.poll(position, { timeout: 30_000 }).toBe(parseAmount("5,000").toString());
  });

  test("after a settlement, rewards stream; claim, then restake", async () => {
    await settle();
    await advance(86_400);
    await go("#/dashboard");
    const claim = page.getByRole("button", { name: "Claim" });
    await expect.poll(() => claim.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId("total-rewards").textContent()).not.toBe("0 ANKR");
    await claim.click();
    await confirmed("Claim");
    await advance(86_400);
    await page.reload();
    const restake = page.getByRole("button", { name: "Restake" });
    await expect.poll(() => restake.isEnabled(), { timeout: 15_000 }).toBe(true);
    await restake.click();
    await confirmed("Restake");
    const total = async () => shown(await page.getByTestId("total-stake").textContent());
    await expect.poll(total, { timeout: 15_000 }).toBeGreaterThan(parseAmount("5,000"));

    // The API's view: the claim and the restake in the rewards chart, and the CSV export.
    const rewardRows = async () => {
      await page.reload();
      await page.getByTestId("history-csv").waitFor();
      return page.getByTestId("chart-rewards").locator("tbody tr").count();
    };
    await expect.poll(rewardRows, { timeout: 30_000 }).toBe(2);
    const caption = await page.getByTestId("chart-rewards").locator("figcaption").textContent();
    expect(caption).toMatch(/^Rewards claimed and restaked, total [\d,.]+ ANKR$/);
    const csvUrl = await page.getByTestId("history-csv").getAttribute("href");
    expect(csvUrl).toBe(`${indexer?.url}/v1/delegators/${address("alice")}/history.csv`);
    const csv = await (await fetch(csvUrl as string)).text();
    expect(csv.split("\r\n").filter((line) => /,(claim|restake),/.test(line))).toHaveLength(2);
    await shot("dashboard-desktop");
  });

  test("the provider page charts stake, score and APY per settled epoch from the API", async () => {
    await go(`#/providers/${A()}`);
    const stakeChart = page.getByTestId("chart-stake");
    await stakeChart.waitFor({ timeout: 30_000 });
    const rows = (id: string) => page.getByTestId(id).locator("tbody tr").allTextContents();
    // One settled epoch so far: Acme's pool (its self-stake and Alice's 5,000) scored 100%.
    expect(await rows("chart-stake")).toEqual([expect.stringMatching(/^Epoch \d+105,000 ANKR$/)]);
    expect(await rows("chart-score")).toEqual([expect.stringMatching(/^Epoch \d+100%$/)]);
    expect(await rows("chart-apy")).toEqual([expect.stringMatching(/^Epoch \d+[\d,.]+%$/)]);
    expect(await page.locator(".chart canvas").count()).toBe(3);
    await shot("provider-history-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("provider-history-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("unstake, wait out the unbonding period, withdraw", async () => {
    await go("#/dashboard");
    const amount = page.getByLabel("Amount", { exact: true });
    await amount.fill("999999");
    await page.getByRole("button", { name: /^Unstake/ }).click();
    expect(await page.locator("form .error").textContent()).toMatch(/only .* staked here/);
    await amount.fill("1,000");
    await page.getByRole("button", { name: /^Unstake/ }).click();
    await confirmed("Unstake");
    await expect
      .poll(() => page.getByTestId("unbonding").textContent())
      .toMatch(/1,000 ANKR: released in 1[34] days/);
    const { unbondingPeriod } = await reader().getParameters();
    await advance(unbondingPeriod + 1);
    await page.reload();
    await expect
      .poll(() => page.getByTestId("withdrawable").textContent(), { timeout: 15_000 })
      .toBe("1,000 ANKR");
    await page.getByRole("button", { name: /^Withdraw/ }).click();
    await confirmed("Withdraw");
    await expect.poll(() => page.getByTestId("withdrawable").textContent()).toBe("0 ANKR");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("dashboard-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("a provider fully unstaked from stays on the dashboard with Claim only, until it is claimed", async () => {
    const B = address("providerB");
    const bob = address("bob");
    await clientFor(devnet.rpcUrl, devnet.deployment, "bob").delegate({
      provider: B,
      amount: parseAmount("50,000"),
    });
    await settle();
    await advance(86_400);
    await go("#/dashboard");
    await connect("Bob");
    const row = page.getByTestId("positions").locator("tbody tr", { hasText: "Beta Nodes" });
    const cells = () => row.locator("td").allTextContents();
    await expect
      .poll(cells, { timeout: 15_000 })
      .toEqual(["Beta Nodes", "50,000 ANKR", expect.any(String), expect.any(String)]);
    await page.getByLabel("Amount", { exact: true }).fill("50,000");
    await page.getByRole("button", { name: /^Unstake/ }).click();
    await confirmed("Unstake");

    // Stake 0, and the rewards it earned while staked, still claimable there.
    await expect.poll(async () => (await cells())[1], { timeout: 15_000 }).toMatch(/^0 ANKR/);
    const pending = await reader().getPendingRewards({ provider: B, delegator: bob });
    expect(pending).toBeGreaterThan(0n);
    expect(shown((await cells())[2] ?? null)).toBeGreaterThan(0n);
    expect(await page.getByTestId("total-stake").textContent()).toBe("0 ANKR");
    expect(await page.getByTestId("total-rewards").textContent()).toBe((await cells())[2]);
    // Claim it is; nothing is left to restake from, unstake or move.
    expect(await row.getByRole("button", { name: "Claim" }).isEnabled()).toBe(true);
    expect(await row.getByRole("button", { name: "Restake" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Unstake/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Redelegate/ }).count()).toBe(0);
    expect((await cells())[1]).toBe("0 ANKR (unstaked)");
    expect.soft(await a11y(), "axe-core on the dashboard with an unstaked position").toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot("dashboard-unstaked-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("dashboard-unstaked-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    await row.getByRole("button", { name: "Claim" }).click();
    await confirmed("Claim");
    await expect.poll(() => page.getByTestId("positions").count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByText(/^No stake yet/).count()).toBe(1);
    expect((await reader().getPositions({ delegator: bob })).positions).toEqual([]);
  });

  test("register a provider from the console", async () => {
    await go("#/console");
    await connect("Carol");
    await page.getByLabel(/^Self-stake/).fill("50,000");
    await page.getByLabel("Name").fill("Carol Nodes");
    expect(await page.getByLabel("Chain 1 (registry id)").inputValue()).toBe("ethereum");
    await page.getByLabel("Chain 1 endpoints (one per line)").fill("https://eth.carol.example");
    await page.getByRole("button", { name: "Register" }).click();
    expect(await page.locator(".error").textContent()).toContain("at least 100,000 ANKR");
    await page.getByLabel(/^Self-stake/).fill("100,000");
    await page.getByRole("button", { name: "Register" }).click();
    await expect
      .poll(() => page.getByTestId("provider-status").textContent(), { timeout: 30_000 })
      .toBe("Pending");
    await page.getByLabel("New commission (%)").fill("15");
    expect(await page.getByTestId("commission-effect").textContent()).toMatch(/increase takes effect after/);
    // The edit form starts from the registered document.
    expect(await page.getByLabel("Chain 1 endpoints (one per line)").inputValue()).toBe(
      "https://eth.carol.example",
    );
    await shot("console-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("console-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  test("governance: a provider votes its pool, a delegator overrides, the tallies move", async () => {
    const carol = address("carol");
    const proposer = clientFor(devnet.rpcUrl, devnet.deployment, "providerA");
    const actions = await buildProposal(proposer, { kind: "admitProviders", providers: [carol] });
    const { proposalId } = await proposer.propose({
      actions,
      description: "# Admit Carol Nodes\n\nCarol runs eth endpoints.",
    });
    const { snapshot } = await reader().getProposal({ proposalId });
    await advance(snapshot - (await chainNow()) + 2n);
    const aliceStake = (await reader().getDelegation({ provider: A(), delegator: address("alice") })).stake;

    await go("#/governance");
    await connect("Provider A");
    const row = page.getByTestId("proposals").locator("tbody tr", { hasText: "Admit Carol Nodes" });
    await expect.poll(() => row.locator(".status").textContent(), { timeout: 15_000 }).toBe("Active");
    await row.getByRole("link", { name: "Admit Carol Nodes" }).click();
    await page.getByRole("heading", { name: "Admit Carol Nodes" }).waitFor();
    expect(await page.getByText("Staking: admitProvider(Carol Nodes)").count()).toBe(1);
    expect(await page.getByTestId("tally-for").textContent()).toBe("0 ANKR");
    const pool = parseAmount("100,000") + aliceStake;
    expect(await page.getByTestId("pool-weight").textContent()).toBe(display(pool));
    await page.getByRole("radio", { name: "For" }).check();
    await page.getByRole("button", { name: "Cast your pool's vote" }).click();
    await confirmed("Vote");
    await expect.poll(() => page.getByTestId("tally-for").textContent()).toBe(display(pool));
    await page.getByTestId("voted").waitFor();
    await shot("proposal-desktop");

    await connect("Alice");
    const atAcme = page.getByText(/^Acme RPC: /);
    await atAcme.waitFor();
    expect(await atAcme.textContent()).toBe(`Acme RPC: ${display(aliceStake)}`);
    expect(await page.getByTestId("override-moves").textContent()).toContain("out of that provider's vote");
    await page.getByRole("radio", { name: "Against" }).check();
    await page.getByRole("button", { name: "Override with my stake" }).click();
    await confirmed("Override");
    await expect.poll(() => page.getByTestId("tally-against").textContent()).toBe(display(aliceStake));
    expect(await page.getByTestId("tally-for").textContent()).toBe(display(pool - aliceStake));
    expect(await page.getByTestId("overridden").textContent()).toBe(
      `You voted against with ${display(aliceStake)}, overriding Acme RPC.`,
    );
    await page.getByTestId("override-none").waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("proposal-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    // A refusal in plain words: provider B's page offers its vote, but B votes elsewhere first.
    await connect("Provider B");
    const castB = page.getByRole("button", { name: "Cast your pool's vote" });
    await castB.waitFor();
    await clientFor(devnet.rpcUrl, devnet.deployment, "providerB").castVote({
      proposalId,
      support: "abstain",
    });
    await castB.click();
    await expect
      .poll(() => page.getByTestId("tx-status").first().textContent(), { timeout: 30_000 })
      .toMatch(/^Vote failed: 0x[0-9a-fA-F]{40} has already voted on this proposal\.$/);
    await expect
      .poll(() => page.getByTestId("tally-abstain").textContent())
      .toBe(display(parseAmount("100,000")));

    const { deadline } = await reader().getProposal({ proposalId });
    await advance(deadline - (await chainNow()) + 1n);
    await page.reload();
    await page.getByRole("button", { name: "Queue in the timelock" }).click();
    await confirmed("Queue");
    const { eta } = await reader().getProposal({ proposalId });
    await advance(eta - (await chainNow()) + 1n);
    await page.reload();
    const executeButton = page.getByRole("button", { name: "Execute", exact: true });
    await expect.poll(() => executeButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await executeButton.click();
    await confirmed("Execute");
    await expect.poll(() => page.locator(".status").first().textContent()).toBe("Executed");
    expect((await reader().getProvider({ provider: carol })).statusName).toBe("Active");
  });
  test("a provider proposes an admission from the governance page", async () => {
    await clientFor(devnet.rpcUrl, devnet.deployment, "bob").registerProvider({
      selfStake: parseAmount("100,000"),
      commissionBps: 800,
      metadataURI: encodeMetadataURI({
        name: "Bob Relay",
        chains: [{ id: "ethereum", endpoints: ["https://bob.example"] }],
      }),
    });
    expect((await reader().getProvider({ provider: address("bob") })).statusName).toBe("Pending");
    // A reload reads the providers anew (the list read a moment ago is still fresh in the cache);
    // the remembered devnet account reconnects before another is chosen.
    await go("#/governance");
    await page.reload();
    await page.getByTestId("account").waitFor();
    await connect("Alice");
    await page.getByText(/^Proposing needs 50,000 ANKR of votes/).waitFor();
    await connect("Provider A");
    await page.getByLabel("Provider to admit").selectOption({ label: "Bob Relay (100,000 ANKR self-stake)" });
    await page.getByLabel("Why (shown to voters)").fill("Bob serves eth from three regions.");
    await page.getByRole("button", { name: "Propose admission" }).click();
    await confirmed("Propose");
    await expect.poll(() => page.getByLabel("Provider to admit").inputValue()).toBe("");
    const row = page.getByTestId("proposals").locator("tbody tr", { hasText: "Admit Bob Relay" });
    await expect.poll(() => row.locator(".status").textContent(), { timeout: 15_000 }).toBe("Pending");
    expect(await row.textContent()).toContain("Voting opens");
    await shot("governance-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("governance-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    const proposals = await reader().getProposals();
    expect(proposals[0]?.description).toBe("# Admit Bob Relay\n\nBob serves eth from three regions.");
    await page.getByRole("link", { name: "Open the new proposal" }).click();
    await page.getByRole("heading", { name: "Admit Bob Relay" }).waitFor();
    expect(await page.getByText("Staking: admitProvider(Bob Relay)").count()).toBe(1);
  });
});
