import { fromStoredJson, toStoredJson } from '@flowline/core';

/** Serializes a value for a JSON text column (core's serializer, so both stores accept the same data). */
export const toJsonColumn = toStoredJson;

export const fromJsonColumn = fromStoredJson;

/** A nullable JSON column: `undefined` is stored as NULL. */
export function toOptionalJsonColumn(value: unknown, what: string): string | null {
  return value === undefined ? null : toJsonColumn(value, what);
}
