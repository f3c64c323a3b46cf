// GoHighLevel sandbox
export { runSandbox, type RunningSandbox, type RunSandboxOptions } from './main.js';
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
  DEFAULT_CALENDAR_GROUPS,
  DEFAULT_CALENDAR_RESOURCES,
  DEFAULT_CALENDARS,
  DEFAULT_CAMPAIGNS,
  DEFAULT_COMPANY_ID,
  DEFAULT_CUSTOM_FIELDS,
  DEFAULT_LOCATION_ID,
  DEFAULT_LOST_REASONS,
  DEFAULT_PIPELINES,
  DEFAULT_TIMEZONE,
  DEFAULT_USERS,
  DEFAULT_WORKFLOWS,
  type CalendarGroupSeed,
  type CalendarResourceSeed,
  type CalendarSeed,
  type ContactSeed,
  type CustomFieldSeed,
  type LocationSeed,
  type NamedSeed,
  type PipelineSeed,
  type UserSeed,
} from './ghl/state/seeds.js';
export { DEFAULT_OPEN_HOURS } from './ghl/state/build-location.js';
export { ResponseContract, type ContractProblem, type DocumentedOperation } from './ghl/contract/response-contract.js';
export { SPEC_CORRECTIONS, type SpecCorrection } from './ghl/contract/spec-corrections.js';
export type { LocationState, SandboxStore } from './ghl/state/store.js';
export type * from './ghl/state/records.js';
export { ghlRoutes } from './ghl/routes/index.js';
export type { RouteDefinition, SimulationOptions } from './ghl/routing/route.js';

// PushPress webhook simulator
export type { Delivery, SimulatedEvent } from './pushpress/delivery.js';
export type { ScenarioCustomer, ScenarioScript, ScenarioStep } from './pushpress/scenario-script.js';
export { createScenario, type CreateScenarioOptions } from './pushpress/create-scenario.js';
export {
  planSendOrder,
  playScenario,
  signDelivery,
  type PlayReport,
  type PlayScenarioOptions,
  type SentDelivery,
  type SignedDelivery,
} from './pushpress/play-scenario.js';
export { LEAD_TO_MEMBER } from './pushpress/scripts/lead-to-member.js';
export { dayAtTheGym, type DayAtTheGymOptions } from './pushpress/scripts/day-at-the-gym.js';
export {
  appointmentData,
  classCheckinData,
  customerData,
  enrollmentData,
  waitlistData,
  type AppointmentProfile,
  type ClassCheckinProfile,
  type CustomerProfile,
  type CustomerRole,
  type EnrollmentProfile,
  type EnrollmentStatus,
  type WaitlistProfile,
} from './pushpress/payloads.js';

// Shared
export { SandboxOptionsError } from './shared/errors.js';
export { createPrng, type Prng } from './shared/prng.js';
export type { JsonObject, JsonValue } from './shared/json.js';

// PushPress REST stub (customer lookups for flows whose events carry only a customer id)
export {
  DEFAULT_PUSHPRESS_API_KEY,
  DEFAULT_PUSHPRESS_COMPANY_ID,
  startPushPressApiStub,
  type PushPressApiStub,
  type PushPressApiStubOptions,
} from './pushpress-api/customer-api.js';
export { scenarioCustomers } from './pushpress-api/scenario-customers.js';
