// Port checks before anything starts, so a taken port gets a message naming its variable.
import { createServer } from "node:net";

import { type DevnetConfig, PORTS, type PortName } from "./config.ts";
import { PortInUseError } from "./errors.ts";

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port the OS just handed out on 127.0.0.1, for the devnet's internal endpoints. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Throws PortInUseError for the first fixed port that is taken. */
export async function assertPortsFree(config: DevnetConfig): Promise<void> {
  for (const name of Object.keys(PORTS) as PortName[]) {
    const { variable, count } = PORTS[name];
    for (let i = 0; i < count; i++) {
      const port = config.ports[name] + i;
      if (!(await isPortFree(port))) throw new PortInUseError(port, name, variable);
    }
  }
}
