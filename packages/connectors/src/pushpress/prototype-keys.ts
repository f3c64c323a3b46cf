import { appendPointer } from './json-pointer.js';

/** Keys that a naive deep merge or path setter would follow into a prototype. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** An object or array met on the way down, and where it sits (its pointer is built only if needed). */
interface Container {
  readonly value: object;
  readonly parent: Container | undefined;
  readonly token: string | number;
}

function pointerOf(container: Container | undefined, token: string): string {
  let pointer = appendPointer('', token);
  for (let at = container; at?.parent !== undefined; at = at.parent) pointer = `${appendPointer('', at.token)}${pointer}`;
  return pointer;
}

/**
 * Deletes every own `__proto__`, `constructor` and `prototype` key, at any depth, from a value
 * produced by `JSON.parse` (which makes them plain own properties: harmless until some code
 * downstream merges the payload into another object). Returns the JSON pointers of what it
 * removed. Iterative, so a deeply nested payload cannot overflow the stack; it visits only
 * objects and arrays, and builds a pointer only for a key it removes.
 */
export function stripPrototypeKeys(root: unknown): string[] {
  const removed: string[] = [];
  if (typeof root !== 'object' || root === null) return removed;
  const stack: Container[] = [{ value: root, parent: undefined, token: '' }];
  const visit = (value: unknown, parent: Container, token: string | number): void => {
    if (typeof value === 'object' && value !== null) stack.push({ value, parent, token });
  };
  for (let container = stack.pop(); container !== undefined; container = stack.pop()) {
    const { value } = container;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) visit(value[index], container, index);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (PROTOTYPE_KEYS.has(key)) {
        delete record[key];
        removed.push(pointerOf(container, key));
      } else {
        visit(record[key], container, key);
      }
    }
  }
  return removed.sort();
}
