import type { JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject } from '../model/body.js';
import { normalizeTags, requireContact } from '../model/contact-model.js';
import type { SandboxStore } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const FIREBASE_ID = /^[A-Za-z0-9_-]{20}$/;

/** The per-contact answer of a bulk tag update for an id that is not one of this location's contacts (messages as in UpdateTagsResponseDTO's example). */
function refusal(store: SandboxStore, locationId: string, contactId: string): JsonObject {
  if (!FIREBASE_ID.test(contactId) && ![...store.locations.values()].some((l) => l.contacts.has(contactId))) {
    return { contactId, message: 'contact id is not a valid firebase id', type: 'error' };
  }
  const elsewhere = [...store.locations.values()].some((l) => l.id !== locationId && l.contacts.has(contactId));
  return { contactId, message: elsewhere ? 'contact does not belong to location' : 'contact not found', type: 'error' };
}

export const contactBulkRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'add-remove-contact-from-business',
    method: 'POST',
    path: '/contacts/bulk/business',
    scopes: [],
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const ids = strings(input['ids']);
      const businessId = input['businessId'];
      const at = store.timestamp();
      // One unknown contact refuses the request (400); the contacts changed before it are put back.
      for (const id of ids) {
        const contact = requireContact(location, id, 400);
        if (typeof businessId === 'string') contact.businessId = businessId;
        else delete contact.businessId;
        contact.dateUpdated = at;
      }
      return ok({ success: true, ids });
    },
  }),
  defineRoute({
    operationId: 'create-association',
    method: 'POST',
    path: '/contacts/bulk/tags/update/{type}',
    scopes: [],
    handle: ({ store, location, params, body }) => {
      const type = params['type'];
      if (type !== 'add' && type !== 'remove') throw new GhlHttpError(422, ['type must be one of the following values: add, remove']);
      const input = bodyObject(body);
      if (input['removeAllTags'] === true && type !== 'remove') throw new GhlHttpError(422, ['removeAllTags can only be used with the remove type']);
      const tags = normalizeTags(strings(input['tags']));
      const at = store.timestamp();
      const responses = strings(input['contacts']).map((contactId): JsonObject => {
        const contact = location.contacts.get(contactId);
        if (contact === undefined) return refusal(store, location.id, contactId);
        const oldTags = [...contact.tags];
        if (type === 'add') contact.tags = normalizeTags([...contact.tags, ...tags]);
        else contact.tags = input['removeAllTags'] === true ? [] : contact.tags.filter((t) => !tags.includes(t));
        contact.dateUpdated = at;
        store.ensureTags(location, contact.tags);
        return {
          contactId,
          message: 'Tags updated',
          type: 'success',
          oldTags,
          tagsAdded: contact.tags.filter((t) => !oldTags.includes(t)),
          tagsRemoved: oldTags.filter((t) => !contact.tags.includes(t)),
        };
      });
      const errorCount = responses.filter((r) => r['type'] === 'error').length;
      return created({ succeded: errorCount === 0, errorCount, responses });
    },
  }),
];
