// The shell: header with navigation and wallet, the wallet notice, and the routed page (each page
// is its own chunk, so the first page loads only what it shows).
import { lazy, Suspense } from "react";

import { WalletMenu, WalletNotice } from "./components/Wallet.tsx";
import { useApp } from "./hooks/app.ts";
import { href, useRoute } from "./router.ts";

const Providers = lazy(() => import("./routes/Providers.tsx"));
const Provider = lazy(() => import("./routes/Provider.tsx"));
const Dashboard = lazy(() => import("./routes/Dashboard.tsx"));
const Console = lazy(() => import("./routes/Console.tsx"));
const Governance = lazy(() => import("./routes/Governance.tsx"));
const ProposalPage = lazy(() => import("./routes/Governance.tsx").then((m) => ({ default: m.ProposalPage })));

export function App() {
  const route = useRoute();
  // Deployments from before governance have no Governor: no governance page for them.
  const governed = !!useApp().config.deployment.governor;
  const current = (page: string) => (route.page === page ? "page" : undefined);
  return (
    <>
      {/* Routes live in the hash, so "#main" would navigate to a route named main: focus it instead.
          It stays a link (what a skip link is announced as), with the href for no-JS readers. */}
      {/* biome-ignore lint/a11y/useValidAnchor: see above */}
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header>
        <a className="brand" href={href.providers}>
          ANKR staking
        </a>
        <nav aria-label="Main">
          <a href={href.providers} aria-current={current("providers")}>
            Providers
          </a>
          <a href={href.dashboard} aria-current={current("dashboard")}>
            Dashboard
          </a>
          {governed && (
            <a href={href.governance} aria-current={current("governance") ?? current("proposal")}>
              Governance
            </a>
          )}
          <a href={href.console} aria-current={current("console")}>
            Provider console
          </a>
        </nav>
        <WalletMenu />
      </header>
      <WalletNotice />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          {route.page === "providers" && <Providers />}
          {route.page === "provider" && <Provider address={route.address} />}
          {route.page === "dashboard" && <Dashboard />}
          {route.page === "console" && <Console />}
          {governed && route.page === "governance" && <Governance />}
          {governed && route.page === "proposal" && <ProposalPage id={route.id} />}
          {!governed && (route.page === "governance" || route.page === "proposal") && (
            <p role="alert">This deployment has no Governor, so there is nothing to vote on.</p>
          )}
          {route.page === "not-found" && (
            <p role="alert">
              Nothing at {route.path}. <a href={href.providers}>Go to the providers</a>.
            </p>
          )}
        </Suspense>
      </main>
    </>
  );
}
