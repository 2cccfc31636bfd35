import { describe, expect, test } from 'vitest';
import { expiryCheckDelay, MAX_TIMER_DELAY } from '../../src/core/rules/expiry';

const NOW = Date.parse('2024-01-01T00:00:00Z');
const DAY = 864e5;

describe('expiryCheckDelay', () => {
  test('the cap is the largest delay setTimeout keeps', () => {
    expect(MAX_TIMER_DELAY).toBe(2147483647);
  });
  test.each([
    ['one second left: just after it expires', NOW + 1000, 1001],
    ['one day left', NOW + DAY, DAY + 1],
    ['exactly at the cap', NOW + MAX_TIMER_DELAY - 1, MAX_TIMER_DELAY],
    ['182 days left: at the cap, to look again then', NOW + 182 * DAY, MAX_TIMER_DELAY],
    ['expiring now: at once (it no longer holds)', NOW, 1],
    ['expired an hour ago: at once', NOW - 36e5, 0],
  ])('%s', (_name, expires, delay) => {
    expect(expiryCheckDelay(expires, NOW)).toBe(delay);
  });
});
