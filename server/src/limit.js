// @ts-check
// Per-client token buckets, in memory. Each instance limits on its own: with several
// instances behind a balancer a client gets at most N times the rate, which is still a bound.

/**
 * @param {number} perMinute  requests a client may make per minute (bucket size and refill); 0 = no limit
 * @param {{ maxClients?: number, now?: () => number }} [options]
 */
export function createLimiter(perMinute, { maxClients = 100_000, now = Date.now } = {}) {
  /** @type {Map<string, { tokens: number, t: number }>} */
  const buckets = new Map();
  const rate = perMinute / 60_000;
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, b] of buckets) if (b.tokens + (t - b.t) * rate >= perMinute) buckets.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    /**
     * Take one token for `key`; false when the client is over its rate.
     * @param {string} key
     */
    take(key) {
      if (!perMinute) return true;
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        // A flood of distinct clients must not grow memory without bound: start over.
        if (buckets.size >= maxClients) buckets.clear();
        buckets.set(key, (b = { tokens: perMinute, t }));
      }
      b.tokens = Math.min(perMinute, b.tokens + (t - b.t) * rate);
      b.t = t;
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    /** Whether `key` is out of tokens now, without taking one. @param {string} key */
    peek(key) {
      const b = buckets.get(key);
      return !!perMinute && !!b && b.tokens + (now() - b.t) * rate < 1;
    },
    /** Seconds until `key` has a token again (for Retry-After). @param {string} key */
    retryAfter(key) {
      const b = buckets.get(key);
      return b && rate ? Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) : 1;
    },
    close: () => clearInterval(sweep),
  };
}
