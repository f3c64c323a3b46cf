import { UNSAFE_KEYS, findUnsafeKeys } from './unsafe-keys.js';

/** A payload's JSON size, and whether any of its keys could reach a prototype. */
export interface JsonMeasure {
  readonly bytes: number;
  /** Whether any key is `__proto__`, `constructor` or `prototype` (see unsafe-keys.ts). */
  readonly unsafeKeys: boolean;
}

/**
 * `Buffer.byteLength(JSON.stringify(value))` without building the string, and the unsafe keys
 * noted on the way: a payload's size is checked on every event, and serializing it only to count
 * its bytes cost more than checking its schema. Plain JSON data (what a parsed body is) is
 * counted by walking it; anything `JSON.stringify` treats specially (a `toJSON` method, a class
 * instance, `undefined` or a function as a value, a non-finite number, a BigInt, very deep
 * nesting or a cycle) is left to `JSON.stringify` itself, so the answer is always the same.
 */
export function measureJson(value: unknown): JsonMeasure {
  const walk: Walk = { unsafeKeys: false };
  const counted = countValue(value, 0, walk);
  if (counted !== undefined) return { bytes: counted, unsafeKeys: walk.unsafeKeys };
  // JSON.stringify counts what the walk gave up on; the walk stopped early, so it looks for keys again.
  return { bytes: Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8'), unsafeKeys: findUnsafeKeys(value).length > 0 };
}

interface Walk {
  unsafeKeys: boolean;
}

/** Deeper than this, the walk gives up (JSON.stringify then reports a cycle, or counts it). */
const MAX_DEPTH = 256;

function countValue(value: unknown, depth: number, walk: Walk): number | undefined {
  switch (typeof value) {
    case 'string':
      return quotedLength(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : undefined;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      if (value === null) return 4;
      if (depth >= MAX_DEPTH) return undefined;
      return Array.isArray(value) ? countArray(value, depth + 1, walk) : countObject(value as Record<string, unknown>, depth + 1, walk);
    default:
      return undefined;
  }
}

function countArray(items: readonly unknown[], depth: number, walk: Walk): number | undefined {
  let total = 2 + Math.max(items.length - 1, 0);
  for (const item of items) {
    const length = countValue(item, depth, walk);
    if (length === undefined) return undefined;
    total += length;
  }
  return total;
}

function countObject(record: Record<string, unknown>, depth: number, walk: Walk): number | undefined {
  const prototype = Object.getPrototypeOf(record) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || typeof record.toJSON === 'function') return undefined;
  const keys = Object.keys(record);
  let total = 2 + Math.max(keys.length - 1, 0);
  for (const key of keys) {
    if (UNSAFE_KEYS.has(key)) walk.unsafeKeys = true;
    const length = countValue(record[key], depth, walk);
    if (length === undefined) return undefined;
    total += quotedLength(key) + 1 + length;
  }
  return total;
}

/** UTF-8 bytes of a string as JSON.stringify writes it: quoted, with its escapes. */
export function quotedLength(text: string): number {
  let total = 2;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (code >= 0x20 && code !== 0x22 && code !== 0x5c) total += 1;
      else if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) total += 2;
      else total += 6;
    } else if (code < 0x800) {
      total += 2;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        total += 4;
        index += 1;
      } else {
        total += 6;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      total += 6;
    } else {
      total += 3;
    }
  }
  return total;
}
