// Argument parsing and checks several commands share: nothing is sent when input is bad.
import {
  CHAINS,
  decodeMetadataURI,
  encodeMetadataURI,
  formatBps,
  isKnownChain,
  type Provider,
  ProviderStatus,
  parseAmount,
  parseBps,
  type StakingClient,
} from "@ankr-staking/sdk";
import type { Address } from "viem";

import { parseAddress } from "../context.js";
import { UsageError } from "../errors.js";

export { parseAddress };

/** A human amount ("1,000.5") in wei; must be positive. */
export function parseAmountArg(input: string): bigint {
  const wei = parseAmount(input, { symbol: "ANKR" });
  if (wei === 0n) throw new UsageError("the amount must be greater than zero");
  return wei;
}

/** A provider address argument. */
export const parseProvider = (input: string): Address => parseAddress(input, "provider address");

/** A registered provider (exit 2 when unknown). */
export async function requireProvider(client: StakingClient, address: Address): Promise<Provider> {
  const provider = await client.getProvider({ provider: address });
  if (provider.status === ProviderStatus.None) throw new UsageError(`unknown provider ${provider.address}`);
  return provider;
}

/** The provider's display name from its metadata, when the URI carries it. */
export function providerName(provider: Provider): string {
  return decodeMetadataURI(provider.metadataURI)?.name ?? "";
}

export function describeCommission(provider: Provider): string {
  const pending =
    provider.commissionEffectiveAt > 0n
      ? ` (${formatBps(provider.pendingCommissionBps)} from ${isoTime(provider.commissionEffectiveAt)})`
      : "";
  return `${formatBps(provider.commissionBps)}${pending}`;
}

export function isoTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

export type MetadataOptions = { metadataUri?: string; name?: string; website?: string; endpoint?: string[] };

/** The metadata URI from --metadata-uri, or a data: URI built from --name/--website/--endpoint. */
export function metadataURIFrom(options: MetadataOptions): string {
  if (options.metadataUri) {
    if (!/^(https:\/\/|ipfs:\/\/|data:)/.test(options.metadataUri)) {
      throw new UsageError("--metadata-uri must be an https://, ipfs:// or data: URI");
    }
    return options.metadataUri;
  }
  if (!options.name)
    throw new UsageError("give --name (and optionally --website, --endpoint) or --metadata-uri");
  const chains = new Map<string, string[]>();
  for (const spec of options.endpoint ?? []) {
    const [chain, url] = spec.split(/=(.*)/s);
    if (!chain || !url) throw new UsageError(`--endpoint "${spec}" must be chain=url`);
    if (!isKnownChain(chain)) {
      throw new UsageError(
        `--endpoint: "${chain}" is not a chain id (one of ${CHAINS.map((c) => c.id).join(", ")})`,
      );
    }
    chains.set(chain, [...(chains.get(chain) ?? []), url]);
  }
  return encodeMetadataURI({
    name: options.name,
    website: options.website,
    chains: chains.size ? [...chains].map(([id, endpoints]) => ({ id, endpoints })) : undefined,
  });
}

export function parseCommission(input: string): number {
  return parseBps(input);
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export type { Address };
