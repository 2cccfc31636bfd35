// @ts-check
// Group commit. Receipts that arrive while a commit is running wait for the next one, which
// takes them all in one transaction: one fsync (SQLite) or one WAL flush (PostgreSQL) for
// the whole batch. Each caller's promise settles only after its batch's COMMIT returned, so
// a 2xx is never sent for a receipt that is not on disk.

/**
 * @template T, R
 * @param {(items: T[]) => Promise<R[]>} commit  stores a batch in one transaction, one result per item
 * @param {{ maxBatch?: number, maxQueue?: number }} [options]
 */
export function createBatcher(commit, { maxBatch = 500, maxQueue = 20_000 } = {}) {
  /** @type {{ item: T, resolve: (r: R) => void, reject: (e: unknown) => void }[]} */
  let queue = [];
  let running = false;
  let scheduled = false;
  /** @type {(() => void)[]} */
  let idle = [];

  const schedule = () => {
    if (running || scheduled || !queue.length) return;
    scheduled = true;
    // setImmediate: every request parsed in this turn of the event loop joins the batch.
    setImmediate(flush);
  };

  async function flush() {
    scheduled = false;
    if (running || !queue.length) return;
    running = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const results = await commit(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (e) {
      for (const b of batch) b.reject(e);
    } finally {
      running = false;
      if (queue.length) schedule();
      else {
        for (const fn of idle) fn();
        idle = [];
      }
    }
  }

  return {
    /**
     * Queue one item; resolves with its result once its batch is committed.
     * @param {T} item
     * @returns {Promise<R>}
     */
    add(item) {
      if (queue.length >= maxQueue) return Promise.reject(Object.assign(new Error('overloaded: too many receipts waiting for the database'), { overloaded: true }));
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Items waiting for a commit. */
    get pending() {
      return queue.length + (running ? 1 : 0);
    },
    /** Resolves when nothing is queued or committing (graceful shutdown). */
    drain() {
      return running || queue.length ? new Promise((/** @type {(v?: unknown) => void} */ r) => idle.push(() => r())) : Promise.resolve();
    },
  };
}
