import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, stringField } from '../model/body.js';
import { requireCalendar } from '../model/calendar-model.js';
import type { CalendarResourceRecord, ResourceType } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['calendars/resources.readonly'];
const WRITE = ['calendars/resources.write'];

/** A resource of the path's type (a room is not found under /equipments). */
function requireResource(location: LocationState, resourceType: string, id: string): CalendarResourceRecord {
  const resource = location.calendarResources.get(id);
  if (resource === undefined || resource.resourceType !== resourceType) throw new GhlHttpError(404, `Calendar resource (${resourceType}) with id ${id} not found`);
  return resource;
}

function calendarIdsOf(location: LocationState, value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = value.filter((v): v is string => typeof v === 'string');
  for (const id of ids) requireCalendar(location, id, 400);
  return [...new Set(ids)];
}

/**
 * CalendarResourceByIdResponseDTO. GHL's DTO leaves the id out, but the next call has to name the
 * resource: the answer carries it as `id`, as GHL's other calendar DTOs do.
 */
const view = (r: CalendarResourceRecord): JsonObject => cloneJson(r);

/** CalendarResourceResponseDTO (what an update answers): the same without calendarIds. */
function updatedView(r: CalendarResourceRecord): JsonObject {
  const { calendarIds: _ids, ...rest } = view(r);
  return rest;
}

const NUMBERS = ['quantity', 'outOfService', 'capacity'] as const;

export const calendarResourceRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'fetch-calendar-resources',
    method: 'GET',
    path: '/calendars/resources/{resourceType}',
    scopes: READ,
    handle: ({ location, params, query }) => {
      const all = [...location.calendarResources.values()].filter((r) => r.resourceType === params['resourceType']);
      const skip = queryInt(query, 'skip', 0);
      return ok(all.slice(skip, skip + queryInt(query, 'limit', 100)).map(view));
    },
  }),
  defineRoute({
    operationId: 'create-calendar-resource',
    method: 'POST',
    path: '/calendars/resources/{resourceType}',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const input = bodyObject(body);
      const resource: CalendarResourceRecord = {
        id: store.newId(),
        locationId: location.id,
        resourceType: params['resourceType'] as ResourceType,
        name: stringField(input, 'name') ?? '',
        description: stringField(input, 'description') ?? '',
        quantity: 1,
        outOfService: 0,
        capacity: 1,
        calendarIds: calendarIdsOf(location, input['calendarIds']) ?? [],
        isActive: true,
      };
      for (const key of NUMBERS) if (typeof input[key] === 'number') resource[key] = input[key];
      if (resource.outOfService > resource.quantity) throw new GhlHttpError(422, ['outOfService must not be more than quantity']);
      location.calendarResources.set(resource.id, resource);
      return created(view(resource));
    },
  }),
  defineRoute({
    operationId: 'get-calendar-resource',
    method: 'GET',
    path: '/calendars/resources/{resourceType}/{id}',
    scopes: READ,
    handle: ({ location, params }) => ok(view(requireResource(location, params['resourceType'] ?? '', params['id'] ?? ''))),
  }),
  defineRoute({
    operationId: 'update-calendar-resource',
    method: 'PUT',
    path: '/calendars/resources/{resourceType}/{id}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const resource = requireResource(location, params['resourceType'] ?? '', params['id'] ?? '');
      const input = bodyObject(body);
      const calendarIds = calendarIdsOf(location, input['calendarIds']);
      if (calendarIds !== undefined) resource.calendarIds = calendarIds;
      for (const key of ['name', 'description'] as const) {
        const v = stringField(input, key);
        if (v !== undefined) resource[key] = v;
      }
      for (const key of NUMBERS) if (typeof input[key] === 'number') resource[key] = input[key];
      if (typeof input['isActive'] === 'boolean') resource.isActive = input['isActive'];
      if (resource.outOfService > resource.quantity) throw new GhlHttpError(422, ['outOfService must not be more than quantity']);
      return ok(updatedView(resource));
    },
  }),
  defineRoute({
    operationId: 'delete-calendar-resource',
    method: 'DELETE',
    path: '/calendars/resources/{resourceType}/{id}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const resource = requireResource(location, params['resourceType'] ?? '', params['id'] ?? '');
      location.calendarResources.delete(resource.id);
      return ok({ success: true });
    },
  }),
];
