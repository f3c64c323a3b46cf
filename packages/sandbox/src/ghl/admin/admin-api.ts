import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonObject, type JsonValue } from '../../shared/json.js';
import { SandboxOptionsError } from '../../shared/errors.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { parseJsonBody, readRawBody, sendJson } from '../http/io.js';
import type { FaultRegistry } from '../faults/fault-registry.js';
import { parseFaultSpec } from '../faults/fault-registry.js';
import type { RequestLog } from './request-log.js';
import type { SandboxDump } from './state-dump.js';

export const ADMIN_PREFIX = '/__sandbox';

/** What the admin API can do; the sandbox object implements it. */
export interface AdminTarget {
  readonly faults: FaultRegistry;
  readonly requests: RequestLog;
  dump(): SandboxDump;
  reset(): void;
  issueAuthorizationCode(locationId: string, options?: { scopes?: readonly string[] }): string;
  /**
   * An agency admin installs the app for `companyId` (in `locationIds`, default all its locations)
   * and consents: a code that `POST /oauth/token` exchanges for the agency (Company) token pair.
   */
  issueAgencyAuthorizationCode(companyId: string, options?: { scopes?: readonly string[]; locationIds?: readonly string[]; installToFutureLocations?: boolean }): string;
  /** Makes `locationIds` exactly the company's locations that have the app installed. */
  setInstallations(companyId: string, install: { locationIds: readonly string[]; installToFutureLocations?: boolean }): void;
  /** Revokes the company's agency tokens and the location tokens obtained with them (an uninstall); returns how many. */
  revokeCompanyTokens(companyId: string): number;
  setLocationSettings(locationId: string, settings: JsonValue): void;
  /** An uploaded file's bytes and type, by file id. */
  file(id: string): { readonly mimetype: string; readonly data: Buffer } | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const ADMIN_ENDPOINTS: readonly string[] = [
  `GET    ${ADMIN_PREFIX}/state             per location: contacts (with tasks, notes, appointments and their notes, campaigns, workflows), opportunities, lost reasons, tags, custom fields, files, users, calendars, groups, resources, notifications, schedules, blocked slots, pipelines, campaigns, workflows; request counts`,
  `POST   ${ADMIN_PREFIX}/reset             back to the seeded state; clears faults, request log and rate-limit windows`,
  `GET    ${ADMIN_PREFIX}/requests          request log: method, path, status`,
  `GET    ${ADMIN_PREFIX}/faults            pending faults`,
  `POST   ${ADMIN_PREFIX}/faults            add a fault { kind: latency|error|rateLimit|dropResponse, method?, path?, count?, latencyMs?, status?, retryAfterSeconds? }`,
  `DELETE ${ADMIN_PREFIX}/faults[/{id}]     remove one or all faults`,
  `POST   ${ADMIN_PREFIX}/oauth/codes       { locationId, scopes? } → { code } for POST /oauth/token; { companyId, locationIds?, scopes?, installToFutureLocations? } installs the app for the agency and gives its code (user_type Company)`,
  `PUT    ${ADMIN_PREFIX}/companies/{id}/installations  { locationIds, installToFutureLocations? }: the company's locations that have the app`,
  `DELETE ${ADMIN_PREFIX}/companies/{id}/tokens         revoke the company's agency tokens and the location tokens obtained with them`,
  `PUT    ${ADMIN_PREFIX}/locations/{id}/settings  { allowDuplicateContact?, duplicateSearchOrder? }`,
  `GET    ${ADMIN_PREFIX}/files/{id}        the bytes of a file uploaded for a custom field (the url upload-file-customFields answers)`,
];

/** The strings of a JSON list, or undefined when `value` is not a list. */
function strings(value: JsonValue | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : undefined;
}

async function jsonBody(req: IncomingMessage): Promise<JsonValue | undefined> {
  return parseJsonBody(await readRawBody(req));
}

function asBadRequest(cause: unknown): never {
  if (cause instanceof SandboxOptionsError) throw new GhlHttpError(400, cause.message);
  throw cause;
}

/**
 * The sandbox's own API under `/__sandbox`: loopback only, no token, no rate limit.
 * Returns the status it answered with.
 */
export async function handleAdmin(target: AdminTarget, req: IncomingMessage, url: URL, res: ServerResponse): Promise<number> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) throw new GhlHttpError(403, 'The sandbox admin API answers loopback clients only');
  const parts = url.pathname.slice(ADMIN_PREFIX.length).split('/').filter((s) => s !== '');
  const method = req.method ?? 'GET';
  const route = `${method} /${parts.join('/')}`;
  const send = (status: number, body: JsonValue): number => {
    sendJson(res, status, body);
    return status;
  };
  if (route === 'GET /') return send(200, { endpoints: [...ADMIN_ENDPOINTS] });
  if (route === 'GET /state') return send(200, JSON.parse(JSON.stringify(target.dump())) as JsonValue);
  if (route === 'POST /reset') {
    target.reset();
    return send(200, { reset: true });
  }
  if (method === 'GET' && parts.length === 2 && parts[0] === 'files') {
    const file = target.file(decodeURIComponent(parts[1] ?? ''));
    if (file === undefined) throw new GhlHttpError(404, `No file with id ${parts[1] ?? ''}`);
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.data.length) });
    res.end(file.data);
    return 200;
  }
  if (route === 'GET /requests') return send(200, { requests: JSON.parse(JSON.stringify(target.requests.list())) as JsonValue });
  if (route === 'GET /faults') return send(200, { faults: JSON.parse(JSON.stringify(target.faults.list())) as JsonValue });
  if (route === 'POST /faults') {
    try {
      const fault = target.faults.add(parseFaultSpec(await jsonBody(req)));
      return send(201, { fault: JSON.parse(JSON.stringify(fault)) as JsonValue });
    } catch (cause) {
      return asBadRequest(cause);
    }
  }
  if (route === 'DELETE /faults') {
    target.faults.clear();
    return send(200, { cleared: true });
  }
  if (method === 'DELETE' && parts.length === 2 && parts[0] === 'faults') {
    if (!target.faults.remove(parts[1] ?? '')) throw new GhlHttpError(404, `No fault with id ${parts[1] ?? ''}`);
    return send(200, { removed: parts[1] ?? '' });
  }
  if (route === 'POST /oauth/codes') {
    const body = await jsonBody(req);
    if (!isJsonObject(body) || (typeof body['locationId'] !== 'string' && typeof body['companyId'] !== 'string')) {
      throw new GhlHttpError(400, 'Expected a body like { "locationId": "loc_sandbox_1" } or { "companyId": "cmp_sandbox", "locationIds": ["loc_sandbox_1"] }');
    }
    const scopes = strings(body['scopes']);
    try {
      if (typeof body['companyId'] === 'string') {
        const locationIds = strings(body['locationIds']);
        const future = body['installToFutureLocations'];
        return send(201, {
          code: target.issueAgencyAuthorizationCode(body['companyId'], {
            ...(scopes === undefined ? {} : { scopes }),
            ...(locationIds === undefined ? {} : { locationIds }),
            ...(typeof future === 'boolean' ? { installToFutureLocations: future } : {}),
          }),
        });
      }
      return send(201, { code: target.issueAuthorizationCode(String(body['locationId']), scopes === undefined ? {} : { scopes }) });
    } catch (cause) {
      return asBadRequest(cause);
    }
  }
  if (parts.length === 3 && parts[0] === 'companies') {
    const companyId = decodeURIComponent(parts[1] ?? '');
    if (method === 'PUT' && parts[2] === 'installations') {
      const body = await jsonBody(req);
      const locationIds = isJsonObject(body) ? strings(body['locationIds']) : undefined;
      if (!isJsonObject(body) || locationIds === undefined) throw new GhlHttpError(400, 'Expected a body like { "locationIds": ["loc_sandbox_1"] }');
      const future = body['installToFutureLocations'];
      try {
        target.setInstallations(companyId, { locationIds, ...(typeof future === 'boolean' ? { installToFutureLocations: future } : {}) });
      } catch (cause) {
        return asBadRequest(cause);
      }
      return send(200, { updated: true });
    }
    if (method === 'DELETE' && parts[2] === 'tokens') return send(200, { revoked: target.revokeCompanyTokens(companyId) });
  }
  if (method === 'PUT' && parts.length === 3 && parts[0] === 'locations' && parts[2] === 'settings') {
    try {
      target.setLocationSettings(decodeURIComponent(parts[1] ?? ''), (await jsonBody(req)) ?? null);
    } catch (cause) {
      return asBadRequest(cause);
    }
    return send(200, { updated: true });
  }
  throw new GhlHttpError(404, `Cannot ${method} ${url.pathname}; see GET ${ADMIN_PREFIX}/ for the admin endpoints`);
}
