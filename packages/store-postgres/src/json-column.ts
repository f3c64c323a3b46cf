import { toStoredJson } from '@flowline/core';

/** A nullable JSON column: `undefined` is stored as NULL (core's serializer otherwise, as the memory store uses). */
export function toOptionalJsonColumn(value: unknown, what: string): string | null {
  return value === undefined ? null : toStoredJson(value, what);
}
