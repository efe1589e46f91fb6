#!/usr/bin/env -S npx tsx
// Entry point: one oracle committee member, configured from the environment (see docs/oracle.md).
import { loadConfig } from "./config.ts";
import { startMember } from "./member.ts";

const member = await startMember(loadConfig(process.env));
process.stderr.write(`oracle member ${member.service.member} on http://127.0.0.1:${member.port}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void member.stop().then(() => process.exit(0));
  });
}
