import { quotedLength } from '../payload/json-byte-length.js';
/**
 * The size of a value as JSON (UTF-8 bytes, as JSON.stringify would write it), counted without
 * building the text and only up to `limitBytes`: past it the answer is `Infinity`, so the count
 * costs no more than the limit whatever the value (a value JSONata built can share one large part
 * many times over, and its JSON is then far larger than the memory it takes).
 *
 * JSONata's functions and lambdas count as `""`, as `$string` writes them (a lambda holds its
 * whole environment). No Node built-in is used: this runs in a browser too.
 */
export function jsonSizeWithin(value: unknown, limitBytes: number): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    total += shallowSize(next, pending, limitBytes - total);
    if (total > limitBytes) return Number.POSITIVE_INFINITY;
  }
  return total;
}

/** The bytes of `value` itself (brackets, separators, keys, a scalar); its children go on `pending`. */
function shallowSize(value: unknown, pending: unknown[], leftBytes: number, callToJson = true): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2 > leftBytes ? Number.POSITIVE_INFINITY : quotedLength(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      return String(value).length;
    case 'function':
      return 2;
    case 'object': {
      if (value === null) return 4;
      if (isJsonataFunction(value)) return 2;
      if (Array.isArray(value)) {
        for (const item of value) pending.push(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item);
        return 2 + Math.max(value.length - 1, 0);
      }
      const toJson = (value as { toJSON?: unknown }).toJSON;
      // JSON.stringify calls toJSON once, and writes what it gives (a Date gives its ISO text).
      if (callToJson && typeof toJson === 'function') return shallowSize((toJson as () => unknown).call(value), pending, leftBytes, false);
      let size = 2;
      let fields = 0;
      for (const key of Object.keys(value)) {
        const field = (value as Record<string, unknown>)[key];
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        size += quotedLength(key) + 1;
        fields += 1;
        pending.push(field);
      }
      return size + Math.max(fields - 1, 0);
    }
    default:
      return 0;
  }
}

function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return marked._jsonata_function === true || marked._jsonata_lambda === true;
}
