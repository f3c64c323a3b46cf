import { createHash } from 'node:crypto';
import { isPushPressEventName, PUSHPRESS_EVENTS, type PushPressEventTraits } from './events.js';

const DEFAULT_TRAITS: PushPressEventTraits = { identityField: 'id' };

function traitsOf(event: string): PushPressEventTraits {
  return isPushPressEventName(event) ? PUSHPRESS_EVENTS[event] : DEFAULT_TRAITS;
}

function ownString(data: unknown, field: string): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if (!Object.hasOwn(data, field)) return undefined;
  const value: unknown = (data as Record<string, unknown>)[field];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The identity of a delivery, stable across PushPress's retries: `${event}:${data.id}:${created}`
 * (app.* events have no `data.id` and use `data.installationId`). When the object carries no id
 * at all (memberapp.updated is documented without a payload), the id part is
 * `sha256:<first 32 hex of the hash of JSON.stringify(data)>`, which is just as stable.
 */
export function deliveryIdentity(event: string, created: number, data: unknown): string {
  const objectId =
    ownString(data, traitsOf(event).identityField) ??
    `sha256:${createHash('sha256').update(JSON.stringify(data) ?? 'null', 'utf8').digest('hex').slice(0, 32)}`;
  return `${event}:${objectId}:${created}`;
}

/** The PushPress customer an event is about (so its runs can be serialized), if there is one. */
export function customerIdOf(event: string, data: unknown): string | undefined {
  const field = traitsOf(event).customerField;
  return field === undefined ? undefined : ownString(data, field);
}
