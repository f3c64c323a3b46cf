import type { JsonValue } from '../../shared/json.js';
import type { UploadedPart } from '../http/multipart.js';
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
  /** File parts of a multipart/form-data request (routes declaring `bodyType: 'multipart'`). */
  readonly files: readonly UploadedPart[];
  /** The sandbox's base URL, e.g. `http://127.0.0.1:4010`, for URLs the answer hands out. */
  readonly baseUrl: string;
  readonly options: SimulationOptions;
}

/** Sandbox options that change how operations behave. */
export interface SimulationOptions {
  /** Book appointments only into free slots unless the request says `ignoreFreeSlotValidation: true` (GHL's rule). */
  readonly validateAppointmentSlots: boolean;
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
  /**
   * `false` for an operation GHL documents that the sandbox does not simulate: it answers 501
   * not_simulated after auth, rate limit and faults, without reading the body (see not-simulated.ts).
   */
  readonly simulated?: false;
  /** How the body arrives: JSON (the default) or multipart/form-data (its text fields become `body`). */
  readonly bodyType?: 'json' | 'multipart';
  readonly handle: (ctx: RouteContext) => RouteAnswer;
}

export function defineRoute(route: RouteDefinition): RouteDefinition {
  return route;
}

export const ok = (body: JsonValue): RouteAnswer => ({ status: 200, body });
export const created = (body: JsonValue): RouteAnswer => ({ status: 201, body });
