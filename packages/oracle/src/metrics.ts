// Prometheus metrics of one member (prom-client, on its own registry).
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    probes: new Counter({
      name: "oracle_probes_total",
      help: "Endpoint probes by chain and result (ok or the failure's kind)",
      labelNames: ["chain", "result"] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: "oracle_probe_latency_seconds",
      help: "Round trip of successful head requests",
      labelNames: ["chain"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    score: new Gauge({
      name: "oracle_provider_score_bps",
      help: "Each provider's score so far in the current epoch",
      labelNames: ["provider"] as const,
      registers: [registry],
    }),
    rounds: new Counter({ name: "oracle_rounds_total", help: "Probe rounds run", registers: [registry] }),
    invalidMetadata: new Gauge({
      name: "oracle_invalid_metadata_providers",
      help: "Providers whose metadata could not be read or validated",
      registers: [registry],
    }),
    reports: new Counter({
      name: "oracle_reports_total",
      help: "Reports sent, by outcome",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    epoch: new Gauge({ name: "oracle_epoch", help: "Epoch being measured", registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
