// Entry: load the runtime config, then mount wagmi, TanStack Query and the app.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";

import { App } from "./App.tsx";
import { loadRuntimeConfig } from "./config/runtime.ts";
import { createWagmiConfig } from "./config/wagmi.ts";
import { createDataSource } from "./data/source.ts";
import { AppContext } from "./hooks/app.ts";
import "./styles.css";

const root = createRoot(document.getElementById("root") as HTMLElement);

loadRuntimeConfig().then(
  (config) => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 2000 } },
    });
    root.render(
      <StrictMode>
        <AppContext.Provider value={{ config, source: createDataSource(config) }}>
          <WagmiProvider config={createWagmiConfig(config)}>
            <QueryClientProvider client={queryClient}>
              <App />
            </QueryClientProvider>
          </WagmiProvider>
        </AppContext.Provider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(<p role="alert">The app could not load its configuration (/config.json): {String(error)}</p>);
  },
);
