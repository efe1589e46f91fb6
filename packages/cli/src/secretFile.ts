// Writes a secret (a keystore) so that it is never world-readable and never half-written.
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export type WriteSecretFileOptions = {
  /** Replace a file already at `path` (otherwise that is an EEXIST error and the file is untouched). */
  replace: boolean;
};

/**
 * Writes `data` to a new temporary file of mode 0600 beside `path`, flushes it to disk, then puts it
 * at `path` in one step: a rename over the old file with `replace`, else a hard link, which fails
 * with EEXIST rather than clobber a file that appeared since any earlier check. A crash leaves
 * either the old file or the whole new one, and the result is 0600 whatever the old file's mode was
 * (a file written in place would keep it). Node's errors (`code` EEXIST, ENOENT, EACCES...) pass
 * through; the temporary file is removed on every path.
 */
export function writeSecretFile(path: string, data: string, { replace }: WriteSecretFileOptions): void {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  // "wx": never follow or reuse something already at the temporary name.
  const fd = openSync(temporary, "wx", 0o600);
  try {
    try {
      // The umask may only have removed bits from 0600; this makes the mode exact.
      fchmodSync(fd, 0o600);
      const bytes = Buffer.from(data, "utf8");
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) renameSync(temporary, path);
    else linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncDirectory(directory);
}

/** Makes the new directory entry durable too (POSIX; a no-op where directories cannot be opened). */
function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is already on disk.
  } finally {
    closeSync(fd);
  }
}
