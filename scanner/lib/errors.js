// @ts-check

/**
 * A problem the person running the scan can fix (a wrong flag, no browser, no build): printed
 * as its message alone, and the scan exits with code 2.
 */
export class UsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}
