import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { A, address, cli, isolate, keys } from "../../test/cli.js";
import { unlockKeystore } from "../context.js";

isolate();

const dir = mkdtempSync(join(tmpdir(), "ankr-keystore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (actor: "bob" | "carol") => ({
  ANKR_PRIVATE_KEY: keys[actor],
  ANKR_KEYSTORE_PASSWORD: "correct horse",
});
/** The permission bits of a file (0o600 = owner read and write only). */
const mode = (file: string) => statSync(file).mode & 0o777;

describe("keystore", () => {
  test("encrypts a key into a v3 keystore that signs transactions", async () => {
    const file = join(dir, "bob.json");
    const created = await cli(["keystore", file, "--light", "--json"], { env: env("bob") });
    expect(created.code).toBe(0);
    expect(created.json<{ address: string }>().address).toBe(address("bob"));
    expect(mode(file)).toBe(0o600);

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

  test("refuses to replace an existing file without --force and leaves it as it was", async () => {
    const file = join(dir, "taken.json");
    writeFileSync(file, "an older key\n");
    chmodSync(file, 0o644);
    const refused = await cli(["keystore", file, "--light"], { env: env("bob") });
    expect(refused).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `error: ${file} already exists; pass --force to replace it\n`,
    });
    expect(readFileSync(file, "utf8")).toBe("an older key\n");
    expect(mode(file)).toBe(0o644);
    expect(readdirSync(dir).filter((name) => name.includes("taken"))).toEqual(["taken.json"]);
  });

  test("--force replaces a world-readable file with an owner-only keystore, through a rename", async () => {
    const file = join(dir, "replaced.json");
    writeFileSync(file, "an older key\n");
    chmodSync(file, 0o644);
    const before = statSync(file).ino;
    const replaced = await cli(["keystore", file, "--light", "--force", "--json"], { env: env("carol") });
    expect(replaced.code).toBe(0);
    expect(replaced.json()).toEqual({ address: address("carol"), file });
    expect(mode(file)).toBe(0o600);
    // A new inode: the key was written to a temporary file and renamed over the old one, never into it.
    expect(statSync(file).ino).not.toBe(before);
    const account = await unlockKeystore(readFileSync(file, "utf8"), "correct horse");
    expect(account.address).toBe(address("carol"));
    expect(readdirSync(dir).filter((name) => name.includes("replaced"))).toEqual(["replaced.json"]);
  });

  test("a missing directory is refused in plain words", async () => {
    const file = join(dir, "missing", "key.json");
    const refused = await cli(["keystore", file, "--light"], { env: env("bob") });
    expect(refused).toMatchObject({
      code: 2,
      stderr: `error: cannot write keystore ${file}: no such directory\n`,
    });
  });
});
