// Rollup config for `npm run bench:floor` (bench/engine-floor.mjs): the engine exactly as
// rollup.config.ts builds it, with the parts named in FLOOR_STUBS replaced by stubs, written to
// bench/results/floor-<FLOOR_NAME>.js. Each stub keeps the bench page (bench/pages/consent-gate.html)
// working as far as it can and does nothing else; none of them could ship. They answer one
// question: how small can a returning visitor's engine get by leaving parts out of it?
import type { Plugin, RollupOptions } from 'rollup';
import buildConfigs from '../rollup.config';

/** A stub: the module it replaces (by the importing file and the import's text) and its code. */
interface Stub {
  importer: string;
  source: string;
  code: string;
}

const STUBS: { [part: string]: Stub[] } = {
  // The config read without a single check: enough for the bench page's config, nothing more.
  validation: [
    {
      importer: 'src/core/consent.ts',
      source: './config',
      code: `export function normalizeConfig(raw) {
  const cookie = { name: 'consent_gate', path: '/', sameSite: 'Lax', expiresDays: 182, ...raw.cookie };
  const categories = Object.entries(raw.categories).map(([key, c]) => ({ key, required: !!c.required, default: c.default ?? true, saleOrSharing: c.saleOrSharing ?? key === 'marketing', exempt: !!c.exempt, title: c.title, description: c.description, consentMode: c.consentMode }));
  const services = Object.entries(raw.services || {}).map(([key, s]) => ({ ...s, key, cookies: (s.cookies || []).map((name) => ({ name })), storageKeys: s.storageKeys || [], hosts: s.hosts || [] }));
  const mode = raw.mode || 'opt-in';
  return { revision: String(raw.revision ?? ''), privacyPolicyUrl: raw.privacyPolicyUrl || '', categories, services, storage: raw.storage || 'cookie', cookie, reloadOnWithdraw: !!raw.reloadOnWithdraw, recordEndpoint: raw.recordEndpoint || '', serverCookie: !!raw.serverCookie, googleConsentMode: raw.googleConsentMode === true ? {} : raw.googleConsentMode || false, autoBlock: false, gpc: raw.gpc ?? true, mode, regions: {}, region: '', rule: mode, language: raw.language || '', nonce: raw.nonce || '', autoShow: raw.autoShow ?? true, ui: raw.ui || {}, translations: raw.translations || {} };
}`,
    },
  ],
  // What only a decision needs beyond the engine's own decide(): receipts and their outbox, the
  // carry-over rule of set(), the consent id.
  receipts: [
    { importer: 'src/core/consent.ts', source: './record', code: 'export const sendReceipt = () => {};' },
    { importer: 'src/core/consent.ts', source: './rules/carry-over', code: 'export const carryOver = (config, current) => current;' },
    { importer: 'src/core/consent.ts', source: './lib/id', code: "export const randomId = () => 'bench-floor-id';" },
  ],
  // The banner, its stylesheet and the focus rules that only matter while it shows.
  banner: [
    { importer: 'src/ui/shell/shell.ts', source: './banner', code: "export const createBanner = () => document.createElement('section');" },
    { importer: 'src/ui/shell/shell.ts', source: '../styles/banner.css?inline', code: "export default '';" },
    { importer: 'src/ui/shell/shell.ts', source: '../lib/focus', code: 'export const overlaps = () => false; export const trapTab = () => {};' },
  ],
  'consent-mode': [{ importer: 'src/browser.ts', source: './integrations/google-consent-mode', code: 'export const googleConsentMode = () => {};' }],
  // A cookie read in a few lines instead of js-cookie (writes would still need it).
  'js-cookie': [
    {
      importer: 'src/core/storage.ts',
      source: 'js-cookie',
      code: `const jar = { get: (name) => { const entry = document.cookie.split('; ').find((pair) => pair.startsWith(name + '=')); return entry && decodeURIComponent(entry.slice(name.length + 1)); }, set() {}, remove() {} };
export default { withAttributes: () => jar };`,
    },
  ],
};

const stubsFor = (parts: string[]): Plugin => {
  const chosen = parts.flatMap((part) => {
    if (!STUBS[part]) throw new Error(`FLOOR_STUBS: "${part}" is not one of ${Object.keys(STUBS).join(', ')}`);
    return STUBS[part];
  });
  return {
    name: 'engine-floor-stubs',
    resolveId(source, importer) {
      const index = chosen.findIndex((stub) => importer?.endsWith(stub.importer) && stub.source === source);
      return index < 0 ? null : `\0floor-stub:${index}`;
    },
    load(id) {
      return id.startsWith('\0floor-stub:') ? chosen[Number(id.slice('\0floor-stub:'.length))].code : null;
    },
  };
};

export default async (): Promise<RollupOptions> => {
  const [engine] = await buildConfigs();
  const parts = (process.env.FLOOR_STUBS || '').split(',').filter(Boolean);
  const plugins = Array.isArray(engine.plugins) ? engine.plugins : [];
  return {
    ...engine,
    plugins: [stubsFor(parts), ...plugins],
    output: { file: `bench/results/floor-${process.env.FLOOR_NAME || 'engine'}.js`, format: 'iife', sourcemap: true },
  };
};
