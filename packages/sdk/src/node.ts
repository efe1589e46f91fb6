// Node-only helpers (file system, sockets): the deployments registry, and the bounded request layer
// (address policy, per-host slots, capped JSON requests) every service that reads untrusted URLs
// shares, with the provider metadata fetch built on it.
export { loadDeployment, readDeploymentFile, readDeployments } from "./deployments/registry.js";
export {
  AddressRefusedError,
  InvalidAllowListError,
  MalformedResponseError,
  MetadataError,
  RequestFailedError,
} from "./errors/net.js";
export { fetchMetadata, type MetadataOptions } from "./metadata/fetch.js";
export { type AddressPolicy, checkAddress, PUBLIC_ONLY, parseAllowList, rangeOf } from "./net/address.js";
export { HostLimiter } from "./net/limiter.js";
export { type JsonRequest, type JsonResponse, type RequestLimits, requestJson } from "./net/request.js";
