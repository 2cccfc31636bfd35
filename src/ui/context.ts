/** Options under `config.ui`: documented with the rest of the config in core/types.ts. */
export type { UiOptions } from '../core/types';
