/** A random, pseudonymous consent id: 22 URL-safe characters (132 bits). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return [...bytes].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'[b & 63]).join('');
}
