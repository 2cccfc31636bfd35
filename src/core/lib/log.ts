/** Console messages, each prefixed so site owners can filter them. */
const say =
  (level: 'warn' | 'error') =>
  (message: string, ...rest: unknown[]): void =>
    console[level]('[consent-gate] ' + message, ...rest);

export const warn = say('warn');
export const error = say('error');

/** Run `fn`, reporting instead of propagating what it throws. */
export function guard<T>(what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (thrown) {
    error(what + ' failed:', thrown);
  }
}
