// The provider metadata document its on-chain metadataURI points at.
import { z } from "zod";

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const ProviderMetadataSchema = z.object({
  name: z.string().min(1).max(100),
  website: z.url({ protocol: /^https$/ }).max(2048),
  chains: z
    .array(
      z.object({
        /** A chain id of the registry (GET /chains). */
        id: z.string().min(1).max(64),
        endpoints: z.array(httpUrl).min(1).max(8),
      }),
    )
    .min(1)
    .max(64)
    .refine((chains) => new Set(chains.map((c) => c.id)).size === chains.length, "duplicate chain id"),
});

export type ProviderMetadata = z.infer<typeof ProviderMetadataSchema>;
