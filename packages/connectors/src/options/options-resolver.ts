import { ActionError, closestNames, silentLogger, type ConnectionConfig, type Logger } from '@flowline/core';
import type { GhlConnector } from '../ghl/connector.js';
import { operationsById } from '../operations/index.js';
import { AnswerCache } from './answer-cache.js';
import { connectionCall } from './ghl-connection-call.js';
import { ghlOptionSources, type GhlOptionSource } from './ghl-sources.js';
import type { OptionsResult } from './option.js';
import { OptionsError } from './options-error.js';
import { readParams, type OptionParam } from './params.js';
import { raceSignal } from '../ghl/race-signal.js';

export const DEFAULT_OPTIONS_TTL_MS = 5 * 60_000;
export const DEFAULT_OPTIONS_MAX_ENTRIES = 1000;

/** A tenant's connection by name, from wherever the host keeps them. */
export type ConnectionLookup = (
  tenant: string,
  connectionName: string,
) => ConnectionConfig | undefined | Promise<ConnectionConfig | undefined>;

export interface OptionsResolverOptions {
  /** The host's GHL connector: its client, OAuth tokens and rate budgets are shared with actions. */
  readonly ghl: GhlConnector;
  /** Finds a tenant's connection when `resolve` is given only its name. */
  readonly connections?: ConnectionLookup;
  /** How long answers are served from the cache (default 5 minutes). */
  readonly ttlMs?: number;
  /** How many answers the cache keeps across all tenants (default 1000). */
  readonly maxEntries?: number;
  /** The clock of the cache and of agency location tokens (default Date.now; give the connector's `now`). */
  readonly now?: () => number;
  readonly logger?: Logger;
  /**
   * Who retries a failed list request: `'client'` (default: the GhlClient's retry options, 429s
   * waited out) or `'caller'` (one request; a 429 fails at once with its wait).
   */
  readonly retriedBy?: 'client' | 'caller';
}

export interface ResolveOptionsRequest {
  /** The tenant (gym) whose connection to use. */
  readonly tenant: string;
  /** The connection's name, as workflows name it. */
  readonly connectionName: string;
  /** The connection itself; default `connections(tenant, connectionName)`. */
  readonly connection?: ConnectionConfig;
  /** An option source id, e.g. `ghl.pipeline-stages`. */
  readonly source: string;
  /** The source's params, e.g. `{ pipelineId }`; members the source does not take are ignored. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Fetch anew and replace the cached answer. */
  readonly refresh?: boolean;
  /** Stops waiting (the shared request goes on for others). */
  readonly signal?: AbortSignal;
}

/** What a builder or an API needs to know about a source. */
export interface OptionSourceInfo {
  readonly id: string;
  readonly connector: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly OptionParam[];
}

export interface InvalidateOptionsFilter {
  readonly tenant: string;
  /** Only this connection's answers; default all of the tenant's. */
  readonly connectionName?: string;
}

export interface OptionsResolver {
  /** Every source `resolve` answers. */
  readonly sources: readonly OptionSourceInfo[];
  /**
   * The options of `source` for a tenant's connection. Throws OptionsError (unknown source,
   * missing param, unknown connection, ...) before any request, and the GHL client's
   * ActionError (`credentials`, `permission`, `not_found`, `rate_limited`, ...) after one.
   */
  resolve(request: ResolveOptionsRequest): Promise<OptionsResult>;
  /** Forgets cached answers of a tenant (e.g. after its connection changed); answers how many. */
  invalidate(filter: InvalidateOptionsFilter): number;
}

function checkOptions(options: OptionsResolverOptions): void {
  if (options === null || typeof options !== 'object' || options.ghl === undefined || typeof options.ghl.client?.execute !== 'function') {
    throw new TypeError('Expected `ghl` to be the host\'s GHL connector (createGhlConnector)');
  }
  if (options.ttlMs !== undefined && (!Number.isFinite(options.ttlMs) || options.ttlMs < 0)) {
    throw new TypeError(`Expected \`ttlMs\` to be a non-negative number of milliseconds, got ${options.ttlMs}`);
  }
  if (options.maxEntries !== undefined && (!Number.isInteger(options.maxEntries) || options.maxEntries < 1)) {
    throw new TypeError(`Expected \`maxEntries\` to be a positive integer, got ${options.maxEntries}`);
  }
  if (options.connections !== undefined && typeof options.connections !== 'function') throw new TypeError('Expected `connections` to be a function');
  if (options.retriedBy !== undefined && options.retriedBy !== 'client' && options.retriedBy !== 'caller') {
    throw new TypeError("Expected `retriedBy` to be 'client' or 'caller'");
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * Answers option sources (`x-flowline.options` of catalog fields) with a tenant's connection:
 * GHL calendars, pipelines, a pipeline's stages, users, custom fields and tags. Answers are
 * cached per tenant, connection, location and request for `ttlMs`; `refresh` fetches anew;
 * identical calls share one request; a slower stale answer never replaces a newer one.
 */
export function createOptionsResolver(options: OptionsResolverOptions): OptionsResolver {
  checkOptions(options);
  const { ghl } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const retriedBy = options.retriedBy ?? 'client';
  const cache = new AnswerCache<unknown>({
    ttlMs: options.ttlMs ?? DEFAULT_OPTIONS_TTL_MS,
    maxEntries: options.maxEntries ?? DEFAULT_OPTIONS_MAX_ENTRIES,
    now,
  });
  const byId = new Map<string, GhlOptionSource>(ghlOptionSources.map((source) => [source.id, source]));

  function sourceFor(id: unknown): GhlOptionSource {
    const source = typeof id === 'string' ? byId.get(id) : undefined;
    if (source) return source;
    const near = typeof id === 'string' ? closestNames(id, byId.keys()) : [];
    throw new OptionsError('options.unknown-source', `Unknown option source ${JSON.stringify(id)}`, {
      pointer: '/source',
      hint: near.length > 0 ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `Option sources: ${[...byId.keys()].join(', ')}.`,
    });
  }

  async function connectionOf(request: ResolveOptionsRequest, source: GhlOptionSource): Promise<ConnectionConfig> {
    const connection = request.connection ?? (await options.connections?.(request.tenant, request.connectionName));
    if (connection === undefined || connection === null) {
      throw new OptionsError('options.unknown-connection', `Tenant "${request.tenant}" has no connection "${request.connectionName}"`, {
        pointer: '/connectionName',
        hint: `Name one of the tenant's ${source.connector} connections.`,
      });
    }
    if (connection.connector !== source.connector) {
      throw new OptionsError('options.wrong-connector', `Option source "${source.id}" needs a ${source.connector} connection; "${request.connectionName}" is a ${String(connection.connector)} connection`, {
        pointer: '/connectionName',
        hint: `Name one of the tenant's ${source.connector} connections.`,
      });
    }
    return connection;
  }

  /** Tenant and connection first, so a tenant's (or a connection's) keys share a prefix. */
  function cacheKey(tenant: string, connectionName: string, connection: ConnectionConfig, source: GhlOptionSource, params: Readonly<Record<string, string>>): string {
    const settings = connection.settings ?? {};
    const place = [settings['locationId'], settings['companyId']].map((v) => (typeof v === 'string' ? v : ''));
    const requestParams = Object.entries(source.requestParams(params)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify([tenant, connectionName, ...place, source.operationId, requestParams]);
  }

  async function resolve(request: ResolveOptionsRequest): Promise<OptionsResult> {
    if (request === null || typeof request !== 'object') throw new OptionsError('options.invalid-request', 'Expected a request { tenant, connectionName, source, params? }');
    if (!nonEmpty(request.tenant)) throw new OptionsError('options.invalid-request', 'Expected `tenant` to be a non-empty string', { pointer: '/tenant' });
    if (!nonEmpty(request.connectionName)) {
      throw new OptionsError('options.invalid-request', 'Expected `connectionName` to be a non-empty string', { pointer: '/connectionName' });
    }
    const source = sourceFor(request.source);
    const params = readParams(source.id, source.params, request.params);
    const connection = await connectionOf(request, source);
    const operation = operationsById.get(source.operationId);
    if (operation?.http === undefined) throw new ActionError('internal', `Option source "${source.id}": the catalog has no operation ${source.operationId}`);
    const requestLabel = `${operation.http.method.toUpperCase()} ${operation.http.path}`;
    const { tenant, connectionName } = request;
    const key = cacheKey(tenant, connectionName, connection, source, params);

    const fetchAnswer = async (): Promise<unknown> => {
      const started = now();
      const { call, location } = connectionCall({ ghl, tenant, connectionName, connection, now, logger, retriedBy });
      try {
        const answer = await ghl.client.execute(operation, source.input(await location(), source.requestParams(params)), call);
        logger.debug('options fetched', { tenant, connection: connectionName, source: source.id, request: requestLabel, ms: now() - started });
        return answer;
      } catch (error) {
        logger.warn('options fetch failed', {
          tenant,
          connection: connectionName,
          source: source.id,
          request: requestLabel,
          ...(error instanceof ActionError ? { category: error.category, status: error.status } : {}),
          ...(error instanceof OptionsError ? { code: error.code } : {}),
        });
        throw error;
      }
    };
    const answer = await raceSignal(cache.get(key, fetchAnswer, request.refresh === true), request.signal, (reason) => new ActionError('timeout', `Listing ${source.id} was cancelled before GHL answered`, { cause: reason }));
    return { source: source.id, options: source.options(answer.value, params, requestLabel), fetchedAt: answer.fetchedAt, cached: answer.cached };
  }

  return {
    sources: ghlOptionSources.map(({ id, connector, title, description, params }) => ({ id, connector, title, description, params })),
    resolve,
    invalidate(filter) {
      if (!nonEmpty(filter?.tenant)) throw new TypeError('Expected `tenant` to be a non-empty string');
      const prefix = JSON.stringify([filter.tenant, ...(filter.connectionName === undefined ? [] : [filter.connectionName])]).slice(0, -1);
      return cache.delete((key) => key.startsWith(`${prefix},`));
    },
  };
}
