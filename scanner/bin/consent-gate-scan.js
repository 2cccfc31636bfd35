#!/usr/bin/env node
// @ts-check
// consent-gate-scan <url> --out <dir> [--pages N] [--fail-on-violation]: see --help and docs/scanner.md.
import { main } from '../lib/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
