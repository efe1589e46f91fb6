// `npm run --silent bench:web`: the production build on the SDK's test devnet (anvil + the deploy
// script + two seeded providers), served by `vite preview`, loaded RUNS times in headless Chromium,
// each in a fresh browser context (cold cache). Prints one JSON object on stdout:
// - initialJsGzipKB: the JS the first page (#/providers) actually requested until the table showed
//   data, each file gzipped at level 9 from dist/ (scripts/size.mjs counts the same from the manifest);
// - firstRenderMs: median time from navigation start until the providers table shows a provider row.
// Progress goes to stderr.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { startDevnet } from "../../sdk/test/devnet.ts";
import { buildApp, launchChromium, type Preview, startPreview, webDir } from "../e2e/harness.ts";

const RUNS = Number(process.env.RUNS ?? 9);
const log = (message: string) => process.stderr.write(`[bench:web] ${message}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

log("building the app");
await buildApp();
log("starting the devnet");
const devnet = await startDevnet(31_337);
let preview: Preview | undefined;
const browser = await launchChromium();
try {
  preview = await startPreview(devnet);
  const base = preview.base;
  const times: number[] = [];
  let scripts = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const loaded = new Set<string>();
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      if (response.url().startsWith(base) && path.endsWith(".js")) loaded.add(path.slice(1));
    });
    await page.goto(`${base}/#/providers`);
    await page.waitForSelector('[data-testid="providers"] tbody tr a', { timeout: 30_000 });
    // performance.now() counts from the navigation's start (the document's time origin).
    times.push(await page.evaluate(() => performance.now()));
    scripts = loaded;
    await context.close();
    log(`load ${i + 1}/${RUNS}: ${times.at(-1)?.toFixed(0)} ms`);
  }
  const gzipBytes = [...scripts].reduce(
    (sum, file) => sum + gzipSync(readFileSync(`${webDir}dist/${file}`), { level: 9 }).length,
    0,
  );
  console.log(
    JSON.stringify({
      initialJsGzipKB: +(gzipBytes / 1024).toFixed(1),
      firstRenderMs: Math.round(median(times)),
      runs: RUNS,
      firstRenderMsAll: times.map(Math.round),
      initialJsFiles: [...scripts].sort(),
    }),
  );
} finally {
  await browser.close();
  preview?.stop();
  await devnet.stop();
}
