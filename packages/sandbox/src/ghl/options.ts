import { fileURLToPath } from 'node:url';
import { SandboxOptionsError } from '../shared/errors.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './limits/rate-limiter.js';
import type { InstallationSeed } from './auth/installations.js';
import type { TokenGrant } from './auth/token-store.js';
import { isTimeZone } from './model/time-zone.js';
import { DEFAULT_LOCATION_ID, type LocationSeed } from './state/seeds.js';

export interface GhlSandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Loopback address to bind: `127.0.0.1` (default), `::1` or `localhost`. Nothing else is allowed. */
  readonly host?: string;
  /** Locations and what they hold. Default: one location `loc_sandbox_1` with seeded users, a calendar and a pipeline. */
  readonly locations?: readonly LocationSeed[];
  /** Private-integration tokens. Default: `{ 'sandbox-token': { locationId: <first location> } }`. */
  readonly tokens?: Readonly<Record<string, TokenGrant>>;
  /** OAuth clients, client_id → client_secret. Default: `{ 'sandbox-client': 'sandbox-secret' }`. */
  readonly oauthClients?: Readonly<Record<string, string>>;
  /** The marketplace app id of the OAuth clients' app (`appId` of `GET /oauth/installedLocations`). Default `sandbox-app`. */
  readonly appId?: string;
  /**
   * Agency installs at start: which of a company's locations have the app (for
   * `POST /oauth/locationToken` and `GET /oauth/installedLocations`). Default none; an agency
   * authorization code (`issueAgencyAuthorizationCode`) installs too.
   */
  readonly installations?: readonly InstallationSeed[];
  /** Lifetime of OAuth access tokens (GHL: 86399 seconds). */
  readonly accessTokenLifetimeSeconds?: number;
  /** Per-location limits; shorten `windowMs` in tests to exercise the same limit quickly. */
  readonly rateLimit?: Partial<RateLimitOptions>;
  /** The clock (ms since epoch). Tests pass a controllable one to expire tokens and windows. */
  readonly now?: () => number;
  /** Seed of the id generator, so ids are the same run after run. Default 1. */
  readonly seed?: number;
  /** Folder of generated per-operation schemas; default `<repo>/schemas/operations/ghl`. Used when it holds files. */
  readonly operationSchemasDir?: string;
  /** GHL's OpenAPI folder (holding `apps/` and `common/`); default the connectors package's reference copy. */
  readonly openApiDir?: string;
  /** Answer 422 `property x should not exist` for undeclared body members (NestJS whitelist). Default false. */
  readonly rejectUnknownBodyProperties?: boolean;
  /** How many request log entries to keep. Default 10,000. */
  readonly requestLogLimit?: number;
  /**
   * Operations to answer 501 not_simulated although the sandbox simulates them, by GHL's operationId
   * or the catalog's id (`ghl.users.filter-users-by-email`): to see how a flow meets an API it cannot use.
   */
  readonly unsimulated?: readonly string[];
  /**
   * Book appointments only into free slots unless a request says `ignoreFreeSlotValidation: true`,
   * as GHL does. Default false: then only a request saying `ignoreFreeSlotValidation: false` is checked.
   */
  readonly validateAppointmentSlots?: boolean;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly locations: readonly LocationSeed[];
  readonly tokens: Readonly<Record<string, TokenGrant>>;
  readonly oauthClients: Readonly<Record<string, string>>;
  readonly appId: string;
  readonly installations: readonly InstallationSeed[];
  readonly accessTokenLifetimeSeconds: number;
  readonly rateLimit: RateLimitOptions;
  readonly now: () => number;
  readonly seed: number;
  readonly operationSchemasDir: string;
  readonly openApiDir: string;
  readonly rejectUnknownBodyProperties: boolean;
  readonly requestLogLimit: number;
  readonly unsimulated: readonly string[];
  readonly validateAppointmentSlots: boolean;
}

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
export const DEFAULT_TOKEN = 'sandbox-token';
export const DEFAULT_OAUTH_CLIENT = { id: 'sandbox-client', secret: 'sandbox-secret' } as const;
export const DEFAULT_APP_ID = 'sandbox-app';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

function positiveInt(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new SandboxOptionsError(`Expected \`${name}\` to be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** Checks sandbox options up front and fills in defaults. */
export function resolveOptions(options: GhlSandboxOptions = {}): ResolvedOptions {
  const host = options.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new SandboxOptionsError(`Expected \`host\` to be a loopback address (${LOOPBACK_HOSTS.join(', ')}), got ${host}`, {
      hint: 'The sandbox and its admin API are for local tests only.',
    });
  }
  const port = positiveInt('port', options.port, 0, 0);
  if (port > 65535) throw new SandboxOptionsError(`Expected \`port\` to be at most 65535, got ${port}`);
  const locations = options.locations ?? [{ id: DEFAULT_LOCATION_ID }];
  if (locations.length === 0) throw new SandboxOptionsError('Expected `locations` to hold at least one location');
  const ids = new Set<string>();
  for (const [i, l] of locations.entries()) {
    if (typeof l.id !== 'string' || l.id === '') throw new SandboxOptionsError(`Expected \`locations[${i}].id\` to be a non-empty string`);
    if (ids.has(l.id)) throw new SandboxOptionsError(`Location id ${l.id} appears twice in \`locations\``);
    ids.add(l.id);
    if (l.timezone !== undefined && !isTimeZone(l.timezone)) {
      throw new SandboxOptionsError(`Expected \`locations[${i}].timezone\` to be an IANA time zone like America/Chicago, got ${l.timezone}`);
    }
    for (const f of l.duplicateSearchOrder ?? []) {
      if (f !== 'email' && f !== 'phone') {
        throw new SandboxOptionsError(`Expected \`locations[${i}].duplicateSearchOrder\` to hold "email" and/or "phone", got ${String(f)}`);
      }
    }
  }
  const firstId = [...ids][0] as string;
  const tokens = options.tokens ?? { [DEFAULT_TOKEN]: { locationId: firstId } };
  for (const [token, grant] of Object.entries(tokens)) {
    if (token === '') throw new SandboxOptionsError('Expected every key of `tokens` to be a non-empty token string');
    if (!ids.has(grant.locationId)) {
      // Name the location, never the token: tokens are secrets.
      throw new SandboxOptionsError(`A token in \`tokens\` names location ${grant.locationId}, which is not in \`locations\``);
    }
  }
  const appId = options.appId ?? DEFAULT_APP_ID;
  if (typeof appId !== 'string' || appId === '') throw new SandboxOptionsError('Expected `appId` to be a non-empty string');
  const installations = options.installations ?? [];
  if (!Array.isArray(installations)) throw new SandboxOptionsError('Expected `installations` to be a list like [{ companyId, locationIds: [...] }]');
  const limit = options.rateLimit ?? {};
  return {
    port,
    host,
    locations,
    tokens,
    oauthClients: options.oauthClients ?? { [DEFAULT_OAUTH_CLIENT.id]: DEFAULT_OAUTH_CLIENT.secret },
    appId,
    installations,
    accessTokenLifetimeSeconds: positiveInt('accessTokenLifetimeSeconds', options.accessTokenLifetimeSeconds, 86399),
    rateLimit: {
      limit: positiveInt('rateLimit.limit', limit.limit, DEFAULT_RATE_LIMIT.limit),
      windowMs: positiveInt('rateLimit.windowMs', limit.windowMs, DEFAULT_RATE_LIMIT.windowMs),
      dailyLimit: positiveInt('rateLimit.dailyLimit', limit.dailyLimit, DEFAULT_RATE_LIMIT.dailyLimit),
    },
    now: options.now ?? Date.now,
    seed: options.seed ?? 1,
    operationSchemasDir: options.operationSchemasDir ?? here('../../../../schemas/operations/ghl'),
    openApiDir: options.openApiDir ?? here('../../../connectors/reference/ghl/openapi'),
    rejectUnknownBodyProperties: options.rejectUnknownBodyProperties ?? false,
    requestLogLimit: positiveInt('requestLogLimit', options.requestLogLimit, 10_000),
    unsimulated: [...(options.unsimulated ?? [])],
    validateAppointmentSlots: options.validateAppointmentSlots ?? false,
  };
}
