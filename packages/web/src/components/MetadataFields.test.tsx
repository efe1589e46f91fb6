// The metadata form keeps the whole document: every chain and endpoint and the description survive
// an edit, rows can be added and removed, and invalid documents come back as the SDK's reason.
import { decodeMetadataURI, type ProviderMetadata } from "@ankr-staking/sdk";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, test } from "vitest";

import { formFromMetadata, MetadataFields, type MetadataForm, metadataFrom } from "./MetadataFields.tsx";

const current: ProviderMetadata = {
  name: "Acme RPC",
  website: "https://acme.example",
  description: "Bare metal in three regions.",
  chains: [
    { id: "ethereum", endpoints: ["https://eth-1.acme.example", "https://eth-2.acme.example"] },
    { id: "solana", endpoints: ["https://sol.acme.example"] },
  ],
};

function Harness({ initial, seen }: { initial: MetadataForm; seen: (form: MetadataForm) => void }) {
  const [state, setState] = useState(initial);
  seen(state);
  return <MetadataFields form={state} set={setState} />;
}

/** The real fields over real state; `saved()` is what a submit would encode. */
function renderForm(metadata: ProviderMetadata | undefined) {
  let form: MetadataForm = formFromMetadata(metadata);
  render(
    <Harness
      initial={form}
      seen={(f) => {
        form = f;
      }}
    />,
  );
  return {
    saved: () => {
      const result = metadataFrom(form);
      return "uri" in result ? decodeMetadataURI(result.uri) : result.error;
    },
  };
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("metadata fields", () => {
  afterEach(cleanup);

  test("saving unchanged keeps every chain, endpoint and the description", () => {
    const { saved } = renderForm(current);
    expect(screen.getAllByTestId("chain-row")).toHaveLength(2);
    expect((screen.getByLabelText("Description") as HTMLTextAreaElement).value).toBe(current.description);
    expect(saved()).toEqual(current);
  });

  test("edit one field, add a chain, remove another: the rest is untouched", () => {
    const { saved } = renderForm(current);
    type("Description", "Four regions now.");
    fireEvent.click(screen.getByRole("button", { name: "Add a chain" }));
    type("Chain 3 (registry id)", "polygon");
    type("Chain 3 endpoints (one per line)", "https://pol-1.acme.example\n https://pol-2.acme.example \n");
    fireEvent.click(screen.getByRole("button", { name: "Remove chain 2" }));
    expect(saved()).toEqual({
      ...current,
      description: "Four regions now.",
      chains: [
        current.chains?.[0],
        { id: "polygon", endpoints: ["https://pol-1.acme.example", "https://pol-2.acme.example"] },
      ],
    });
  });

  test("a new provider starts with one ethereum row; blank rows are dropped; bad input is named", () => {
    const { saved } = renderForm(undefined);
    expect((screen.getByLabelText("Chain 1 (registry id)") as HTMLInputElement).value).toBe("ethereum");
    type("Name", "Carol Nodes");
    type("Chain 1 endpoints (one per line)", "https://eth.carol.example");
    fireEvent.click(screen.getByRole("button", { name: "Add a chain" }));
    expect(saved()).toEqual({
      name: "Carol Nodes",
      chains: [{ id: "ethereum", endpoints: ["https://eth.carol.example"] }],
    });
    type("Chain 2 (registry id)", "ethereum");
    type("Chain 2 endpoints (one per line)", "https://again.example");
    expect(saved()).toBe("provider metadata is not valid: chain ethereum is listed twice.");
    type("Chain 2 endpoints (one per line)", "ftp://nope");
    type("Chain 2 (registry id)", "solana");
    expect(saved()).toBe(
      "provider metadata is not valid: endpoints of solana: ftp://nope is not an http(s) URL.",
    );
  });
});
