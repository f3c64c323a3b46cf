import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import type { ContactRecord, DuplicateField } from '../state/records.js';
import type { LocationState, SandboxStore } from '../state/store.js';

/** Contact fields a create/update/upsert body may set (CreateContactDto, UpdateContactDto, UpsertContactDto). */
const WRITABLE_FIELDS = [
  'firstName', 'lastName', 'name', 'email', 'gender', 'phone', 'address1', 'city', 'state', 'postalCode',
  'website', 'timezone', 'dnd', 'dndSettings', 'inboundDndSettings', 'source', 'dateOfBirth', 'country',
  'companyName', 'assignedTo',
] as const;

/** GHL stores tags trimmed and lower-cased, once each. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim().toLowerCase();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Phone numbers compare by their digits, so `+1 (555) 010-0001` and `+15550100001` are one number. */
export function phoneKey(phone: string | null | undefined): string | undefined {
  if (typeof phone !== 'string') return undefined;
  const digits = phone.replace(/\D/g, '');
  return digits === '' ? undefined : digits;
}

export function emailKey(email: string | null | undefined): string | undefined {
  if (typeof email !== 'string') return undefined;
  const e = email.trim().toLowerCase();
  return e === '' ? undefined : e;
}

function matches(contact: ContactRecord, field: DuplicateField, value: string): boolean {
  return field === 'email' ? emailKey(contact.email) === value : phoneKey(contact.phone) === value;
}

export interface DuplicateMatch {
  readonly contact: ContactRecord;
  readonly field: DuplicateField;
}

/**
 * The existing contact that `candidate` duplicates, looking at fields in the location's
 * priority order (email, then phone, by default); the first field that matches wins.
 */
export function findDuplicate(
  location: LocationState,
  candidate: { email?: string | null | undefined; phone?: string | null | undefined },
  exceptId?: string,
): DuplicateMatch | undefined {
  for (const field of location.settings.duplicateSearchOrder) {
    const value = field === 'email' ? emailKey(candidate.email) : phoneKey(candidate.phone);
    if (value === undefined) continue;
    for (const contact of location.contacts.values()) {
      if (contact.id !== exceptId && matches(contact, field, value)) return { contact, field };
    }
  }
  return undefined;
}

export function duplicateRejected(match: DuplicateMatch): GhlHttpError {
  return new GhlHttpError(400, 'This location does not allow duplicated contacts.', {
    meta: { contactName: match.contact.name ?? null, contactId: match.contact.id, matchingField: match.field },
  });
}

function mergeCustomFields(existing: readonly JsonValue[], input: JsonValue | undefined): JsonValue[] {
  if (!Array.isArray(input)) return [...existing];
  const byId = new Map<string, JsonObject>();
  for (const f of existing) if (isJsonObject(f) && typeof f['id'] === 'string') byId.set(f['id'], f);
  for (const f of input) {
    if (!isJsonObject(f)) continue;
    const id = typeof f['id'] === 'string' ? f['id'] : typeof f['key'] === 'string' ? f['key'] : undefined;
    if (id === undefined) continue;
    byId.set(id, { id, value: f['field_value'] ?? f['value'] ?? null });
  }
  return [...byId.values()];
}

/** Applies writable fields of a body to a contact (skipping `skip`) and refreshes derived fields. */
export function applyContactFields(
  contact: ContactRecord,
  body: JsonObject,
  at: string,
  skip: ReadonlySet<string> = new Set(),
): void {
  for (const key of WRITABLE_FIELDS) {
    if (skip.has(key) || !(key in body)) continue;
    const value = body[key];
    if (value === undefined) continue;
    // Written through the record's JSON view: the body was checked against the contact DTO schema.
    const raw: JsonObject = contact;
    raw[key] = key === 'email' && typeof value === 'string' ? value.trim().toLowerCase() : value;
  }
  if (Array.isArray(body['tags'])) {
    contact.tags = normalizeTags(body['tags'].filter((t): t is string => typeof t === 'string'));
  }
  contact.customFields = mergeCustomFields(contact.customFields, body['customFields']);
  if (!('name' in body) || body['name'] === null || body['name'] === undefined) {
    const full = [contact.firstName, contact.lastName].filter((x) => typeof x === 'string' && x !== '').join(' ');
    if (full !== '') contact.name = full;
  }
  contact.firstNameLowerCase = typeof contact.firstName === 'string' ? contact.firstName.toLowerCase() : undefined;
  contact.lastNameLowerCase = typeof contact.lastName === 'string' ? contact.lastName.toLowerCase() : undefined;
  contact.fullNameLowerCase = typeof contact.name === 'string' ? contact.name.toLowerCase() : undefined;
  contact.emailLowerCase = emailKey(contact.email);
  contact.dateUpdated = at;
}

export function createContactRecord(store: SandboxStore, location: LocationState, body: JsonObject): ContactRecord {
  const at = store.timestamp();
  const contact: ContactRecord = {
    id: store.newId(),
    locationId: location.id,
    type: 'lead',
    tags: [],
    customFields: [],
    dateAdded: at,
    dateUpdated: at,
  };
  applyContactFields(contact, body, at);
  location.contacts.set(contact.id, contact);
  store.ensureTags(location, contact.tags);
  return contact;
}

/** The contact, or GHL's answer for an unknown one: 404 for a path id, 400 when a body refers to it. */
export function requireContact(location: LocationState, contactId: string, status: 400 | 404 = 404): ContactRecord {
  const contact = location.contacts.get(contactId);
  if (contact === undefined) throw new GhlHttpError(status, `Contact with id ${contactId} not found`);
  return contact;
}

/** Removes a contact and everything hanging off it. */
export function deleteContactRecord(location: LocationState, contactId: string): void {
  location.contacts.delete(contactId);
  for (const map of [location.tasks, location.notes, location.appointments, location.appointmentNotes, location.enrollments] as const) {
    for (const [id, rec] of map) if (rec.contactId === contactId) map.delete(id);
  }
}
