/**
 * The samples of docs/frameworks.md and where each runs. e2e/frameworks.spec.ts builds and runs
 * all but the next-* ones, which must be the files of examples/next as they are (checked there
 * too), built and tested by `npm run test:next`. e2e/demo-docs.spec.ts counts these as tested.
 */
export const FRAMEWORK_SAMPLES = [
  'react-app',
  'react-consent-script',
  'react-own-banner',
  'next-provider',
  'next-layout',
  'next-page',
  'vue-main',
  'vue-component',
  'svelte-consent',
  'svelte-component',
];

/** The example file each next-* sample is. */
export const NEXT_SAMPLE_FILES: { [id: string]: string } = {
  'next-provider': 'examples/next/app/consent-provider.tsx',
  'next-layout': 'examples/next/app/layout.tsx',
  'next-page': 'examples/next/app/page.tsx',
};
