// The indexer's HTTP API inside Ponder: Ponder's GraphQL at /graphql, the REST API under /v1 (Ponder
// reserves /health, /ready, /status and /metrics for itself), and /openapi.json.

import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client, graphql } from "ponder";

import { delegators } from "./delegators.ts";
import { ApiError } from "./errors.ts";
import { microcache } from "./microcache.ts";
import { openApiDocument } from "./openapi.ts";
import { proposals } from "./proposals.ts";
import { protocolRoutes } from "./protocol.ts";
import { providers } from "./providers.ts";
import { errorResponse } from "./respond.ts";

const v1 = new Hono()
  .use("*", async (c, next) => (c.req.path.endsWith("/health") ? next() : microcache(c, next)))
  .route("/", providers)
  .route("/", delegators)
  .route("/", protocolRoutes)
  .route("/", proposals);
v1.onError((error, c) => errorResponse(c, error));

const app = new Hono();
app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));
app.get("/openapi.json", (c) => c.json(openApiDocument()));
app.route("/v1", v1);
app.all("/v1/*", (c) => errorResponse(c, new ApiError(404, "not_found", "no such endpoint")));
app.onError((error, c) => errorResponse(c, error));

export default app;
