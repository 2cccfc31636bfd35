/**
 * Category and service keys: short identifiers. Choices live in prototype-less
 * dictionaries, so no key (not even "constructor") can reach Object.prototype.
 */
export const isValidKey = (key: string): boolean => /^[A-Za-z][\w-]{0,63}$/.test(key);

/** A dictionary with no prototype. */
export const dict = <T>(): { [key: string]: T } => Object.create(null);

export const isPlainObject = (value: unknown): value is { [key: string]: unknown } =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RegExp);
