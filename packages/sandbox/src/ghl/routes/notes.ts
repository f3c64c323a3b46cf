import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import { requireContact } from '../model/contact-model.js';
import type { NoteRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['contacts.readonly'];
const WRITE = ['contacts.write'];

function requireNote(location: LocationState, contactId: string, noteId: string): NoteRecord {
  requireContact(location, contactId);
  const note = location.notes.get(noteId);
  if (note === undefined || note.contactId !== contactId) throw new GhlHttpError(404, `Note with id ${noteId} not found`);
  return note;
}

const NOTE_FIELDS = ['userId', 'body', 'title', 'color', 'pinned'] as const;

export const noteRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-all-notes',
    method: 'GET',
    path: '/contacts/{contactId}/notes',
    scopes: READ,
    handle: ({ location, params }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      return ok({ notes: [...location.notes.values()].filter((n) => n.contactId === contact.id).map((n) => cloneJson(n)) });
    },
  }),
  defineRoute({
    operationId: 'create-note',
    method: 'POST',
    path: '/contacts/{contactId}/notes',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const input = bodyObject(body);
      const note: NoteRecord = {
        id: store.newId(),
        contactId: contact.id,
        body: stringField(input, 'body') ?? '',
        dateAdded: store.timestamp(),
      };
      for (const key of NOTE_FIELDS) {
        const value = input[key];
        const raw: JsonObject = note;
        if (key !== 'body' && value !== undefined) raw[key] = value;
      }
      location.notes.set(note.id, note);
      return created({ note: cloneJson(note) });
    },
  }),
  defineRoute({
    operationId: 'get-note',
    method: 'GET',
    path: '/contacts/{contactId}/notes/{id}',
    scopes: READ,
    handle: ({ location, params }) => ok({ note: cloneJson(requireNote(location, params['contactId'] ?? '', params['id'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'update-note',
    method: 'PUT',
    path: '/contacts/{contactId}/notes/{id}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const note = requireNote(location, params['contactId'] ?? '', params['id'] ?? '');
      const input = bodyObject(body);
      for (const key of NOTE_FIELDS) {
        const value = input[key];
        const raw: JsonObject = note;
        if (value !== undefined) raw[key] = value;
      }
      return ok({ note: cloneJson(note) });
    },
  }),
  defineRoute({
    operationId: 'delete-note',
    method: 'DELETE',
    path: '/contacts/{contactId}/notes/{id}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const note = requireNote(location, params['contactId'] ?? '', params['id'] ?? '');
      location.notes.delete(note.id);
      return ok({ succeded: true });
    },
  }),
];
