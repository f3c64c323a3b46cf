import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, queryString, stringField } from '../model/body.js';
import {
  applyContactFields,
  createContactRecord,
  deleteContactRecord,
  duplicateRejected,
  findDuplicate,
  normalizeTags,
  requireContact,
} from '../model/contact-model.js';
import { matchesQuery, searchContacts } from '../model/contact-search.js';
import type { ContactRecord } from '../state/records.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['contacts.readonly'];
const WRITE = ['contacts.write'];

const view = (c: ContactRecord): JsonObject => cloneJson(c);

export const contactRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'create-contact',
    method: 'POST',
    path: '/contacts/',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      if (!location.settings.allowDuplicateContact) {
        const dup = findDuplicate(location, { email: stringField(input, 'email'), phone: stringField(input, 'phone') });
        if (dup !== undefined) throw duplicateRejected(dup);
      }
      return created({ contact: view(createContactRecord(store, location, input)) });
    },
  }),
  defineRoute({
    operationId: 'get-contacts',
    method: 'GET',
    path: '/contacts/',
    scopes: READ,
    handle: ({ location, query }) => {
      const limit = Math.min(queryInt(query, 'limit', 20), 100);
      const all = [...location.contacts.values()].filter((c) => matchesQuery(c, queryString(query, 'query')));
      const after = queryString(query, 'startAfterId');
      const start = after === undefined ? 0 : all.findIndex((c) => c.id === after) + 1;
      return ok({ contacts: all.slice(start, start + limit).map(view), count: all.length });
    },
  }),
  defineRoute({
    operationId: 'get-contact',
    method: 'GET',
    path: '/contacts/{contactId}',
    scopes: READ,
    handle: ({ location, params }) => ok({ contact: view(requireContact(location, params['contactId'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'update-contact',
    method: 'PUT',
    path: '/contacts/{contactId}',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const input = bodyObject(body);
      if (!location.settings.allowDuplicateContact) {
        const dup = findDuplicate(
          location,
          { email: stringField(input, 'email'), phone: stringField(input, 'phone') },
          contact.id,
        );
        if (dup !== undefined) throw duplicateRejected(dup);
      }
      applyContactFields(contact, input, store.timestamp());
      store.ensureTags(location, contact.tags);
      return ok({ succeded: true, contact: view(contact) });
    },
  }),
  defineRoute({
    operationId: 'delete-contact',
    method: 'DELETE',
    path: '/contacts/{contactId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      deleteContactRecord(location, contact.id);
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'upsert-contact',
    method: 'POST',
    path: '/contacts/upsert',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const email = stringField(input, 'email');
      const phone = stringField(input, 'phone');
      const traceId = store.newId();
      const createNew = input['createNewIfDuplicateAllowed'] === true && location.settings.allowDuplicateContact;
      // Without email or phone nothing can match, so the upsert creates a contact.
      const match = createNew ? undefined : findDuplicate(location, { email, phone });
      if (match === undefined) {
        return ok({ new: true, contact: view(createContactRecord(store, location, input)), traceId });
      }
      // A second field that belongs to another contact is ignored rather than duplicated (contacts.json, upsert).
      const skip = new Set<string>();
      if (!location.settings.allowDuplicateContact) {
        const other = findDuplicate(location, { email, phone }, match.contact.id);
        if (other !== undefined) skip.add(other.field);
      }
      applyContactFields(match.contact, input, store.timestamp(), skip);
      store.ensureTags(location, match.contact.tags);
      return ok({ new: false, contact: view(match.contact), traceId });
    },
  }),
  defineRoute({
    operationId: 'search-contacts-advanced',
    method: 'POST',
    path: '/contacts/search',
    scopes: READ,
    handle: ({ location, body }) => {
      const input = bodyObject(body);
      if (typeof input['locationId'] !== 'string') throw new GhlHttpError(422, ['locationId must be a string']);
      const { page, total } = searchContacts(location.contacts.values(), input);
      return ok({ contacts: page.map(view), total });
    },
  }),
  defineRoute({
    operationId: 'get-duplicate-contact',
    method: 'GET',
    path: '/contacts/search/duplicate',
    scopes: READ,
    handle: ({ location, query }) => {
      const match = findDuplicate(location, { email: queryString(query, 'email'), phone: queryString(query, 'number') });
      return ok({ contact: match === undefined ? null : view(match.contact) });
    },
  }),
  defineRoute({
    operationId: 'get-contacts-by-businessId',
    method: 'GET',
    path: '/contacts/business/{businessId}',
    scopes: READ,
    handle: ({ location, params, query }) => {
      const hits = [...location.contacts.values()].filter(
        (c) => c.businessId === params['businessId'] && matchesQuery(c, queryString(query, 'query')),
      );
      const skip = queryInt(query, 'skip', 0);
      const limit = queryInt(query, 'limit', 25);
      return ok({ contacts: hits.slice(skip, skip + limit).map(view), count: hits.length });
    },
  }),
  defineRoute({
    operationId: 'add-tags',
    method: 'POST',
    path: '/contacts/{contactId}/tags',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const tags = bodyObject(body)['tags'];
      const add = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
      contact.tags = normalizeTags([...contact.tags, ...add]);
      contact.dateUpdated = store.timestamp();
      store.ensureTags(location, contact.tags);
      return created({ tags: [...contact.tags] });
    },
  }),
  defineRoute({
    operationId: 'remove-tags',
    method: 'DELETE',
    path: '/contacts/{contactId}/tags',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const tags = bodyObject(body)['tags'];
      const remove = new Set(normalizeTags(Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []));
      contact.tags = contact.tags.filter((t) => !remove.has(t));
      contact.dateUpdated = store.timestamp();
      return ok({ tags: [...contact.tags] });
    },
  }),
];
