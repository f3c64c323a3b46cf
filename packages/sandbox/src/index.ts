// GoHighLevel sandbox
export { startGhlSandbox, type GhlSandbox } from './ghl/server.js';
export {
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_TOKEN,
  LOOPBACK_HOSTS,
  type GhlSandboxOptions,
} from './ghl/options.js';
export { ADMIN_ENDPOINTS, ADMIN_PREFIX } from './ghl/admin/admin-api.js';
export type { SandboxDump, LocationDump } from './ghl/admin/state-dump.js';
export type { RequestLogEntry, RequestStats, RequestLog } from './ghl/admin/request-log.js';
export { FAULT_KINDS, FaultRegistry, parseFaultSpec, type Fault, type FaultKind, type FaultSpec } from './ghl/faults/fault-registry.js';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './ghl/limits/rate-limiter.js';
export type { TokenGrant } from './ghl/auth/token-store.js';
export {
  DEFAULT_CALENDARS,
  DEFAULT_COMPANY_ID,
  DEFAULT_LOCATION_ID,
  DEFAULT_PIPELINES,
  DEFAULT_USERS,
  type CalendarSeed,
  type ContactSeed,
  type LocationSeed,
  type PipelineSeed,
  type UserSeed,
} from './ghl/state/seeds.js';
export type { LocationState, SandboxStore } from './ghl/state/store.js';
export type * from './ghl/state/records.js';
export { ghlRoutes } from './ghl/routes/index.js';
export type { RouteDefinition } from './ghl/routing/route.js';

// Shared
export { SandboxOptionsError } from './shared/errors.js';
export { createPrng, type Prng } from './shared/prng.js';
export type { JsonObject, JsonValue } from './shared/json.js';
