// Node-only helpers (file system): the deployments registry.
export { loadDeployment, readDeploymentFile, readDeployments } from "./deployments/registry.js";
