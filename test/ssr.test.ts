// @vitest-environment node
import { expect, test } from 'vitest';

test('importing both entries and creating an instance touches no browser global', async () => {
  expect(typeof window).toBe('undefined');
  const core = await import('../src/core-entry');
  const full = await import('../src/index');
  const c = full.createConsent({ categories: { necessary: { required: true }, analytics: {} } });
  expect(c.get().decided).toBe(false);
  c.acceptAll();
  expect(c.has('analytics')).toBe(true);
  expect(typeof core.createConsent).toBe('function');
  await expect(c.loadScript('/x.js', 'analytics')).rejects.toThrow();
  expect(typeof document).toBe('undefined');
});
