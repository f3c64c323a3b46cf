import { cloneJson } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import type { CalendarGroupRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['calendars/groups.readonly'];
const WRITE = ['calendars/groups.write'];

function requireGroup(location: LocationState, groupId: string): CalendarGroupRecord {
  const group = location.calendarGroups.get(groupId);
  if (group === undefined) throw new GhlHttpError(404, `Calendar group with id ${groupId} not found`);
  return group;
}

const slugTaken = (location: LocationState, slug: string, exceptId?: string): boolean =>
  [...location.calendarGroups.values()].some((g) => g.id !== exceptId && g.slug.toLowerCase() === slug.toLowerCase());

/** A group's slug is its booking URL, so one per location (validate-groups-slug asks exactly this). */
function assertSlugFree(location: LocationState, slug: string, exceptId?: string): void {
  if (slugTaken(location, slug, exceptId)) throw new GhlHttpError(400, `Group slug ${slug} is already taken`);
}

export const calendarGroupRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-groups',
    method: 'GET',
    path: '/calendars/groups',
    scopes: READ,
    handle: ({ location }) => ok({ groups: [...location.calendarGroups.values()].map((g) => cloneJson(g)) }),
  }),
  defineRoute({
    operationId: 'create-calendar-group',
    method: 'POST',
    path: '/calendars/groups',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const slug = stringField(input, 'slug') ?? '';
      assertSlugFree(location, slug);
      const group: CalendarGroupRecord = {
        id: store.newId(),
        locationId: location.id,
        name: stringField(input, 'name') ?? '',
        description: stringField(input, 'description') ?? '',
        slug,
        isActive: input['isActive'] !== false,
      };
      location.calendarGroups.set(group.id, group);
      return created({ group: cloneJson(group) });
    },
  }),
  defineRoute({
    operationId: 'validate-groups-slug',
    method: 'POST',
    path: '/calendars/groups/validate-slug',
    scopes: WRITE,
    handle: ({ location, body }) => ok({ available: !slugTaken(location, stringField(bodyObject(body), 'slug') ?? '') }),
  }),
  defineRoute({
    operationId: 'edit-group',
    method: 'PUT',
    path: '/calendars/groups/{groupId}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const group = requireGroup(location, params['groupId'] ?? '');
      const input = bodyObject(body);
      const slug = stringField(input, 'slug') ?? group.slug;
      assertSlugFree(location, slug, group.id);
      group.name = stringField(input, 'name') ?? group.name;
      group.description = stringField(input, 'description') ?? group.description;
      group.slug = slug;
      return ok({ group: cloneJson(group) });
    },
  }),
  defineRoute({
    operationId: 'disable-group',
    method: 'PUT',
    path: '/calendars/groups/{groupId}/status',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const group = requireGroup(location, params['groupId'] ?? '');
      group.isActive = bodyObject(body)['isActive'] === true;
      return ok({ success: true });
    },
  }),
  defineRoute({
    operationId: 'delete-group',
    method: 'DELETE',
    path: '/calendars/groups/{groupId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const group = requireGroup(location, params['groupId'] ?? '');
      location.calendarGroups.delete(group.id);
      // Its calendars stay, outside any group.
      for (const c of location.calendars.values()) if (c.groupId === group.id) delete c.groupId;
      return ok({ success: true });
    },
  }),
];
