import type { JsonObject, JsonValue, LocationDump } from '../../packages/sandbox/src/index.js';

/** Fields that differ from run to run whatever the engine does: generated ids and clocks. */
const VOLATILE = new Set(['id', 'locationId', 'contactId', 'dateAdded', 'dateUpdated', 'createdAt', 'updatedAt', 'lastStatusChangeAt', 'lastStageChangeAt']);

/**
 * The reconciliation marker a connector may put in a task's or note's body so it can find what
 * it created; it carries the effect key, which is the same in every run of one delivery, so it
 * is cut out only to compare bodies as people read them.
 */
const MARKER = /\s*\[flowline[^\]]*\]|\s*<!--\s*flowline[\s\S]*?-->|\s*flowline-(?:effect|key|marker)[:=]\S+/gi;

export function withoutMarker(text: string): string {
  return text.replace(MARKER, '').trim();
}

export interface ComparableItem {
  /** What identifies the item to a person: a contact by email, a task by title and body, ... */
  readonly key: string;
  readonly fields: JsonObject;
}

export interface ComparableContact {
  readonly key: string;
  readonly fields: JsonObject;
  readonly tasks: ComparableItem[];
  readonly notes: ComparableItem[];
  readonly appointments: ComparableItem[];
}

export interface ComparableState {
  readonly contacts: ComparableContact[];
  readonly opportunities: ComparableItem[];
  readonly tags: string[];
}

const byKey = <T extends { key: string }>(a: T, b: T): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

function normalise(value: JsonValue, contactKeys: ReadonlyMap<string, string>): JsonValue {
  if (typeof value === 'string') return contactKeys.get(value) ?? value;
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item, contactKeys));
    return items.every((item) => typeof item === 'string') ? [...(items as string[])].sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      if (VOLATILE.has(key)) continue;
      const field = value[key];
      if (field === undefined) continue;
      out[key] = key === 'body' && typeof field === 'string' ? withoutMarker(field) : normalise(field, contactKeys);
    }
    return out;
  }
  return value;
}

function contactKey(contact: JsonObject): string {
  const { email, phone, name, firstName, lastName } = contact;
  if (typeof email === 'string' && email !== '') return `email:${email.toLowerCase()}`;
  if (typeof phone === 'string' && phone !== '') return `phone:${phone}`;
  return `name:${String(name ?? `${String(firstName ?? '')} ${String(lastName ?? '')}`)}`;
}

function items(list: unknown, keyOf: (item: JsonObject) => string, contactKeys: ReadonlyMap<string, string>): ComparableItem[] {
  return ((list ?? []) as JsonObject[]).map((item) => ({ key: keyOf(item), fields: normalise(item, contactKeys) as JsonObject })).sort(byKey);
}

/**
 * A sandbox location as the crash test compares it: contacts by email (else phone), each with
 * its tasks (by title and body without the marker), notes (by body) and appointments (by
 * calendar and start time); opportunities by contact and name; generated ids and timestamps left
 * out, and ids of contacts replaced by the contacts' keys.
 */
export function comparableState(location: LocationDump): ComparableState {
  const contactKeys = new Map<string, string>();
  for (const contact of location.contacts) {
    if (typeof contact['id'] === 'string') contactKeys.set(contact['id'], contactKey(contact));
  }
  const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? withoutMarker(value) : '');
  const contacts = location.contacts
    .map((contact): ComparableContact => {
      const { tasks, notes, appointments, ...fields } = contact;
      return {
        key: contactKey(contact),
        fields: normalise(fields, contactKeys) as JsonObject,
        tasks: items(tasks, (task) => `${text(task['title'])} | ${text(task['body'])}`, contactKeys),
        notes: items(notes, (note) => text(note['body']), contactKeys),
        appointments: items(appointments, (appointment) => `${String(appointment['calendarId'])} @ ${String(appointment['startTime'])}`, contactKeys),
      };
    })
    .sort(byKey);
  const opportunities = items(location.opportunities, (o) => `${contactKeys.get(String(o['contactId'])) ?? String(o['contactId'])} | ${String(o['name'])}`, contactKeys);
  const tags = location.tags.map((tag) => String(tag['name'])).sort();
  return { contacts, opportunities, tags };
}

/**
 * What `state` holds more often than `reference` does (by key): contacts with the same email,
 * and per contact tasks, notes and appointments that are there more times than in the run
 * without crashes; a key that is repeated in the reference too (a flow that legitimately makes
 * two alike) is a duplicate only beyond that count.
 */
export function duplicatesBeyond(state: ComparableState, reference: ComparableState): string[] {
  const counts = (keys: readonly string[]): Map<string, number> => {
    const map = new Map<string, number>();
    for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
    return map;
  };
  const found: string[] = [];
  const compare = (what: string, mine: readonly string[], theirs: readonly string[]): void => {
    const reference = counts(theirs);
    for (const [key, count] of counts(mine)) {
      const allowed = reference.get(key) ?? 1;
      if (count > Math.max(1, allowed)) found.push(`${what} ${key}: ${count} (without crashes: ${reference.get(key) ?? 0})`);
    }
  };
  compare('contact', state.contacts.map((c) => c.key), reference.contacts.map((c) => c.key));
  const referenceByKey = new Map(reference.contacts.map((c) => [c.key, c]));
  for (const contact of state.contacts) {
    const other = referenceByKey.get(contact.key);
    for (const kind of ['tasks', 'notes', 'appointments'] as const) {
      compare(`${contact.key} ${kind.slice(0, -1)}`, contact[kind].map((item) => item.key), other ? other[kind].map((item) => item.key) : []);
    }
  }
  compare('opportunity', state.opportunities.map((o) => o.key), reference.opportunities.map((o) => o.key));
  return found;
}
