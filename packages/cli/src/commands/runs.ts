import { checkTenantId, createEngine, DEFAULT_TENANT, FlowlineError, RUN_STATUSES, type CompletedRun, type Engine, type ParkedDelivery, type RunRecord, type RunStatus, type Store, type TenantScope } from '@flowline/core';
import { engineOptions, loadHostConfig } from '../host-config.js';
import { lockDataDir, type DataDirLock } from '../host/data-dir-lock.js';
import { loadWorkflows } from '../host/load-workflows.js';
import { dataDirOf, openStore } from '../host/open-store.js';
import type { CommandIo } from './command-io.js';
import { PARKED_PREFIX, retry } from './runs-retry.js';
import { readTenantRecord } from '../tenants/read-tenant-record.js';
import { hostTenantOf } from '../tenants/stored-tenant.js';

export interface RunsArgs {
  readonly action: string | undefined;
  readonly rest: readonly string[];
  readonly dataDir: string | undefined;
  readonly config: string | undefined;
  readonly status: string | undefined;
  readonly workflow: string | undefined;
  readonly limit: number | undefined;
  readonly dead: boolean;
  /** `list --parked`: deliveries of event types no trigger handled when they came. */
  readonly parked?: boolean;
  readonly json: boolean;
  /** `--tenant <id>`: a stored tenant's runs (default: the configuration's, the default tenant). */
  readonly tenant?: string | undefined;
}

export const RUNS_USAGE = `usage:
  flowline runs list [--status queued|running|succeeded|failed|cancelled] [--workflow <id>] [--limit N] [--dead | --parked] [--json]
  flowline runs show <run-id> [--json]
  flowline runs retry <run-id | dead-letter-id | parked:<id>> <workflows>... [--config flowline.config.json]
  flowline runs discard <dead-letter-id | run-id>
  (all take --data-dir, default .data, and --tenant <id> for a tenant added with flowline tenants add)

  retry runs in this process, which takes the data directory for its time: it is refused while
  \`flowline serve\` (or another retry) owns it. A run left unfinished by a process that stopped
  is finished; effects already done are not repeated. parked:<id> replays a delivery of an event
  type that had no trigger when it came, once this version has one. discard takes a dead letter
  off the list without replaying it (it takes the data directory too).`;
const USAGE = RUNS_USAGE;


function runLine(run: RunRecord): string {
  return `${run.id}  ${run.status.padEnd(9)} ${run.workflowId.padEnd(28)} ${run.event.trigger.padEnd(36)} ${run.queuedAt}${run.error ? `  ${run.error.message}` : ''}`;
}

function parkedLine(delivery: ParkedDelivery, known: boolean): string {
  return `${PARKED_PREFIX}${delivery.id}  ${delivery.event.trigger.padEnd(36)} ${delivery.receivedAt}  ${known ? 'its trigger exists now: replay it with flowline runs retry' : 'no trigger yet'}`;
}

function showRun(run: CompletedRun): string {
  return [
    runLine(run),
    `  event ${run.event.id ?? '(no id)'}`,
    ...run.steps.map((step) => `  ${step.status.padEnd(9)} ${step.path}  ${step.durationMs} ms${step.attempts > 1 ? `, ${step.attempts} attempts` : ''}${step.reason ? ` (${step.reason})` : ''}${step.error ? `: ${step.error.message}` : ''}`),
  ].join('\n');
}

/**
 * The scope of the tenant `--tenant` names (the default tenant's without it). Its records are read
 * and written without its connections, which only a retry needs; a tenant with no records at all
 * is `tenants.not-found`.
 */
async function tenantScope(engine: Engine, store: Store, tenant: string | undefined): Promise<TenantScope> {
  if (tenant === undefined || tenant === DEFAULT_TENANT) return engine;
  checkTenantId(tenant, '/tenant');
  if (!(await store.listTenantIds()).includes(tenant)) {
    throw new FlowlineError('tenants.not-found', `There is no tenant "${tenant}"`, { hint: 'List them with flowline tenants list.' });
  }
  return engine.addTenant({ id: tenant });
}

/** `flowline runs list|show|retry|discard`: run history, dead letters, replaying and discarding them. */
export async function runsCommand(args: RunsArgs, io: CommandIo): Promise<number> {
  if (args.status !== undefined && !RUN_STATUSES.includes(args.status as RunStatus)) {
    io.err(`--status must be one of ${RUN_STATUSES.join(', ')}`);
    return 2;
  }
  let lock: DataDirLock | undefined;
  // A retry runs work and a discard writes: each takes the data directory, as serve does (reading needs no lock).
  if (args.action === 'retry' && args.rest.length >= 2) lock = await lockDataDir(dataDirOf(args), 'flowline runs retry');
  if (args.action === 'discard' && args.rest.length === 1) lock = await lockDataDir(dataDirOf(args), 'flowline runs discard');
  let storage: ReturnType<typeof openStore>;
  try {
    storage = openStore(args.dataDir ? { dataDir: args.dataDir } : {});
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    switch (args.action) {
      case 'list': {
        const engine = createEngine(engineOptions({}, { store: storage.store }));
        const scope = await tenantScope(engine, storage.store, args.tenant);
        if (args.parked) {
          const records = scope === engine ? storage.store : storage.store.forTenant(scope.tenantId);
          const parked = await records.listParkedDeliveries(args.limit === undefined ? {} : { limit: args.limit });
          if (args.json) io.out(JSON.stringify(parked, null, 2));
          else for (const delivery of parked) io.out(parkedLine(delivery, engine.catalog.describe(delivery.event.trigger)?.kind === 'trigger'));
          if (!args.json && parked.length === 0) io.out('no parked deliveries');
          return 0;
        }
        if (args.dead) {
          const letters = await scope.deadLetters(args.limit === undefined ? {} : { limit: args.limit });
          if (args.json) io.out(JSON.stringify(letters, null, 2));
          else for (const letter of letters) io.out(`${letter.id}  ${letter.reason}  ${letter.at}${letter.error ? `  ${letter.error.message}` : ''}`);
          if (!args.json && letters.length === 0) io.out('no dead letters');
          return 0;
        }
        const runs = await scope.listRuns({
          ...(args.status ? { status: args.status as RunStatus } : {}),
          ...(args.workflow ? { workflowId: args.workflow } : {}),
          limit: args.limit ?? 50,
        });
        if (args.json) io.out(JSON.stringify(runs, null, 2));
        else for (const run of runs) io.out(runLine(run));
        return 0;
      }
      case 'show': {
        const [id] = args.rest;
        if (!id) break;
        const run = await (await tenantScope(createEngine({ store: storage.store }), storage.store, args.tenant)).getRun(id);
        if (!run) {
          io.err(`There is no run ${id}`);
          return 1;
        }
        io.out(args.json ? JSON.stringify(run, null, 2) : showRun(run));
        return 0;
      }
      case 'discard': {
        const [id] = args.rest;
        if (!id || args.rest.length !== 1) break;
        try {
          const letter = await (await tenantScope(createEngine({ store: storage.store }), storage.store, args.tenant)).discardDeadLetter(id);
          io.out(args.json ? JSON.stringify(letter, null, 2) : `discarded ${letter.id} (${letter.reason}, ${letter.at})`);
          return 0;
        } catch (error) {
          if (!(error instanceof FlowlineError)) throw error;
          io.err(`${error.message}${error.hint ? `\n  ${error.hint}` : ''}`);
          return 1;
        }
      }
      case 'retry': {
        const [id, ...paths] = args.rest;
        if (!id || paths.length === 0) break;
        const config = await loadHostConfig(args.config);
        const workflows = (await loadWorkflows(paths)).map(({ definition }) => definition);
        const tenant = args.tenant === undefined || args.tenant === DEFAULT_TENANT ? undefined : hostTenantOf(await readTenantRecord(storage.store, args.tenant, 'flowline runs retry')).settings;
        try {
          const { runs, notes } = await retry(id, { config, store: storage.store, durable: storage.durable, workflows, ...(tenant ? { tenant } : {}) });
          for (const note of notes) io.err(note);
          for (const run of runs) io.out(args.json ? JSON.stringify(run, null, 2) : showRun(run));
          return runs.every((run) => run.status === 'succeeded') ? 0 : 1;
        } catch (error) {
          if (!(error instanceof FlowlineError)) throw error;
          io.err(`${error.message}${error.hint ? `\n  ${error.hint}` : ''}`);
          return 1;
        }
      }
    }
    io.err(USAGE);
    return 2;
  } finally {
    await storage.close();
    lock?.release();
  }
}
