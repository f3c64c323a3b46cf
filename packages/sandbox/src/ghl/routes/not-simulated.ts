import { GhlHttpError } from '../http/ghl-http-error.js';
import { defineRoute, type HttpMethod, type RouteDefinition } from '../routing/route.js';
import { operationKey, type OperationInputSet } from '../validation/operation-input.js';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/** The `error` member of a 501 for an operation the sandbox knows but does not simulate. */
export const NOT_SIMULATED = 'not_simulated';

/** The 501 for an operation the sandbox knows but does not simulate, naming it. */
export function notSimulated(route: Pick<RouteDefinition, 'operationId' | 'method' | 'path'>): GhlHttpError {
  const message = `The GHL sandbox does not simulate ${route.operationId} (${route.method} ${route.path})`;
  return new GhlHttpError(501, message, { error: NOT_SIMULATED, operationId: route.operationId });
}

/**
 * A route for every operation the sandbox has a request schema for (the catalog's, and the rest of
 * GHL's OpenAPI documents) but no simulation. It answers 501
 * `{ statusCode: 501, error: 'not_simulated', operationId, message }` after auth, rate limit and
 * faults, so a client can tell "the sandbox cannot do this" from a wrong path (404) or a missing
 * record (404 from a simulated route). The body is not read: some of these take multipart uploads.
 */
export function notSimulatedRoutes(inputs: OperationInputSet, simulated: readonly RouteDefinition[]): RouteDefinition[] {
  const served = new Set(simulated.map((route) => operationKey(route.method, route.path)));
  return inputs.operations
    .filter((op) => METHODS.has(op.method) && !served.has(operationKey(op.method, op.path)))
    .map((op) => {
      const route = { operationId: op.operationId ?? `${op.method} ${op.path}`, method: op.method as HttpMethod, path: op.path };
      return defineRoute({
        ...route,
        scopes: [],
        simulated: false,
        handle: () => {
          throw notSimulated(route);
        },
      });
    });
}
