// What the global setup hands every test file (vitest's provide/inject), typed.
declare module "vitest" {
  export interface ProvidedContext {
    rpcUrl: string;
    deploymentFile: string;
  }
}

export {};
