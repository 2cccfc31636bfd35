import { expect, test } from 'vitest';
import { createConsent } from '../src/core-entry';
test('smoke', () => {
  const c = createConsent({ categories: { necessary: { required: true }, analytics: {} } });
  expect(c.has('analytics')).toBe(false);
  c.acceptAll();
  expect(c.has('analytics')).toBe(true);
  expect(document.cookie).toContain('consent_gate');
});
