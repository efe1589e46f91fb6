// The member's HTTP status API: GET /chains, /scores (?provider=0x… for one), /health, /metrics.
// Every answer is public and read-only, so any origin may read it (the web app's provider console
// fetches /scores from the browser).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Metrics } from "../metrics.ts";
import { endpointKey } from "../scoring/endpoint.ts";
import type { OracleService } from "../service.ts";

export const DEFAULT_PORT = 42_070;

function scoresDocument(service: OracleService, provider: string | null) {
  const epoch = service.clock?.current ?? 0;
  const wanted = provider?.toLowerCase();
  const { store } = service.options;
  return {
    epoch,
    member: service.member,
    providers: [...service.providers.values()]
      .filter((p) => wanted === undefined || p.address.toLowerCase() === wanted)
      .map((p) => {
        const { score, chains } = service.scoreOf(epoch, p);
        const tally = store.providerTally(epoch, p.address);
        const samples = store.samples(epoch, p.address);
        const measured = store.endpointTallies(epoch, p.address);
        // Every chain the score reads (declared now or in an earlier round), each with the endpoints
        // declared now and those measured earlier this epoch under a name no longer declared.
        const endpointsOf = (chain: string) => {
          const declared = (p.declared.get(chain) ?? []).map((url) => ({
            url,
            key: endpointKey(url),
            declared: true,
          }));
          const keys = new Set(declared.map((e) => e.key));
          const earlier = measured
            .filter((m) => m.chain === chain && !keys.has(m.endpoint))
            .map((m) => ({ url: m.endpoint, key: m.endpoint, declared: false }));
          return [...declared, ...earlier].map(({ url, key, declared: now }) => ({
            url,
            declared: now,
            tally: store.tally(epoch, p.address, chain, key),
            samples: samples.filter((s) => s.chain === chain && s.endpoint === key),
          }));
        };
        return {
          address: p.address,
          name: p.metadata?.name ?? null,
          metadataURI: p.metadataURI,
          metadataError: p.metadataError ?? null,
          unknownChains: p.unknownChains,
          score,
          rounds: tally.rounds,
          chains: Object.fromEntries(
            Object.entries(chains).map(([chain, chainScore]) => [
              chain,
              {
                score: chainScore,
                declaredRounds: tally.chains.get(chain)?.declaredRounds ?? 0,
                points: tally.chains.get(chain)?.points ?? 0,
                endpoints: endpointsOf(chain),
              },
            ]),
          ),
        };
      }),
  };
}

/** Starts the API on `host:port` (port 0: any free port); resolves once listening. */
export async function startHttp(
  service: OracleService,
  metrics: Metrics,
  host: string,
  port: number,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const cors = req.method === "GET" ? { "access-control-allow-origin": "*" } : {};
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", ...cors });
      res.end(JSON.stringify(body, null, 2));
    };
    if (req.method !== "GET") return json(405, { error: "method not allowed" });
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    switch (path) {
      case "/chains":
        return json(200, { chains: [...service.registry.values()] });
      case "/scores":
        return json(200, scoresDocument(service, url.searchParams.get("provider")));
      case "/health": {
        const healthy = service.lastError === undefined && service.lastRoundAt !== undefined;
        return json(healthy ? 200 : 503, {
          ok: healthy,
          lastRoundAt: service.lastRoundAt ?? null,
          lastError: service.lastError ?? null,
          epoch: service.clock?.current ?? null,
          nextToSettle: service.clock?.nextToSettle ?? null,
        });
      }
      case "/metrics":
        metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { "content-type": metrics.registry.contentType, ...cors });
            res.end(text);
          },
          (error: Error) => json(500, { error: error.message }),
        );
        return;
      default:
        return json(404, { error: "not found" });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
