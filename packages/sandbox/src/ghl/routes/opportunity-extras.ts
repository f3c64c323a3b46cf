import { cloneJson, isJsonObject, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, queryString } from '../model/body.js';
import { appointmentEventView } from '../model/calendar-events.js';
import { addFollowers, followerIds, removeFollowers } from '../model/followers.js';
import type { OpportunityRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';
import { opportunityView, requireOpportunity } from './opportunities.js';

const READ = ['opportunities.readonly'];
const WRITE = ['opportunities.write'];

/** Free text over the opportunity's name and its contact's name, email and phone. */
function matches(o: OpportunityRecord, location: LocationState, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (q === '') return true;
  const contact = o.contactId === undefined ? undefined : location.contacts.get(o.contactId);
  return [o.name, contact?.name, contact?.email, contact?.phone].some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
}

/** AdditionalDetailsDTO: the contact's notes, tasks and calendar events on each hit, when asked for. */
function withDetails(o: OpportunityRecord, location: LocationState, details: JsonObject): JsonObject {
  const view = opportunityView(o, location);
  const of = <T extends { contactId: string }>(map: Map<string, T>): T[] => [...map.values()].filter((r) => r.contactId === o.contactId);
  if (details['notes'] === true) view['notes'] = of(location.notes).map((n) => cloneJson(n));
  if (details['tasks'] === true) view['tasks'] = of(location.tasks).map((t) => cloneJson(t));
  if (details['calendarEvents'] === true) view['calendarEvents'] = of(location.appointments).map((a) => appointmentEventView(a, location));
  return view;
}

export const opportunityExtraRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'add-followers-opportunity',
    method: 'POST',
    path: '/opportunities/{id}/followers',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const o = requireOpportunity(location, params['id'] ?? '');
      const answer = addFollowers(o.followers, followerIds(location, bodyObject(body)['followers']));
      o.followers = answer.followers;
      o.updatedAt = store.timestamp();
      return created(answer);
    },
  }),
  defineRoute({
    operationId: 'remove-followers-opportunity',
    method: 'DELETE',
    path: '/opportunities/{id}/followers',
    scopes: WRITE,
    handle: ({ store, location, params, query, body }) => {
      const o = requireOpportunity(location, params['id'] ?? '');
      const unwanted = queryString(query, 'isRemoveAllFollowers') === 'true' ? o.followers : followerIds(location, bodyObject(body)['followers']);
      const answer = removeFollowers(o.followers, unwanted);
      o.followers = answer.followers;
      o.updatedAt = store.timestamp();
      return ok(answer);
    },
  }),
  defineRoute({
    operationId: 'get-lost-reason',
    method: 'GET',
    path: '/opportunities/lost-reason',
    scopes: READ,
    handle: ({ location, query }) => {
      const deleted = queryString(query, 'deleted') === 'true';
      const name = queryString(query, 'name')?.toLowerCase();
      const text = queryString(query, 'query')?.toLowerCase();
      const hits = [...location.lostReasons.values()].filter(
        (r) => r.deleted === deleted && (name === undefined || r.name.toLowerCase() === name) && (text === undefined || r.name.toLowerCase().includes(text)),
      );
      const skip = queryInt(query, 'skip', 0);
      const page = hits.slice(skip, skip + queryInt(query, 'limit', 100)).map(({ deleted: _deleted, ...r }) => cloneJson(r));
      return ok({ lostReasons: page, total: hits.length });
    },
  }),
  defineRoute({
    operationId: 'search-opportunities-advanced',
    method: 'POST',
    path: '/opportunities/search',
    scopes: READ,
    handle: ({ location, body }) => {
      const input = bodyObject(body);
      const limit = typeof input['limit'] === 'number' && input['limit'] > 0 ? Math.min(input['limit'], 500) : 20;
      const page = typeof input['page'] === 'number' && input['page'] >= 1 ? Math.floor(input['page']) : 1;
      const hits = [...location.opportunities.values()].filter((o) => matches(o, location, typeof input['query'] === 'string' ? input['query'] : ''));
      // searchAfter (a cursor: the last hit's id, as the sandbox orders by creation) wins over page.
      const after = Array.isArray(input['searchAfter']) ? input['searchAfter'].filter((v): v is string => typeof v === 'string') : [];
      const cursor = after.length === 0 ? -1 : hits.findIndex((o) => after.includes(o.id));
      if (after.length > 0 && cursor < 0 && after.some((id) => location.opportunities.has(id))) throw new GhlHttpError(400, 'searchAfter names an opportunity outside the results');
      const start = cursor >= 0 ? cursor + 1 : (page - 1) * limit;
      const details = isJsonObject(input['additionalDetails']) ? input['additionalDetails'] : {};
      return ok({ opportunities: hits.slice(start, start + limit).map((o) => withDetails(o, location, details)), total: hits.length, aggregations: {} });
    },
  }),
];
