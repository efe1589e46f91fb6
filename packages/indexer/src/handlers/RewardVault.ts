// Handlers for the reward vault: its balance, funding as an action of the funder, and its
// administration logs.
import { ponder } from "ponder:registry";
import { protocol } from "ponder:schema";

import { admin } from "./AnkrStaking.ts";
import { ensureProtocol, recordAction } from "./store.ts";

ponder.on("RewardVault:RewardVaultFunded", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ vaultBalance: event.args.balance });
  await recordAction(context.db, event, {
    account: event.args.from,
    kind: "fundVault",
    amount: event.args.amount,
  });
});

ponder.on("RewardVault:RewardVaultReleased", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ vaultBalance: event.args.balance });
});

ponder.on("RewardVault:RewardVaultWithdrawn", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ vaultBalance: event.args.balance });
  await admin(context.db, event, "RewardVaultWithdrawn", event.args, "RewardVault");
});

ponder.on("RewardVault:RewardVaultStakingSet", async ({ event, context }) =>
  admin(context.db, event, "RewardVaultStakingSet", event.args, "RewardVault"),
);
ponder.on("RewardVault:RoleGranted", async ({ event, context }) =>
  admin(context.db, event, "RoleGranted", event.args, "RewardVault"),
);
ponder.on("RewardVault:RoleRevoked", async ({ event, context }) =>
  admin(context.db, event, "RoleRevoked", event.args, "RewardVault"),
);
ponder.on("RewardVault:RoleAdminChanged", async ({ event, context }) =>
  admin(context.db, event, "RoleAdminChanged", event.args, "RewardVault"),
);
