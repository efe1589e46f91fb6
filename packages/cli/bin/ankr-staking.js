#!/usr/bin/env node
// Published entry point: runs the compiled CLI (npm run build in packages/cli).
import "../dist/cli.js";
