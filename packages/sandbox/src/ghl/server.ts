import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isJsonObject, type JsonValue } from '../shared/json.js';
import { SandboxOptionsError } from '../shared/errors.js';
import { ADMIN_ENDPOINTS, ADMIN_PREFIX, handleAdmin, type AdminTarget } from './admin/admin-api.js';
import { RequestLog, type RequestLogEntry } from './admin/request-log.js';
import { dumpState, type SandboxDump } from './admin/state-dump.js';
import { Installations } from './auth/installations.js';
import { handleOAuth, issueAgencyCode, type AgencyCodeOptions, type OAuthContext } from './auth/oauth-endpoints.js';
import { TokenStore, type TokenGrant } from './auth/token-store.js';
import { FaultRegistry, type Fault } from './faults/fault-registry.js';
import { GhlHttpError, tokenRefused } from './http/ghl-http-error.js';
import { bearerToken, parseJsonBody, parseQuery, readRawBytes, sendJson } from './http/io.js';
import { parseMultipart, type UploadedPart } from './http/multipart.js';
import { RateLimiter } from './limits/rate-limiter.js';
import { resolveOptions, type GhlSandboxOptions } from './options.js';
import { Router } from './routing/router.js';
import type { RouteAnswer, RouteContext, RouteDefinition, SimulationOptions } from './routing/route.js';
import { ghlRoutes } from './routes/index.js';
import { notSimulated, notSimulatedRoutes } from './routes/not-simulated.js';
import type { LocationSettings } from './state/records.js';
import { SandboxStore } from './state/store.js';
import { loadOperationInputs } from './validation/load-inputs.js';
import type { OperationInputSet } from './validation/operation-input.js';
import { RequestValidator } from './validation/request-validator.js';

export interface GhlSandbox extends AdminTarget {
  /** Base URL, e.g. `http://127.0.0.1:41234`: use it where the GHL API base URL goes. */
  readonly url: string;
  readonly port: number;
  /** `${url}/__sandbox`. */
  readonly adminUrl: string;
  /** The live data: locations with their contacts, tasks, notes, ... (`dump()` gives a plain-JSON copy). */
  readonly state: SandboxStore;
  /** Private-integration tokens the sandbox accepts, with their grants. */
  readonly tokens: Readonly<Record<string, TokenGrant>>;
  /** OAuth clients, client_id → client_secret. */
  readonly oauthClients: Readonly<Record<string, string>>;
  /** The marketplace app id of the OAuth clients' app. */
  readonly appId: string;
  /** Where the request schemas came from (the generated operation files or the OpenAPI documents). */
  readonly schemaSource: string;
  readonly faults: FaultRegistry;
  readonly requests: RequestLog;
  dump(): SandboxDump;
  reset(): void;
  issueAuthorizationCode(locationId: string, options?: { scopes?: readonly string[] }): string;
  setLocationSettings(locationId: string, settings: Partial<LocationSettings> | JsonValue): void;
  close(): Promise<void>;
}

interface Outcome {
  status: number | null;
  operationId?: string;
  locationId?: string;
  faults?: string[];
}

/** Every locationId a request names (path, query, body); all must be the token's location. */
function namedLocations(params: Record<string, string>, query: Record<string, string | string[]>, body: JsonValue | undefined): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
  };
  add(params['locationId']);
  add(query['locationId']);
  add(query['location_id']);
  if (isJsonObject(body)) add(body['locationId']);
  return out;
}

function checkSettings(value: Partial<LocationSettings> | JsonValue): Partial<LocationSettings> {
  if (!isJsonObject(value)) throw new SandboxOptionsError('Expected location settings to be an object like { allowDuplicateContact: true }');
  const out: { allowDuplicateContact?: boolean; duplicateSearchOrder?: ('email' | 'phone')[] } = {};
  const allow = value['allowDuplicateContact'];
  if (allow !== undefined) {
    if (typeof allow !== 'boolean') throw new SandboxOptionsError('Expected `allowDuplicateContact` to be a boolean');
    out.allowDuplicateContact = allow;
  }
  const order = value['duplicateSearchOrder'];
  if (order !== undefined) {
    if (!Array.isArray(order) || order.length === 0 || !order.every((f) => f === 'email' || f === 'phone')) {
      throw new SandboxOptionsError('Expected `duplicateSearchOrder` to be a non-empty list of "email" and "phone"');
    }
    out.duplicateSearchOrder = order as ('email' | 'phone')[];
  }
  return out;
}

/** The routes the sandbox simulates: all of `routes` but those `unsimulated` names (they answer 501). */
function simulatedRoutes(routes: readonly RouteDefinition[], unsimulated: readonly string[]): RouteDefinition[] {
  // Either GHL's operationId (`filter-users-by-email`) or the catalog's (`ghl.users.filter-users-by-email`).
  const off = new Set(unsimulated.map((id) => (id.startsWith('ghl.') ? id.split('.').slice(2).join('.') : id)));
  const known = new Set(routes.map((r) => r.operationId));
  const unknown = [...off].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SandboxOptionsError(`Expected \`unsimulated\` to name operations the sandbox simulates; unknown: ${unknown.join(', ')}`);
  }
  return routes.filter((r) => !off.has(r.operationId));
}

/** The body a handler gets: JSON, or the text fields (and files) of a multipart/form-data upload. */
function readBody(route: RouteDefinition, raw: Buffer, contentType: string | undefined): { body: JsonValue | undefined; files: UploadedPart[] } {
  if (route.bodyType === 'multipart' && raw.length > 0) {
    const form = parseMultipart(raw, contentType);
    return { body: form.fields, files: [...form.files] };
  }
  return { body: parseJsonBody(raw.toString('utf8')), files: [] };
}

/**
 * Runs a handler so that a refused request changes nothing: a write that throws part way is rolled
 * back to the location as it was (records and the id sequence).
 */
function handleAtomically(route: RouteDefinition, ctx: RouteContext): RouteAnswer {
  if (route.method === 'GET') return route.handle(ctx);
  const before = ctx.store.snapshot(ctx.location);
  try {
    return route.handle(ctx);
  } catch (error) {
    ctx.store.restore(ctx.location, before);
    throw error;
  }
}

/** Validators are stateless apart from their compiled-schema cache, so sandboxes in one process share them. */
const validators = new Map<string, { inputs: OperationInputSet; validator: RequestValidator }>();

function validatorFor(openApiDir: string, operationSchemasDir: string, rejectUnknownBodyProperties: boolean): { inputs: OperationInputSet; validator: RequestValidator } {
  const key = JSON.stringify([openApiDir, operationSchemasDir, rejectUnknownBodyProperties]);
  let entry = validators.get(key);
  if (entry === undefined) {
    const inputs = loadOperationInputs(openApiDir, operationSchemasDir);
    entry = { inputs, validator: new RequestValidator(inputs, { rejectUnknownBodyProperties }) };
    validators.set(key, entry);
  }
  return entry;
}

/**
 * Starts a local, stateful GoHighLevel API v2 on a loopback port. See the package README for
 * the routes it serves; every other operation of GHL's documents answers 501 not_simulated, and
 * a path GHL does not have answers 404. Resolves once it is listening.
 */
export async function startGhlSandbox(options: GhlSandboxOptions = {}): Promise<GhlSandbox> {
  const opts = resolveOptions(options);
  const store = new SandboxStore(opts.locations, opts.seed, opts.now);
  const { inputs, validator } = validatorFor(opts.openApiDir, opts.operationSchemasDir, opts.rejectUnknownBodyProperties);
  for (const r of ghlRoutes) {
    if (!validator.has(r.method, r.path)) throw new Error(`No request schema for sandbox route ${r.method} ${r.path} (${r.operationId})`);
  }
  const served = simulatedRoutes(ghlRoutes, opts.unsimulated);
  const simulation: SimulationOptions = { validateAppointmentSlots: opts.validateAppointmentSlots };
  // Everything else GHL documents answers 501 not_simulated, not 404.
  const router = new Router([...served, ...notSimulatedRoutes(inputs, served)]);
  const tokenStore = new TokenStore(opts.now, opts.accessTokenLifetimeSeconds);
  for (const [token, grant] of Object.entries(opts.tokens)) tokenStore.addPrivateToken(token, grant);
  const limiter = new RateLimiter(opts.rateLimit, opts.now);
  const faults = new FaultRegistry();
  const requests = new RequestLog(opts.requestLogLimit);
  const firstLocation = opts.locations[0]?.id ?? '';
  const firstUser = [...(store.location(firstLocation)?.users.keys() ?? [])][0] ?? 'usr_sandbox';
  const installations = new Installations(opts.installations, (id) => store.location(id)?.companyId, opts.now, `${opts.appId}-version-1`);
  const oauth: OAuthContext = {
    tokens: tokenStore,
    store,
    validator,
    clients: opts.oauthClients,
    defaultLocationId: firstLocation,
    userId: firstUser,
    installations,
    appId: opts.appId,
  };

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, outcome: Outcome): Promise<void> {
    const method = req.method ?? 'GET';
    const raw = await readRawBytes(req);
    const match = router.match(method, url.pathname);
    if (match === undefined) throw new GhlHttpError(404, `Cannot ${method} ${url.pathname}`);
    const { route, params } = match;
    outcome.operationId = route.operationId;

    const token = bearerToken(req);
    if (token === undefined) throw tokenRefused('missing');
    const checked = tokenStore.check(token);
    if (!checked.ok) throw tokenRefused(checked.reason);
    // An agency token reaches a location's data only through a location token (POST /oauth/locationToken).
    if (checked.kind === 'company') throw new GhlHttpError(403, 'The token does not have access to this location.');
    const { grant } = checked;
    outcome.locationId = grant.locationId;
    if (route.scopes.length > 0 && grant.scopes !== undefined && !route.scopes.some((s) => grant.scopes?.includes(s))) {
      throw new GhlHttpError(401, 'The token is not authorized for this scope.', { requiredScopes: [...route.scopes] });
    }

    const decision = limiter.take(grant.locationId);
    const headers = decision.headers;
    if (!decision.allowed) throw new GhlHttpError(429, 'Too many requests', {}, headers);

    const fired = faults.take(method, url.pathname);
    if (fired.length > 0) outcome.faults = fired.map((f) => f.spec.kind);
    const latency = fired.reduce((sum, f) => sum + (f.spec.kind === 'latency' ? (f.spec.latencyMs ?? 0) : 0), 0);
    if (latency > 0) await sleep(latency);
    const failing = fired.find((f): f is Fault => f.spec.kind === 'error' || f.spec.kind === 'rateLimit');
    if (failing?.spec.kind === 'error') {
      throw new GhlHttpError(failing.spec.status ?? 503, 'Injected fault: service unavailable', {}, headers);
    }
    if (failing?.spec.kind === 'rateLimit') {
      throw new GhlHttpError(429, 'Too many requests', {}, {
        ...headers,
        'x-ratelimit-remaining': '0',
        'retry-after': String(failing.spec.retryAfterSeconds ?? 1),
      });
    }
    const drop = fired.some((f) => f.spec.kind === 'dropResponse');
    if (route.simulated === false) throw notSimulated(route);

    const query = parseQuery(url.searchParams);
    let answer: { status: number; body: JsonValue };
    try {
      const { body, files } = readBody(route, raw, req.headers['content-type']);
      const version = req.headers['version'];
      validator.validate(method, route.path, { params, query, body, version: typeof version === 'string' ? version : undefined });
      for (const id of namedLocations(params, query, body)) {
        if (id !== grant.locationId) throw new GhlHttpError(403, 'The token does not have access to this location.');
      }
      const location = store.location(grant.locationId);
      if (location === undefined) throw new GhlHttpError(403, 'The token does not have access to this location.');
      answer = handleAtomically(route, { store, location, params, query, body, files, baseUrl: sandbox.url, options: simulation });
    } catch (error) {
      if (!(error instanceof GhlHttpError) || !drop) {
        if (error instanceof GhlHttpError) throw new GhlHttpError(error.status, error.messages, error.extra, { ...headers, ...error.headers });
        throw error;
      }
      answer = { status: error.status, body: error.toBody() };
    }
    if (drop) {
      // The write (if any) is committed; the client never hears about it.
      outcome.status = null;
      req.socket.destroy();
      return;
    }
    outcome.status = answer.status;
    sendJson(res, answer.status, answer.body, headers);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const outcome: Outcome = { status: 500 };
    const isAdmin = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`);
    try {
      if (isAdmin) {
        outcome.status = await handleAdmin(sandbox, req, url, res);
        return;
      }
      if (await handleOAuth(oauth, req, url, res)) {
        outcome.status = res.statusCode;
        return;
      }
      await serveApi(req, res, url, outcome);
    } catch (error) {
      const e = error instanceof GhlHttpError ? error : new GhlHttpError(500, `Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      outcome.status = e.status;
      if (!res.headersSent && !res.destroyed) sendJson(res, e.status, e.toBody(), e.headers);
    } finally {
      if (!isAdmin) {
        const entry: Omit<RequestLogEntry, 'seq'> = {
          at: new Date(opts.now()).toISOString(),
          method: req.method ?? 'GET',
          path: url.pathname,
          status: outcome.status,
          ...(outcome.operationId === undefined ? {} : { operationId: outcome.operationId }),
          ...(outcome.locationId === undefined ? {} : { locationId: outcome.locationId }),
          ...(outcome.faults === undefined ? {} : { faults: outcome.faults }),
        };
        requests.record(entry);
      }
    }
  }

  const server = createServer((req, res) => {
    void onRequest(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}`;

  const sandbox: GhlSandbox = {
    url,
    port: address.port,
    adminUrl: `${url}${ADMIN_PREFIX}`,
    state: store,
    tokens: opts.tokens,
    oauthClients: opts.oauthClients,
    appId: opts.appId,
    schemaSource: inputs.source,
    faults,
    requests,
    dump: () => dumpState(store, requests.stats(), faults.list(), faults.triggeredCount),
    reset: () => {
      store.reset();
      faults.clear();
      requests.clear();
      limiter.reset();
      installations.reset();
    },
    issueAuthorizationCode: (locationId, codeOptions = {}) => {
      if (store.location(locationId) === undefined) throw new SandboxOptionsError(`Unknown location ${locationId}; known: ${[...store.locations.keys()].join(', ')}`);
      return tokenStore.issueCode({ location: { locationId, ...(codeOptions.scopes === undefined ? {} : { scopes: [...codeOptions.scopes] }) } });
    },
    issueAgencyAuthorizationCode: (companyId, codeOptions = {}) => {
      try {
        return issueAgencyCode(oauth, companyId, codeOptions);
      } catch (cause) {
        throw cause instanceof GhlHttpError ? new SandboxOptionsError(cause.message) : cause;
      }
    },
    setInstallations: (companyId, install) => installations.set(companyId, install.locationIds, install.installToFutureLocations),
    revokeCompanyTokens: (companyId) => tokenStore.revokeCompany(companyId),
    file: (id) => {
      const data = store.blobs.get(id);
      const record = [...store.locations.values()].map((l) => l.files.get(id)).find((f) => f !== undefined);
      return data === undefined || record === undefined ? undefined : { mimetype: record.mimetype, data };
    },
    setLocationSettings: (locationId, settings) => {
      const location = store.location(locationId);
      if (location === undefined) throw new SandboxOptionsError(`Unknown location ${locationId}; known: ${[...store.locations.keys()].join(', ')}`);
      location.settings = { ...location.settings, ...checkSettings(settings) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err === undefined ? resolve() : reject(err)));
        server.closeAllConnections();
      }),
  };
  return sandbox;
}

export { ADMIN_ENDPOINTS };
