import type { JsonValue } from '../../shared/json.js';
import type { LocationState, SandboxStore } from '../state/store.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** What a route handler gets: a request that already passed auth, rate limits and schema validation. */
export interface RouteContext {
  readonly store: SandboxStore;
  /** The location of the token the request was made with. */
  readonly location: LocationState;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: JsonValue | undefined;
}

export interface RouteAnswer {
  readonly status: number;
  readonly body: JsonValue;
}

/** One GoHighLevel operation the sandbox serves, named by its OpenAPI operationId. */
export interface RouteDefinition {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The OpenAPI path template, e.g. `/contacts/{contactId}/tasks`. */
  readonly path: string;
  /** Scopes any one of which allows the call (the OpenAPI `security` entry). */
  readonly scopes: readonly string[];
  readonly handle: (ctx: RouteContext) => RouteAnswer;
}

export function defineRoute(route: RouteDefinition): RouteDefinition {
  return route;
}

export const ok = (body: JsonValue): RouteAnswer => ({ status: 200, body });
export const created = (body: JsonValue): RouteAnswer => ({ status: 201, body });
