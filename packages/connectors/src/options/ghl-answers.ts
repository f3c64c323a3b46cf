import { ActionError } from '@flowline/core';

export type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The list under `member` of a GHL answer (`{ calendars: [...] }`), its entries that are objects.
 * An answer without the list is GHL's failure, not the caller's: ActionError('server').
 */
export function listIn(body: unknown, member: string, request: string): Json[] {
  const list = isObject(body) ? body[member] : undefined;
  if (!Array.isArray(list)) {
    throw new ActionError('server', `GHL answered ${request} without the "${member}" list its OpenAPI document describes`, {
      request,
      hint: 'Refresh the options; if it persists GHL changed this answer.',
    });
  }
  return list.filter(isObject);
}

/** A member that is a non-empty string (after trimming), else undefined. */
export function text(entry: Json, member: string): string | undefined {
  const value = entry[member];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
