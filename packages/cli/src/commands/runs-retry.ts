import { createEngine, FlowlineError, type CompletedRun, type Engine, type RunRecord, type Store, type TenantScope, type TenantSettings, type TenantStore } from '@flowline/core';
import { engineOptions, type HostConfig } from '../host-config.js';
import { replayParkedDelivery } from '../host/replay-parked.js';
import { createTenantTokenStore, type DurableTokens } from '../host/tenant-token-store.js';

export const PARKED_PREFIX = 'parked:';

/** What a retry did: the runs it ran (to print), and lines to say first. */
export interface RetryResult {
  readonly runs: readonly CompletedRun[];
  readonly notes: readonly string[];
}

/** The run a retry names, if it names one: `run:<id>` or a bare run id (`inbox:` names a delivery). */
function runIdOf(id: string): string | undefined {
  if (id.startsWith('inbox:')) return undefined;
  return id.startsWith('run:') ? id.slice('run:'.length) : id;
}

/**
 * A run still `queued` or `running` when the caller owns the data directory was left so by a
 * process that stopped (a killed serve or retry): nothing runs it now. It is recorded as failed,
 * interrupted, so it can be retried like any failed run; its effects already done are skipped.
 */
async function interrupted(store: TenantStore, run: RunRecord): Promise<string> {
  await store.putRun({
    ...run,
    status: 'failed',
    finishedAt: new Date().toISOString(),
    error: { name: 'FlowlineError', code: 'runs.interrupted', message: `The process running it stopped while it was ${run.status}` },
  });
  return `run ${run.id} was left ${run.status} by a process that stopped; retrying it (effects already done are not repeated)`;
}

/** Replays a parked delivery of the tenant of `scope` whose trigger exists now; waits for its runs. */
async function replayParked(id: string, engine: Engine, scope: TenantScope, store: TenantStore): Promise<RetryResult> {
  const delivery = await store.getParkedDelivery(id);
  if (!delivery) throw new FlowlineError('runs.not-found', `There is no parked delivery ${id}`, { hint: 'List them with `flowline runs list --parked`.' });
  const outcome = await replayParkedDelivery(delivery, { catalog: engine.catalog, scope, store });
  if (outcome.status === 'waiting') {
    throw new FlowlineError('runs.no-trigger', `Parked delivery ${id} is for ${delivery.event.trigger}, which this version of Flowline does not have yet; it stays parked`, {
      hint: 'Replay it once a version with that trigger is installed (`flowline serve` replays such deliveries as it starts).',
    });
  }
  if (outcome.status === 'refused') throw new FlowlineError('runs.replay-refused', `Parked delivery ${id} was refused by ${delivery.event.trigger}: ${outcome.message}; it stays parked`);
  await engine.idle();
  const entry = await store.getInboxEntry(delivery.event.id);
  const runs = await Promise.all((entry?.runIds ?? []).map((runId) => scope.getRun(runId)));
  return {
    runs: runs.filter((run): run is CompletedRun => run !== undefined),
    notes: [`parked delivery ${id} replayed${outcome.result.status === 'duplicate' ? ' (it was in the inbox already)' : ''}; ${runs.length} run(s)`],
  };
}

/**
 * `flowline runs retry <id>` with the data directory held by this process: a dead letter or a
 * failed run is run again, a run left unfinished by a process that stopped is finished, and
 * `parked:<id>` replays a parked delivery whose trigger exists now.
 */
export async function retry(
  id: string,
  options: {
    readonly config: HostConfig;
    readonly store: Store;
    readonly durable: DurableTokens | undefined;
    readonly workflows: readonly unknown[];
    /** A stored tenant's settings (`--tenant`): its run, with its connections; default the configuration's tenant. */
    readonly tenant?: TenantSettings;
  },
): Promise<RetryResult> {
  const engine = createEngine(
    engineOptions(options.config, { store: options.store, ...(options.durable ? { tokenStore: createTenantTokenStore(options.durable) } : {}) }),
  );
  const scope: TenantScope = options.tenant ? engine.addTenant(options.tenant) : engine;
  const store: TenantStore = options.tenant ? options.store.forTenant(options.tenant.id) : options.store;
  for (const definition of options.workflows) scope.deploy(definition);
  if (id.startsWith(PARKED_PREFIX)) return replayParked(id.slice(PARKED_PREFIX.length), engine, scope, store);

  const notes: string[] = [];
  const runId = runIdOf(id);
  const run = runId === undefined ? undefined : await store.getRun(runId);
  if (run && (run.status === 'running' || run.status === 'queued')) notes.push(await interrupted(store, run));
  return { runs: await scope.retry(id), notes };
}
