import { cloneJson } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryString, stringField } from '../model/body.js';
import type { CustomFieldRecord, LocationTagRecord } from '../state/records.js';
import { fieldKey } from '../state/build-location.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

function requireTag(location: LocationState, tagId: string): LocationTagRecord {
  const tag = location.tags.get(tagId);
  if (tag === undefined) throw new GhlHttpError(404, `Tag with id ${tagId} not found`);
  return tag;
}

function requireField(location: LocationState, id: string): CustomFieldRecord {
  const field = location.customFields.get(id);
  if (field === undefined) throw new GhlHttpError(404, `Custom field with id ${id} not found`);
  return field;
}

function assertTagNameFree(location: LocationState, name: string, exceptId?: string): void {
  const clash = [...location.tags.values()].find((t) => t.id !== exceptId && t.name.toLowerCase() === name.trim().toLowerCase());
  if (clash !== undefined) throw new GhlHttpError(400, `Tag "${name}" already exists`, { meta: { tagId: clash.id } });
}


export const locationRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-location-tags',
    method: 'GET',
    path: '/locations/{locationId}/tags',
    scopes: ['locations/tags.readonly'],
    handle: ({ location }) => ok({ tags: [...location.tags.values()].map((t) => cloneJson(t)) }),
  }),
  defineRoute({
    operationId: 'create-tag',
    method: 'POST',
    path: '/locations/{locationId}/tags',
    scopes: ['locations/tags.write'],
    handle: ({ store, location, body }) => {
      const name = (stringField(bodyObject(body), 'name') ?? '').trim();
      assertTagNameFree(location, name);
      const tag: LocationTagRecord = { id: store.newId(), locationId: location.id, name };
      location.tags.set(tag.id, tag);
      return ok({ tag: cloneJson(tag) });
    },
  }),
  defineRoute({
    operationId: 'get-tag-by-id',
    method: 'GET',
    path: '/locations/{locationId}/tags/{tagId}',
    scopes: [],
    handle: ({ location, params }) => ok({ tag: cloneJson(requireTag(location, params['tagId'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'update-tag',
    method: 'PUT',
    path: '/locations/{locationId}/tags/{tagId}',
    scopes: [],
    handle: ({ location, params, body }) => {
      const tag = requireTag(location, params['tagId'] ?? '');
      const name = (stringField(bodyObject(body), 'name') ?? '').trim();
      assertTagNameFree(location, name, tag.id);
      tag.name = name;
      return ok({ tag: cloneJson(tag) });
    },
  }),
  defineRoute({
    operationId: 'delete-tag',
    method: 'DELETE',
    path: '/locations/{locationId}/tags/{tagId}',
    scopes: [],
    handle: ({ location, params }) => {
      const tag = requireTag(location, params['tagId'] ?? '');
      location.tags.delete(tag.id);
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'get-custom-fields',
    method: 'GET',
    path: '/locations/{locationId}/customFields',
    scopes: ['locations/customFields.readonly'],
    handle: ({ location, query }) => {
      const model = queryString(query, 'model');
      const fields = [...location.customFields.values()].filter((f) => model === undefined || model === 'all' || f.model === model);
      return ok({ customFields: fields.map((f) => cloneJson(f)) });
    },
  }),
  defineRoute({
    operationId: 'create-custom-field',
    method: 'POST',
    path: '/locations/{locationId}/customFields',
    scopes: ['locations/customFields.write'],
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const name = stringField(input, 'name') ?? '';
      const model = input['model'] === 'opportunity' ? 'opportunity' : 'contact';
      const key = fieldKey(model, name);
      if ([...location.customFields.values()].some((f) => f.fieldKey === key)) {
        throw new GhlHttpError(400, `A custom field with key ${key} already exists`);
      }
      const field: CustomFieldRecord = {
        id: store.newId(),
        locationId: location.id,
        name,
        fieldKey: key,
        dataType: stringField(input, 'dataType') ?? 'TEXT',
        model,
        position: typeof input['position'] === 'number' ? input['position'] : 0,
        ...(stringField(input, 'placeholder') === undefined ? {} : { placeholder: stringField(input, 'placeholder') }),
      };
      location.customFields.set(field.id, field);
      return created({ customField: cloneJson(field) });
    },
  }),
  defineRoute({
    operationId: 'get-custom-field',
    method: 'GET',
    path: '/locations/{locationId}/customFields/{id}',
    scopes: [],
    handle: ({ location, params }) => ok({ customField: cloneJson(requireField(location, params['id'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'update-custom-field',
    method: 'PUT',
    path: '/locations/{locationId}/customFields/{id}',
    scopes: [],
    handle: ({ location, params, body }) => {
      const field = requireField(location, params['id'] ?? '');
      const input = bodyObject(body);
      const name = stringField(input, 'name');
      if (name !== undefined) field.name = name;
      const placeholder = stringField(input, 'placeholder');
      if (placeholder !== undefined) field.placeholder = placeholder;
      if (typeof input['position'] === 'number') field.position = input['position'];
      return ok({ customField: cloneJson(field) });
    },
  }),
  defineRoute({
    operationId: 'delete-custom-field',
    method: 'DELETE',
    path: '/locations/{locationId}/customFields/{id}',
    scopes: [],
    handle: ({ location, params }) => {
      const field = requireField(location, params['id'] ?? '');
      location.customFields.delete(field.id);
      return ok({ succeded: true });
    },
  }),
];
