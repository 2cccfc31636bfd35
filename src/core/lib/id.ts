/** A random, pseudonymous consent id: 32 hex digits (128 bits). */
export const randomId = (): string => [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => (byte | 256).toString(16).slice(1)).join('');
