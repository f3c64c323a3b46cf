import { FlowlineError } from '../errors/flowline-error.js';

/**
 * Serializes a record the way a durable store would, so that the in-memory store accepts and
 * returns exactly what SQLite or Postgres would: `undefined` properties vanish, `Date`s become
 * strings, and values JSON cannot hold (BigInt, cycles) fail here instead of in production.
 */
export function toStoredJson(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new FlowlineError('store.not_json', `Cannot store ${what}: it is not JSON data (${describe(cause)}).`, {
      hint: 'Store only plain JSON data: no BigInt, no cycles, no class instances that do not serialize.',
      cause,
    });
  }
  if (text === undefined) {
    throw new FlowlineError('store.not_json', `Cannot store ${what}: it is ${typeof value}, not JSON data.`, {
      hint: 'Pass a JSON value (object, array, string, number, boolean or null).',
    });
  }
  return text;
}

/** A nullable JSON column: `undefined` is stored as NULL, anything else as `toStoredJson` does. */
export function toOptionalStoredJson(value: unknown, what: string): string | null {
  return value === undefined ? null : toStoredJson(value, what);
}

/** Parses what `toStoredJson` produced. */
export function fromStoredJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
