import type { ConsentInstance, NormalizedService } from '../../core/types';

/**
 * The configured service that stands for catalogue preset `name`: its key is `name`, or it
 * was declared from that preset (`services: { fb: 'meta-pixel' }` or `{ preset: 'meta-pixel' }`).
 */
export const findService = (instance: ConsentInstance, name: string): NormalizedService | undefined =>
  instance.config.services.find((service) => service.key === name || service.preset === name);
