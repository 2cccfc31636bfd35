/**
 * The longest delay `setTimeout` takes: browsers store it in a signed 32-bit integer, and a
 * longer one (a choice kept 182 days is 1.6e10 ms) would fire at once.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/**
 * Milliseconds until a choice expiring at `expires` should be looked at again, at time `now`
 * (both epoch milliseconds, as the codec guarantees): 1 ms after it expires, since it holds
 * while `now < expires`; at the timer cap (about 24.8 days) when that is later, and the check
 * then schedules the next one; 0 for a choice already expired.
 */
export function expiryCheckDelay(expires: number, now: number): number {
  return Math.min(Math.max(expires - now + 1, 0), MAX_TIMER_DELAY);
}
