const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A random, pseudonymous consent id of 22 URL-safe characters (132 bits). */
export function randomId(): string {
  const bytes = new Uint8Array(22);
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && c.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let id = '';
  for (let i = 0; i < bytes.length; i++) id += ALPHABET[bytes[i]! & 63];
  return id;
}
