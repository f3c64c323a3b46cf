import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import type { ContactRecord } from '../state/records.js';
import { emailKey, phoneKey } from './contact-model.js';

/**
 * The subset of GHL's advanced contact search (`POST /contacts/search`) the sandbox
 * understands: `query` (free text over name, email, phone), `filters` made of
 * `{ field, operator, value }` and `{ group: 'AND'|'OR', filters }`, `page` and `pageLimit`.
 * Operators: eq, not_eq, contains, not_contains, exists, not_exists.
 */
const OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists'] as const;
type Operator = (typeof OPERATORS)[number];

function fieldValues(contact: ContactRecord, field: string): string[] {
  if (field === 'email') return [emailKey(contact.email)].filter((x): x is string => x !== undefined);
  if (field === 'phone') return [phoneKey(contact.phone)].filter((x): x is string => x !== undefined);
  if (field === 'tags') return contact.tags;
  const v = contact[field];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [String(v).toLowerCase()];
  return [];
}

function normalizeValue(field: string, value: JsonValue | undefined): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map((v) => (field === 'phone' ? phoneKey(String(v)) ?? '' : String(v).toLowerCase()));
}

function evalFilter(contact: ContactRecord, filter: JsonObject, pointer: string): boolean {
  if (Array.isArray(filter['filters'])) {
    const group = filter['group'] === 'OR' ? 'OR' : 'AND';
    const parts = filter['filters'].map((f, i) => {
      if (!isJsonObject(f)) throw new GhlHttpError(422, [`${pointer}/filters/${i} must be an object`]);
      return evalFilter(contact, f, `${pointer}/filters/${i}`);
    });
    return group === 'OR' ? parts.some(Boolean) : parts.every(Boolean);
  }
  const field = filter['field'];
  const operator = filter['operator'];
  if (typeof field !== 'string') throw new GhlHttpError(422, [`${pointer}/field must be a string`]);
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
    throw new GhlHttpError(422, [`${pointer}/operator must be one of ${OPERATORS.join(', ')}`]);
  }
  const have = fieldValues(contact, field);
  const want = normalizeValue(field, filter['value']);
  switch (operator as Operator) {
    case 'exists':
      return have.length > 0;
    case 'not_exists':
      return have.length === 0;
    case 'eq':
      return want.some((w) => have.includes(w));
    case 'not_eq':
      return !want.some((w) => have.includes(w));
    case 'contains':
      return want.some((w) => have.some((h) => h.includes(w)));
    case 'not_contains':
      return !want.some((w) => have.some((h) => h.includes(w)));
  }
}

export function matchesQuery(contact: ContactRecord, query: string | undefined): boolean {
  if (query === undefined || query.trim() === '') return true;
  const q = query.trim().toLowerCase();
  const hay = [contact.name, contact.firstName, contact.lastName, contact.email, contact.phone, contact.companyName]
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.toLowerCase());
  const digits = phoneKey(q);
  return hay.some((h) => h.includes(q)) || (digits !== undefined && phoneKey(contact.phone)?.includes(digits) === true);
}

export function searchContacts(contacts: Iterable<ContactRecord>, body: JsonObject): { page: ContactRecord[]; total: number } {
  const filters = body['filters'];
  if (filters !== undefined && !Array.isArray(filters)) throw new GhlHttpError(422, ['filters must be an array']);
  const query = typeof body['query'] === 'string' ? body['query'] : undefined;
  const hits = [...contacts].filter(
    (c) =>
      matchesQuery(c, query) &&
      (filters ?? []).every((f, i) => {
        if (!isJsonObject(f)) throw new GhlHttpError(422, [`filters/${i} must be an object`]);
        return evalFilter(c, f, `filters/${i}`);
      }),
  );
  const pageLimit = typeof body['pageLimit'] === 'number' && body['pageLimit'] > 0 ? Math.min(body['pageLimit'], 500) : 20;
  const page = typeof body['page'] === 'number' && body['page'] >= 1 ? Math.floor(body['page']) : 1;
  return { page: hits.slice((page - 1) * pageLimit, page * pageLimit), total: hits.length };
}
