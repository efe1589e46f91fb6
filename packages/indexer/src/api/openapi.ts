// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas that validate
// every response.
import { z } from "zod";

import { sorts } from "./providers.ts";
import * as s from "./schemas.ts";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "output" }) },
});
const errors = {
  "400": { description: "Bad input", content: json(s.ErrorBody) },
  "404": { description: "Not found", content: json(s.ErrorBody) },
};
const param = (
  name: string,
  where: "path" | "query",
  description: string,
  schema: object = { type: "string" },
) => ({
  name,
  in: where,
  required: where === "path",
  description,
  schema,
});
const address = param("address", "path", "account address (any case)");
const limit = (max: number) =>
  param("limit", "query", `page size, 1..${max}`, { type: "integer", minimum: 1, maximum: max });
const cursor = param("cursor", "query", "nextCursor of the previous page");
const proposalId = param("id", "path", "proposal id (uint256), decimal or 0x-hex");

export function openApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "Delegated ANKR staking indexer API",
      version: "1.0.0",
      description:
        "Amounts are wei as decimal strings, addresses EIP-55 checksummed, times { unix, iso }. GraphQL is served at /graphql.",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/v1/providers": {
        get: {
          summary: "Providers, sorted and filtered, cursor-paginated",
          parameters: [
            param("sort", "query", "sort key", { type: "string", enum: [...sorts] }),
            param("order", "query", "asc or desc", { type: "string", enum: ["asc", "desc"] }),
            param("status", "query", "provider status", {
              type: "string",
              enum: ["Pending", "Active", "Jailed", "Exited"],
            }),
            param("chain", "query", "only providers serving this chain (metadata chain id)"),
            limit(100),
            cursor,
          ],
          responses: {
            "200": { description: "A page of providers", content: json(s.ProviderList) },
            ...errors,
          },
        },
      },
      "/v1/providers/{address}": {
        get: {
          summary: "One provider with its per-epoch history",
          parameters: [address, param("epochs", "query", "history length, 1..520", { type: "integer" })],
          responses: { "200": { description: "The provider", content: json(s.ProviderDetail) }, ...errors },
        },
      },
      "/v1/delegators/{address}": {
        get: {
          summary: "Positions, pending rewards and unbonding queue",
          parameters: [address],
          responses: { "200": { description: "The delegator", content: json(s.Delegator) }, ...errors },
        },
      },
      "/v1/delegators/{address}/history": {
        get: {
          summary: "Every action and reward payment, newest first",
          parameters: [address, limit(500), cursor],
          responses: { "200": { description: "A page of history", content: json(s.History) }, ...errors },
        },
      },
      "/v1/delegators/{address}/history.csv": {
        get: {
          summary: "The history as CSV (RFC 4180, oldest first), in pages of at most 10,000 rows",
          parameters: [address, limit(10_000), cursor],
          responses: {
            "200": {
              description:
                "CSV; when more rows follow, a Link header (rel=next) and X-Next-Cursor name the next page",
              headers: {
                Link: { schema: { type: "string" }, description: '<...?cursor=...>; rel="next"' },
                "X-Next-Cursor": { schema: { type: "string" }, description: "the next page's cursor" },
              },
              content: { "text/csv": { schema: { type: "string" } } },
            },
            ...errors,
          },
        },
      },
      "/v1/epochs": {
        get: {
          summary: "Settled epochs, newest first",
          parameters: [limit(100), cursor],
          responses: { "200": { description: "A page of epochs", content: json(s.EpochList) }, ...errors },
        },
      },
      "/v1/proposals": {
        get: {
          summary: "Governor proposals, newest first, with tallies and their state now",
          parameters: [
            param("state", "query", "derived state at the newest indexed block", {
              type: "string",
              enum: [...s.ProposalState.options],
            }),
            param("proposer", "query", "only proposals by this address"),
            limit(100),
            cursor,
          ],
          responses: {
            "200": { description: "A page of proposals", content: json(s.ProposalList) },
            ...errors,
          },
        },
      },
      "/v1/proposals/{id}": {
        get: {
          summary: "One proposal: description, actions, tallies, quorum, state, lifecycle times",
          parameters: [proposalId],
          responses: { "200": { description: "The proposal", content: json(s.ProposalDetail) }, ...errors },
        },
      },
      "/v1/proposals/{id}/votes": {
        get: {
          summary: "Votes on a proposal, newest first: providers' votes and delegators' overrides",
          parameters: [
            proposalId,
            param("kind", "query", "provider or override", {
              type: "string",
              enum: ["provider", "override"],
            }),
            param("support", "query", "for, against or abstain", {
              type: "string",
              enum: [...s.Support.options],
            }),
            limit(500),
            cursor,
          ],
          responses: { "200": { description: "A page of votes", content: json(s.VoteList) }, ...errors },
        },
      },
      "/v1/accounts/{address}/votes": {
        get: {
          summary: "Every vote an account cast (as a provider or as an overriding delegator), newest first",
          parameters: [address, limit(500), cursor],
          responses: { "200": { description: "A page of votes", content: json(s.VoteList) }, ...errors },
        },
      },
      "/v1/stats": {
        get: {
          summary: "Protocol totals",
          responses: { "200": { description: "Totals", content: json(s.Stats) } },
        },
      },
      "/v1/health": {
        get: {
          summary: "Indexed block against the chain head; 503 when behind by more than the threshold",
          responses: {
            "200": { description: "Caught up", content: json(s.Health) },
            "503": { description: "Behind", content: json(s.Health) },
          },
        },
      },
    },
  };
}
