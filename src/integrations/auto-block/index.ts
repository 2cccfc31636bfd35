/**
 * `consent-gate/auto-block`: auto-blocking for apps (docs/auto-blocking.md). Call
 * `startAutoBlock(config, { presets: catalogue })` first in the app's entry, before any tag
 * is added, and create the instance with the same config: its events hand over the grants.
 */
export { startAutoBlock, type AutoBlocker, type AutoBlockStartOptions } from './start-auto-block';
export { compileRules, compileMatcher, EVERY_OPTIONAL, type BlockRules, type BlockGrants } from './rules';
export type { AutoBlockOptions, Config } from '../../core/types';
