import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

import { A, address, cli, isolate, keys } from "../../test/cli.js";

isolate();

const dir = mkdtempSync(join(tmpdir(), "ankr-keystore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("keystore", () => {
  test("encrypts a key into a v3 keystore that signs transactions", async () => {
    const file = join(dir, "bob.json");
    const created = await cli(["keystore", file, "--light", "--json"], {
      env: { ANKR_PRIVATE_KEY: keys.bob, ANKR_KEYSTORE_PASSWORD: "correct horse" },
    });
    expect(created.code).toBe(0);
    expect(created.json<{ address: string }>().address).toBe(address("bob"));

    const staked = await cli(["--keystore", file, "stake", A, "1,000", "--json"], {
      env: { ANKR_KEYSTORE_PASSWORD: "correct horse" },
    });
    expect(staked.code).toBe(0);
    const positions = await cli(["positions", "--json", "--keystore", file], {
      env: { ANKR_KEYSTORE_PASSWORD: "correct horse" },
    });
    expect(positions.json<{ account: string }>().account).toBe(address("bob"));

    const wrong = await cli(["--keystore", file, "withdraw"], { env: { ANKR_KEYSTORE_PASSWORD: "nope" } });
    expect(wrong).toMatchObject({
      code: 2,
      stderr: "error: cannot unlock the keystore: wrong password or not a v3 keystore\n",
    });
    const noPassword = await cli(["--keystore", file, "withdraw"]);
    expect(noPassword.stderr).toBe("error: set ANKR_KEYSTORE_PASSWORD to unlock the keystore\n");
  });
});
