// The runtime config and the data source, provided once at the root.
import { createContext, useContext } from "react";

import type { RuntimeConfig } from "../config/runtime.ts";
import type { DataSource } from "../data/source.ts";

export type App = { config: RuntimeConfig; source: DataSource };
export const AppContext = createContext<App | null>(null);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside <AppContext>");
  return app;
}
