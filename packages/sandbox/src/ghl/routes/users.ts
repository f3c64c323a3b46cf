import { cloneJson } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { queryInt, queryString } from '../model/body.js';
import { defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['users.readonly'];

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
      return ok({ users: hits.slice(skip, skip + limit).map((u) => cloneJson(u)), count: hits.length });
    },
  }),
  defineRoute({
    operationId: 'get-user',
    method: 'GET',
    path: '/users/{userId}',
    scopes: READ,
    handle: ({ location, params }) => {
      const user = location.users.get(params['userId'] ?? '');
      if (user === undefined) throw new GhlHttpError(404, `User with id ${params['userId'] ?? ''} not found`);
      return ok(cloneJson(user));
    },
  }),
  defineRoute({
    operationId: 'get-user-by-location',
    method: 'GET',
    path: '/users/',
    scopes: READ,
    handle: ({ location }) => ok({ users: [...location.users.values()].filter((u) => !u.deleted).map((u) => cloneJson(u)) }),
  }),
];
