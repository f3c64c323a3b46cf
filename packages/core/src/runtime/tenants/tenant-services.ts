import type { Catalog } from '../../catalog/catalog.js';
import type { ConnectionConfig, Connector } from '../../connectors/connector.js';
import { BUILT_IN_CONNECTION } from '../../connectors/link-operations.js';
import { createLinksConnector } from '../../connectors/links-connector.js';
import type { KeyedLimiter } from '../../limits/keyed-limiter.js';
import type { StepRecord } from '../../store/records.js';
import type { TenantStore } from '../../store/store.js';
import { createRedactor, secretStrings } from '../error-record.js';
import type { IdleSignals } from '../idle-signals.js';
import type { Logger } from '../logger.js';
import type { RunEventEmitter } from '../run-events.js';
import type { RunServices } from '../run-services.js';
import type { TenantSettings } from './tenant-settings.js';

/** What every tenant's runs share: one event emitter, limiter, catalog and set of connectors per engine. */
export interface SharedServices {
  readonly events: RunEventEmitter;
  readonly logger: Logger;
  readonly limiter: KeyedLimiter;
  readonly catalog: Catalog;
  /** The host's connectors (the built-in `flowline` one is each tenant's own, on its records). */
  readonly connectors: ReadonlyMap<string, Connector>;
  readonly now: () => number;
  readonly idleSignals: IdleSignals;
  /** Wakes the timer scheduler earlier when a new timer is due before it would wake. */
  readonly timerSet: (dueAt: number) => void;
}

/**
 * What a tenant's runs in progress are known by, kept by run id (run ids are only unique within a
 * tenant). It outlives an update of the tenant's settings: runs started before it end after it.
 */
export interface RunsInProgress {
  /** Step records of its runs in progress (for their results). */
  readonly stepsOfRuns: Map<string, StepRecord[]>;
  readonly freshRuns: RunServices['freshRuns'];
  readonly unrecordedRuns: RunServices['unrecordedRuns'];
  readonly cancelled: RunServices['cancelled'];
}

export function createRunsInProgress(): RunsInProgress {
  return { stepsOfRuns: new Map(), freshRuns: new Map(), unrecordedRuns: new Map(), cancelled: new Set() };
}

/** A logger that names the tenant in every line. */
export function tenantLogger(logger: Logger, tenant: string): Logger {
  return {
    debug: (message, fields) => logger.debug(message, { tenant, ...fields }),
    info: (message, fields) => logger.info(message, { tenant, ...fields }),
    warn: (message, fields) => logger.warn(message, { tenant, ...fields }),
    error: (message, fields) => logger.error(message, { tenant, ...fields }),
  };
}

/**
 * The services a tenant's runs use: its records, connections, `$config` and secrets (redacted from
 * everything it records), on the engine's shared emitter, limiter and connectors, with what its
 * runs in progress are known by.
 */
export function createTenantServices(settings: TenantSettings, store: TenantStore, shared: SharedServices, inProgress: RunsInProgress): RunServices {
  const connections: Readonly<Record<string, ConnectionConfig>> = { [BUILT_IN_CONNECTION]: { connector: 'flowline' }, ...settings.connections };
  const { stepsOfRuns, freshRuns, unrecordedRuns, cancelled } = inProgress;
  return {
    ...shared,
    tenant: settings.id,
    store,
    logger: tenantLogger(shared.logger, settings.id),
    connectors: withLinks(shared.connectors, createLinksConnector(store)),
    connections,
    config: settings.config ?? {},
    redact: createRedactor(Object.values(connections).flatMap((connection) => secretStrings(connection.credentials))),
    freshRuns,
    unrecordedRuns,
    cancelled,
    async recordStep(record) {
      await store.putStep(record);
      const kept = stepsOfRuns.get(record.runId);
      if (!kept) return;
      const index = kept.findIndex((candidate) => candidate.path === record.path);
      if (index === -1) kept.push(record);
      else kept[index] = record;
    },
  };
}

/** The host's connectors with the tenant's own `flowline` connector (links on its records). */
function withLinks(connectors: ReadonlyMap<string, Connector>, links: Connector): ReadonlyMap<string, Connector> {
  return new Map([[links.name, links], ...connectors]);
}
