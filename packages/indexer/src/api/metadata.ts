// The API's one metadata resolver (src/metadata/resolver.ts), configured from METADATA_* and
// IPFS_GATEWAY, fetching only once the backfill is done (Ponder's own readiness flag).
import type { provider } from "ponder:schema";
import type { z } from "zod";

import { MetadataResolver, type MetadataState, resolverOptions } from "../metadata/resolver.ts";
import { time } from "./format.ts";
import { backfillDone } from "./indexed.ts";
import type { MetadataStatus } from "./schemas.ts";

export const metadataResolver = new MetadataResolver(resolverOptions(), backfillDone);

type ProviderRow = typeof provider.$inferSelect;

/** The metadata states of `rows`' URIs, by URI. */
export const metadataOf = (rows: readonly Pick<ProviderRow, "metadataUri">[]) =>
  metadataResolver.lookup(rows.map((r) => r.metadataUri));

/** What a provider's body says about its metadata: the fields once resolved, and the state. */
export function metadataFields(state: MetadataState | undefined) {
  const resolved = state?.status === "resolved" ? state.metadata : undefined;
  const status: z.input<typeof MetadataStatus> = {
    status: state?.status ?? "pending",
    error: state && state.status !== "pending" ? state.error : null,
    checkedAt: state && state.status !== "pending" && state.at > 0 ? time(Math.floor(state.at / 1000)) : null,
  };
  return {
    name: resolved?.name ?? null,
    website: resolved?.website ?? null,
    chains: resolved?.chains ?? [],
    metadata: status,
  };
}
