import { afterEach, describe, expect, test, vi } from 'vitest';
import { createConsent, memoryStorage, type ConsentInstance } from '../../src/core-entry';
import { register } from '../../src/integrations/lib/register';
import type { Integration } from '../../src/core/view';

type W = { ConsentGate?: { instance?: ConsentInstance }; consentGateIntegrations?: Integration[]; [flag: string]: unknown };
const w = window as unknown as W;

afterEach(() => {
  for (const key of ['ConsentGate', 'consentGateIntegrations', '__cgTestA', '__cgTestB']) delete w[key];
});

describe('add-on script registration (catalogue and embeds scripts)', () => {
  test('before init: both add-ons join window.consentGateIntegrations, in either order, each once', () => {
    const a: Integration = () => {};
    const b: Integration = () => {};
    register('__cgTestB', b);
    register('__cgTestA', a);
    register('__cgTestB', () => {}); // the same file included twice
    register('__cgTestA', () => {});
    expect(w.consentGateIntegrations).toEqual([b, a]);
  });

  test('keeps integrations a page put there itself', () => {
    const own: Integration = () => {};
    const a: Integration = () => {};
    w.consentGateIntegrations = [own];
    register('__cgTestA', a);
    expect(w.consentGateIntegrations).toEqual([own, a]);
  });

  test('after init: attaches to the instance at once, once, and destroy() runs its clean-up', () => {
    const instance = createConsent({ categories: { analytics: {} }, autoShow: false }, { storage: memoryStorage() });
    w.ConsentGate = { instance };
    const off = vi.fn();
    const integration = vi.fn(() => off);
    register('__cgTestA', integration);
    register('__cgTestA', integration);
    expect(integration).toHaveBeenCalledTimes(1);
    expect(integration).toHaveBeenCalledWith(instance);
    expect(w.consentGateIntegrations).toBeUndefined();
    instance.destroy();
    expect(off).toHaveBeenCalledTimes(1);
  });
});
