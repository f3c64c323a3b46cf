import { appendPointer } from './json-pointer.js';

/** Keys that a naive deep merge or path setter would follow into a prototype. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deletes every own `__proto__`, `constructor` and `prototype` key, at any depth, from a value
 * produced by `JSON.parse` (which makes them plain own properties: harmless until some code
 * downstream merges the payload into another object). Returns the JSON pointers of what it
 * removed. Iterative, so a deeply nested payload cannot overflow the stack.
 */
export function stripPrototypeKeys(root: unknown): string[] {
  const removed: string[] = [];
  const stack: Array<{ readonly value: unknown; readonly pointer: string }> = [{ value: root, pointer: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, pointer } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((element: unknown, index) => stack.push({ value: element, pointer: appendPointer(pointer, index) }));
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (PROTOTYPE_KEYS.has(key)) {
        delete record[key];
        removed.push(appendPointer(pointer, key));
      } else {
        stack.push({ value: record[key], pointer: appendPointer(pointer, key) });
      }
    }
  }
  return removed.sort();
}
