import { FlowlineError } from '@flowline/core';

/** Serializes a value for a JSON text column; fails with `store.not_json` for what JSON cannot hold. */
export function toJsonColumn(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new FlowlineError('store.not_json', `Cannot store ${what}: it is not JSON data (${cause instanceof Error ? cause.message : String(cause)}).`, {
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

export function fromJsonColumn<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** A nullable JSON column: `undefined` is stored as NULL. */
export function toOptionalJsonColumn(value: unknown, what: string): string | null {
  return value === undefined ? null : toJsonColumn(value, what);
}
