#!/usr/bin/env node
// The installed command: run the compiled CLI and set the exit status without cutting off output.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
