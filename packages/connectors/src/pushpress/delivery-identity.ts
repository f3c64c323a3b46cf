import { createHash } from 'node:crypto';
import { isPushPressEventName, PUSHPRESS_EVENTS, type PushPressEventTraits } from './events.js';

const DEFAULT_TRAITS: PushPressEventTraits = { identityField: 'id' };

function traitsOf(event: string): PushPressEventTraits {
  return isPushPressEventName(event) ? PUSHPRESS_EVENTS[event] : DEFAULT_TRAITS;
}

/** PushPress ids are UUIDs or short prefixed ids; a longer one stands in the identity as its hash. */
export const MAX_ID_LENGTH = 128;

function shortHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32)}`;
}

/** `data[field]` when it is a non-empty string; one longer than MAX_ID_LENGTH as its hash, so ids stay short in the store and logs. */
function ownString(data: unknown, field: string): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if (!Object.hasOwn(data, field)) return undefined;
  const value: unknown = (data as Record<string, unknown>)[field];
  if (typeof value !== 'string' || value.length === 0) return undefined;
  return value.length <= MAX_ID_LENGTH ? value : shortHash(value);
}

/**
 * The identity of a delivery, stable across PushPress's retries: `${event}:${data.id}:${created}`
 * (app.* events have no `data.id` and use `data.installationId`). When the object carries no id
 * at all (memberapp.updated is documented without a payload), the id part is
 * `sha256:<first 32 hex of the hash of JSON.stringify(data)>`, which is just as stable; so is an
 * id longer than MAX_ID_LENGTH, which stands as the hash of itself.
 */
export function deliveryIdentity(event: string, created: number, data: unknown): string {
  const objectId = ownString(data, traitsOf(event).identityField) ?? shortHash(JSON.stringify(data) ?? 'null');
  return `${event}:${objectId}:${created}`;
}

/** The PushPress customer an event is about (so its runs can be serialized), if there is one. */
export function customerIdOf(event: string, data: unknown): string | undefined {
  const field = traitsOf(event).customerField;
  return field === undefined ? undefined : ownString(data, field);
}
