import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, queryString, stringField } from '../model/body.js';
import { emailKey } from '../model/contact-model.js';
import type { UserRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['users.readonly'];
const WRITE = ['users.write'];

/**
 * UserSchema / UserSuccessfulResponseDto. GHL's documents type `scopes` as one string, while
 * CreateUserDto takes a list: the sandbox keeps the list and leaves it out of answers rather than
 * guess a form no document shows.
 */
export function userView(u: UserRecord): JsonObject {
  const { scopes: _scopes, scopesAssignedToOnly: _only, ...rest } = cloneJson(u);
  return rest;
}

/** A user that is not deleted; GHL's delete is a soft delete, after which the user is not found. */
function requireUser(location: LocationState, userId: string): UserRecord {
  const user = location.users.get(userId);
  if (user === undefined || user.deleted) throw new GhlHttpError(404, `User with id ${userId} not found`);
  return user;
}

function checkCompany(location: LocationState, companyId: string | undefined): void {
  if (companyId !== undefined && companyId !== location.companyId) {
    throw new GhlHttpError(403, `The token does not have access to company ${companyId}`);
  }
}

/** A user's locations are the token's: the sandbox keeps users per location. */
function checkLocations(location: LocationState, value: unknown): void {
  const ids = Array.isArray(value) ? value : [];
  const other = ids.find((id) => id !== location.id);
  if (other !== undefined) throw new GhlHttpError(403, `The token does not have access to location ${String(other)}`);
}

function assertEmailFree(location: LocationState, email: string, exceptId?: string): void {
  const key = emailKey(email);
  const clash = [...location.users.values()].find((u) => !u.deleted && u.id !== exceptId && emailKey(u.email) === key);
  if (clash !== undefined) throw new GhlHttpError(400, `A user with email ${email} already exists`, { meta: { userId: clash.id } });
}

/** Members of CreateUserDto / UpdateUserDto kept as sent (the password is not kept). */
const KEPT = ['phone', 'permissions', 'scopes', 'scopesAssignedToOnly', 'profilePhoto', 'platformLanguage'] as const;

function applyUserFields(user: UserRecord, input: JsonObject): void {
  for (const key of ['firstName', 'lastName'] as const) {
    const v = stringField(input, key);
    if (v !== undefined) user[key] = v;
  }
  const email = stringField(input, 'email');
  if (email !== undefined) user.email = email.trim().toLowerCase();
  const raw: JsonObject = user;
  for (const key of KEPT) if (input[key] !== undefined) raw[key] = cloneJson(input[key]);
  if (input['twilioPhone'] !== undefined) raw['lcPhone'] = cloneJson(input['twilioPhone']);
  const type = stringField(input, 'type');
  const role = stringField(input, 'role');
  if (type !== undefined) user.roles.type = type;
  if (role !== undefined) user.roles.role = role;
  user.name = `${user.firstName} ${user.lastName}`.trim();
}

/** FilterByEmailDto's projection: only id and email by default, every member for "all", else the members it names. */
function project(user: UserRecord, projection: string | undefined): JsonObject {
  const full = userView(user);
  if (projection === 'all') return full;
  const wanted = new Set(['id', 'email', ...(projection === undefined ? [] : projection.split(',').map((p) => p.trim()))]);
  return Object.fromEntries(Object.entries(full).filter(([key]) => wanted.has(key)));
}

export const userRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'search-users',
    method: 'GET',
    path: '/users/search',
    scopes: READ,
    handle: ({ location, query }) => {
      const companyId = queryString(query, 'companyId');
      if (companyId !== location.companyId) {
        throw new GhlHttpError(403, `The token does not have access to company ${companyId ?? ''}`);
      }
      const text = queryString(query, 'query')?.toLowerCase();
      const ids = queryString(query, 'ids')?.split(',').map((s) => s.trim());
      const role = queryString(query, 'role');
      const hits = [...location.users.values()].filter(
        (u) =>
          !u.deleted &&
          (text === undefined || [u.name, u.email, u.phone ?? ''].some((f) => f.toLowerCase().includes(text))) &&
          (ids === undefined || ids.includes(u.id)) &&
          (role === undefined || u.roles.role === role),
      );
      const skip = queryInt(query, 'skip', 0);
      const limit = queryInt(query, 'limit', 25);
      return ok({ users: hits.slice(skip, skip + limit).map(userView), count: hits.length });
    },
  }),
  defineRoute({
    operationId: 'filter-users-by-email',
    method: 'POST',
    path: '/users/search/filter-by-email',
    scopes: READ,
    handle: ({ location, body }) => {
      const input = bodyObject(body);
      checkCompany(location, stringField(input, 'companyId'));
      const emails = new Set((stringField(input, 'emails') ?? '').split(',').map((e) => emailKey(e)).filter((e): e is string => e !== undefined));
      const deleted = input['deleted'] === true;
      const hits = [...location.users.values()].filter((u) => u.deleted === deleted && emails.has(emailKey(u.email) ?? ''));
      const skip = Number.parseInt(stringField(input, 'skip') ?? '0', 10) || 0;
      const limit = Number.parseInt(stringField(input, 'limit') ?? '25', 10) || 25;
      const projection = stringField(input, 'projection');
      return ok({ users: hits.slice(skip, skip + limit).map((u) => project(u, projection)), count: hits.length });
    },
  }),
  defineRoute({
    operationId: 'get-user',
    method: 'GET',
    path: '/users/{userId}',
    scopes: READ,
    handle: ({ location, params }) => ok(userView(requireUser(location, params['userId'] ?? ''))),
  }),
  defineRoute({
    operationId: 'get-user-by-location',
    method: 'GET',
    path: '/users/',
    scopes: READ,
    handle: ({ location }) => ok({ users: [...location.users.values()].filter((u) => !u.deleted).map(userView) }),
  }),
  defineRoute({
    operationId: 'create-user',
    method: 'POST',
    path: '/users/',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      checkCompany(location, stringField(input, 'companyId'));
      checkLocations(location, input['locationIds']);
      const email = stringField(input, 'email') ?? '';
      assertEmailFree(location, email);
      const user: UserRecord = {
        id: store.newId(),
        name: '',
        firstName: '',
        lastName: '',
        email: '',
        roles: { type: 'account', role: 'user', locationIds: [location.id] },
        deleted: false,
      };
      applyUserFields(user, input);
      location.users.set(user.id, user);
      return created(userView(user));
    },
  }),
  defineRoute({
    operationId: 'update-user',
    method: 'PUT',
    path: '/users/{userId}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const user = requireUser(location, params['userId'] ?? '');
      const input = bodyObject(body);
      checkCompany(location, stringField(input, 'companyId'));
      if (input['locationIds'] !== undefined) checkLocations(location, input['locationIds']);
      const email = stringField(input, 'email');
      if (email !== undefined) assertEmailFree(location, email, user.id);
      applyUserFields(user, input);
      return ok(userView(user));
    },
  }),
  defineRoute({
    operationId: 'delete-user',
    method: 'DELETE',
    path: '/users/{userId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const user = requireUser(location, params['userId'] ?? '');
      user.deleted = true;
      return ok({ succeded: true, message: `Queued deleting user with e-mail ${user.email} and name ${user.name}. Will take effect in a few minutes.` });
    },
  }),
];
