/**
 * A value as the engine's thread can receive it: arrays become plain arrays and objects plain
 * objects, without what JSONata hangs on them (a sequence's own `push`, which the structured
 * clone of `postMessage` refuses) and without function values, which JSON leaves out too. Only
 * what survives as JSON is kept, so a value evaluated on a worker thread stores and sends exactly
 * as the same value evaluated on the engine's thread.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Array.from(value, plainValue);
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field !== 'function') fields[key] = plainValue(field);
  }
  return fields;
}
