import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createSqliteStore, startHost, type HostConfig, type HostTenant, type RunningHost, type Store } from './host-dependencies.js';
import { BENCH_SIGNING_SECRET } from './signed-delivery.js';
import { tenantId, tenantSigningSecret } from './tenant-files.js';
import type { WebhookTarget } from './webhook-load.js';

/** Which store the host runs on: the memory store, or a SQLite file with `durability` 'power' (the default) or 'process'. */
export type BenchStoreKind = 'memory' | 'sqlite-power' | 'sqlite-process';

export const BENCH_STORE_KINDS: readonly BenchStoreKind[] = ['memory', 'sqlite-power', 'sqlite-process'];

export const STORE_LABELS: Readonly<Record<BenchStoreKind, string>> = {
  memory: 'memory store',
  'sqlite-power': 'SQLite, durability power (default)',
  'sqlite-process': 'SQLite, durability process',
};

/**
 * The benchmarked workflow: PushPress `customer.created` → one GHL `contacts.upsert-contact`
 * action (POST /contacts/upsert), its body mapped from the event by JSONata.
 */
export const UPSERT_WORKFLOW = {
  id: 'bench.customer-created-to-ghl',
  name: 'Benchmark: a new PushPress customer becomes a GHL contact',
  version: 1,
  trigger: { operation: 'pushpress.customer.created' },
  steps: [
    {
      id: 'upsert',
      type: 'action',
      operation: 'ghl.contacts.upsert-contact',
      connection: 'ghl',
      input: {
        body: {
          locationId: '=$config.ghlLocationId',
          firstName: '=$event.data.name.first',
          lastName: '=$event.data.name.last',
          email: '=$lowercase($trim($event.data.email))',
          phone: '=$event.data.phone',
          tags: '=["pushpress", $event.data.role]',
          source: 'PushPress',
        },
      },
    },
  ],
} as const;

function hostConfig(ghlUrl: string): HostConfig {
  return {
    ghl: { baseUrl: ghlUrl },
    pushpress: { signingSecrets: [BENCH_SIGNING_SECRET] },
    connections: {
      ghl: {
        connector: 'ghl',
        settings: { locationId: 'loc_bench' },
        credentials: { type: 'private-token', token: 'bench-token-not-a-secret' },
      },
    },
    config: { ghlLocationId: 'loc_bench' },
  };
}

export interface BenchHostOptions {
  readonly store: BenchStoreKind;
  /** The loopback GHL's base URL. */
  readonly ghlUrl: string;
  /** The engine's concurrency; default the host's (64). */
  readonly concurrency?: number;
  /** The webhook server on a thread of its own (startHost's `receiverThread`). Default false. */
  readonly receiverThread?: boolean;
  /**
   * Tenants (gyms) besides the default one, `gym-0001`…, each with its own GHL connection and
   * location, `$config` and signing secret, running the same upsert workflow (see benchTenant).
   * Default 0: the default tenant only.
   */
  readonly tenants?: number;
  /**
   * The HTTP API for builders on (startHost's `api`: 127.0.0.1, a free port of its own, the keys
   * BENCH_API_KEYS). Default false. On, it listens; it costs the webhook path anything only once
   * someone watches a tenant's events (see packages/cli/src/api/run-event-log.ts).
   */
  readonly api?: boolean;
}

/** The benchmark host API's keys: `Authorization: Bearer ${BENCH_API_KEYS.operatorKey}` for every route. */
export const BENCH_API_KEYS = {
  operatorKey: 'bench-operator-key-not-a-secret',
  tokenSecret: 'bench-token-secret-not-a-secret-0123456789',
} as const;

/** The `n`th gym of a benchmark host: the default tenant's connection and workflow, with its own location, token and signing secret. */
export function benchTenant(n: number): HostTenant {
  const location = `loc_bench_${tenantId(n)}`;
  return {
    settings: {
      id: tenantId(n),
      connections: { ghl: { connector: 'ghl', settings: { locationId: location }, credentials: { type: 'private-token', token: `bench-token-${n}-not-a-secret` } } },
      config: { ghlLocationId: location },
    },
    signingSecrets: [tenantSigningSecret(n)],
  };
}

export interface BenchHost {
  readonly host: RunningHost;
  readonly store: Store;
  /** The added tenants' webhook URLs and secrets, in order (empty without `tenants`). */
  readonly tenantTargets: readonly WebhookTarget[];
  /** Closes the host and the store and deletes the temporary data directory. */
  close(options?: { readonly waitForRuns?: boolean }): Promise<void>;
}

/** A host on 127.0.0.1 (free port) with the upsert workflow (for each tenant, with `tenants`), on a fresh store (SQLite files in a temp dir under os.tmpdir()). */
export async function startBenchHost(options: BenchHostOptions): Promise<BenchHost> {
  if (options.tenants !== undefined && !(Number.isInteger(options.tenants) && options.tenants >= 0)) throw new TypeError(`Expected \`tenants\` to be a whole number, got ${String(options.tenants)}`);
  if (!['memory', 'sqlite-power', 'sqlite-process'].includes(options.store)) {
    throw new TypeError(`Expected \`store\` to be one of ${BENCH_STORE_KINDS.join(', ')}, got ${String(options.store)}`);
  }
  const dataDir = options.store === 'memory' ? undefined : mkdtempSync(join(tmpdir(), 'flowline-bench-'));
  const sqlite =
    dataDir === undefined ? undefined : createSqliteStore({ path: join(dataDir, 'flowline.db'), durability: options.store === 'sqlite-power' ? 'power' : 'process' });
  const store: Store = sqlite ?? createMemoryStore();
  const removeDataDir = () => {
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  let host: RunningHost;
  try {
    host = await startHost({
      config: hostConfig(options.ghlUrl),
      workflows: [{ file: 'bench', definition: UPSERT_WORKFLOW }],
      store,
      port: 0,
      host: '127.0.0.1',
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.receiverThread ? { receiverThread: true } : {}),
      ...(options.api ? { api: { host: '127.0.0.1', port: 0, ...BENCH_API_KEYS } } : {}),
      ...(options.tenants ? { tenants: Array.from({ length: options.tenants }, (_, index) => benchTenant(index + 1)) } : {}),
    });
  } catch (error) {
    await sqlite?.close();
    removeDataDir();
    throw error;
  }
  return {
    host,
    store,
    tenantTargets: Array.from({ length: options.tenants ?? 0 }, (_, index) => ({ url: host.webhookUrlOf(tenantId(index + 1)), secret: tenantSigningSecret(index + 1) })),
    async close({ waitForRuns = true } = {}) {
      try {
        if (waitForRuns) await host.close();
        await sqlite?.close();
      } finally {
        removeDataDir();
      }
    },
  };
}
