#!/usr/bin/env node
// @ts-check
// consent-gate-server: see --help, and docs/consent-log.md in the repository.
import { main } from '../src/cli.js';

const code = await main(process.argv.slice(2));
if (typeof code == 'number') process.exitCode = code;
