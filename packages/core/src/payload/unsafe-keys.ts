import { childPointer } from '../expressions/mapping.js';

/** Keys that can reach an object's prototype when data is merged carelessly. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON pointers of every unsafe key in a parsed JSON value. */
export function findUnsafeKeys(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnsafeKeys(item, childPointer(pointer, index)));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const at = childPointer(pointer, key);
    return UNSAFE_KEYS.has(key) ? [at] : findUnsafeKeys((value as Record<string, unknown>)[key], at);
  });
}
