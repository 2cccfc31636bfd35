/** Console messages, each prefixed so site owners can filter them. Never throws. */
const PREFIX = '[consent-gate]';

export function warn(message: string, ...rest: unknown[]): void {
  try {
    console.warn(`${PREFIX} ${message}`, ...rest);
  } catch {
    /* a console that throws is not our problem to surface */
  }
}

export function error(message: string, ...rest: unknown[]): void {
  try {
    console.error(`${PREFIX} ${message}`, ...rest);
  } catch {
    /* see warn */
  }
}

/** Run `fn`, reporting instead of propagating what it throws. */
export function guard<T>(what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    error(`${what} failed:`, e);
    return undefined;
  }
}
