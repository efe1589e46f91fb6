// A hash router: static hosting needs no rewrites, and the whole router is 20 lines.
import { useEffect, useState } from "react";

export type Route =
  | { page: "providers" }
  | { page: "provider"; address: `0x${string}` }
  | { page: "dashboard" }
  | { page: "console" }
  | { page: "governance" }
  | { page: "proposal"; id: bigint }
  | { page: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/" || path === "/providers") return { page: "providers" };
  const provider = /^\/providers\/(0x[0-9a-fA-F]{40})$/.exec(path);
  if (provider) return { page: "provider", address: provider[1] as `0x${string}` };
  if (path === "/dashboard") return { page: "dashboard" };
  if (path === "/console") return { page: "console" };
  if (path === "/governance") return { page: "governance" };
  const proposal = /^\/governance\/(\d{1,78})$/.exec(path);
  if (proposal) return { page: "proposal", id: BigInt(proposal[1] as string) };
  return { page: "not-found", path };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}

export const href = {
  providers: "#/providers",
  provider: (address: string) => `#/providers/${address}`,
  dashboard: "#/dashboard",
  console: "#/console",
  governance: "#/governance",
  proposal: (id: bigint) => `#/governance/${id}`,
};
