// A viem chain for a deployment's chain id: known chains by id, anything else defined on the fly.
import { type Chain, defineChain } from "viem";
import { anvil, holesky, mainnet, sepolia } from "viem/chains";

const known: readonly Chain[] = [mainnet, sepolia, holesky, anvil];

export function chainFor(chainId: number, rpcUrl?: string): Chain {
  const chain = known.find((c) => c.id === chainId);
  const urls = rpcUrl ? [rpcUrl] : (chain?.rpcUrls.default.http ?? []);
  return defineChain({
    ...(chain ?? {
      id: chainId,
      name: `Chain ${chainId}`,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    }),
    rpcUrls: { default: { http: urls } },
  });
}
