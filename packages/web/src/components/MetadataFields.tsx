// A provider's metadata as form fields: name, website, description and any number of chains, each
// with its endpoints (one per line). Editing starts from the whole current document, so saving
// keeps every chain and endpoint it had; the SDK validates and encodes the result.
import { encodeMetadataURI, InvalidMetadataError, type ProviderMetadata } from "@ankr-staking/sdk";

export type ChainRow = { id: string; endpoints: string };
export type MetadataForm = { name: string; website: string; description: string; chains: ChainRow[] };

/** The form for `metadata` (every chain and endpoint), or a blank one with one chain row. */
export function formFromMetadata(metadata: ProviderMetadata | undefined): MetadataForm {
  const chains = (metadata?.chains ?? []).map((c) => ({ id: c.id, endpoints: c.endpoints.join("\n") }));
  return {
    name: metadata?.name ?? "",
    website: metadata?.website ?? "",
    description: metadata?.description ?? "",
    chains: chains.length ? chains : [{ id: metadata ? "" : "ethereum", endpoints: "" }],
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The form as a data: URI, or the SDK's reason it is not valid metadata. Blank chain rows are dropped. */
export function metadataFrom(form: MetadataForm): { uri: string } | { error: string } {
  const chains = form.chains
    .map((c) => ({ id: c.id.trim(), endpoints: lines(c.endpoints) }))
    .filter((c) => c.id || c.endpoints.length);
  const metadata: ProviderMetadata = {
    name: form.name.trim(),
    ...(form.website.trim() ? { website: form.website.trim() } : {}),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(chains.length ? { chains } : {}),
  };
  try {
    return { uri: encodeMetadataURI(metadata) };
  } catch (error) {
    if (error instanceof InvalidMetadataError) return { error: `${error.shortMessage}.` };
    throw error;
  }
}

export function MetadataFields({ form, set }: { form: MetadataForm; set: (f: MetadataForm) => void }) {
  const setChain = (i: number, row: ChainRow) =>
    set({ ...form, chains: form.chains.map((c, j) => (j === i ? row : c)) });
  return (
    <>
      <label>
        Name
        <input name="meta-name" value={form.name} onChange={(e) => set({ ...form, name: e.target.value })} />
      </label>
      <label>
        Website
        <input
          name="meta-website"
          value={form.website}
          placeholder="https://"
          onChange={(e) => set({ ...form, website: e.target.value })}
        />
      </label>
      <label>
        Description
        <textarea
          name="meta-description"
          rows={3}
          value={form.description}
          onChange={(e) => set({ ...form, description: e.target.value })}
        />
      </label>
      <fieldset className="chain-rows">
        <legend>Chains served</legend>
        {form.chains.map((c, i) => {
          const n = i + 1;
          return (
            // Rows have no identity but their position; a removed row shifts the rest, which is fine.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div className="chain-row" key={i} data-testid="chain-row">
              <label>
                Chain {n} (registry id)
                <input
                  name={`meta-chain-${n}`}
                  value={c.id}
                  placeholder="ethereum"
                  onChange={(e) => setChain(i, { ...c, id: e.target.value })}
                />
              </label>
              <label>
                Chain {n} endpoints (one per line)
                <textarea
                  name={`meta-endpoints-${n}`}
                  rows={2}
                  value={c.endpoints}
                  placeholder="https://"
                  onChange={(e) => setChain(i, { ...c, endpoints: e.target.value })}
                />
              </label>
              <button
                type="button"
                onClick={() => set({ ...form, chains: form.chains.filter((_, j) => j !== i) })}
              >
                Remove chain {n}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => set({ ...form, chains: [...form.chains, { id: "", endpoints: "" }] })}
        >
          Add a chain
        </button>
      </fieldset>
    </>
  );
}
