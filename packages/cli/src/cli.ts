#!/usr/bin/env node
// Process entry point of the `ankr-staking` command.
import { run } from "./main.js";

process.exitCode = await run(process.argv.slice(2));
