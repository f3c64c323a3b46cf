import { childPointer } from '../expressions/mapping.js';

/** Keys that can reach an object's prototype when data is merged carelessly. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON pointers of every unsafe key in a parsed JSON value (the walk builds a pointer only for a hit). */
export function findUnsafeKeys(value: unknown, pointer = ''): string[] {
  const found: string[] = [];
  const path: Array<string | number> = [];
  const visit = (current: unknown): void => {
    if (current === null || typeof current !== 'object') return;
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index += 1) {
        path.push(index);
        visit(current[index]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(current)) {
      path.push(key);
      if (UNSAFE_KEYS.has(key)) found.push(path.reduce<string>((at, token) => childPointer(at, token), pointer));
      else visit((current as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(value);
  return found;
}
