// The devnet's errors: each says what failed and what to do about it.
export class DevnetError extends Error {
  override name = "DevnetError";
}

export class PortInUseError extends DevnetError {
  override name = "PortInUseError";
  constructor(
    readonly port: number,
    readonly service: string,
    readonly variable: string,
  ) {
    super(
      `port ${port} (${service}) is already in use on 127.0.0.1. Stop whatever listens there, ` +
        `or pick another port: ${variable}=<port> npm start`,
    );
  }
}

export class ServiceStartError extends DevnetError {
  override name = "ServiceStartError";
  constructor(service: string, reason: string, logFile?: string) {
    super(`${service} did not start: ${reason}${logFile ? ` (log: ${logFile})` : ""}`);
  }
}

export class ProcessExitedError extends DevnetError {
  override name = "ProcessExitedError";
  constructor(name: string, code: number | null, signal: string | null, logFile: string) {
    super(`${name} exited unexpectedly (${signal ?? `exit ${code}`}); see ${logFile}`);
  }
}
