import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextConfig } from 'next';

// This example uses the package built in the repository (tsconfig.json maps `consent-gate`
// and `consent-gate/*` to ../../dist). In your app, `npm install consent-gate` instead.
const repository = join(process.cwd(), '../..');
if (!existsSync(join(repository, 'dist/react.js'))) throw new Error('examples/next uses the built package: run `npm run build` at the repository root first.');

const nextConfig: NextConfig = {
  // The repository root, where the lockfile and dist/ are.
  turbopack: { root: repository },
  outputFileTracingRoot: repository,
};

export default nextConfig;
