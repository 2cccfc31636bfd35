/** Category and service keys: short identifiers, never prototype names. */
export const KEY_PATTERN = /^[A-Za-z][\w-]{0,63}$/;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

export const isValidKey = (key: string): boolean => KEY_PATTERN.test(key) && !FORBIDDEN.has(key);

/** A dictionary with no prototype, so no key can reach Object.prototype. */
export const dict = <T>(): { [key: string]: T } => Object.create(null) as { [key: string]: T };

export const isPlainObject = (value: unknown): value is { [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
