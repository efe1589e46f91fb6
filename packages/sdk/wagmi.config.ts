// ABIs as `as const` TypeScript, generated from the Foundry build output (contracts/out).
// Run `npm run -w @ankr-staking/sdk generate`; never edit src/abis/generated.ts by hand.
import { defineConfig } from "@wagmi/cli";
import { foundry } from "@wagmi/cli/plugins";

export default defineConfig({
  out: process.env.ABIS_OUT ?? "src/abis/generated.ts",
  plugins: [
    foundry({
      project: "../../contracts",
      // The contracts a client talks to; the logic libraries' errors and events are declared on
      // IAnkrStaking, so they are part of AnkrStaking's ABI.
      include: [
        "AnkrStaking.sol/**",
        "RewardVault.sol/**",
        "TestANKR.sol/**",
        "OracleCommittee.sol/**",
        "AnkrGovernor.sol/**",
        "TimelockController.sol/**",
      ],
      forge: { build: process.env.ABIS_BUILD !== "false" },
    }),
  ],
});
