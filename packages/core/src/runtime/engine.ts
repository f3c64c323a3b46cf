import { randomUUID } from 'node:crypto';
import type { Snapshot } from 'xstate';
import { createCatalog, type Catalog } from '../catalog/catalog.js';
import type { ConnectionConfig, Connector } from '../connectors/connector.js';
import { BUILT_IN_CONNECTION, createLinksConnector } from '../connectors/links-connector.js';
import { validateWorkflow } from '../definition/validate-workflow.js';
import type { ValidationResult } from '../definition/validation-problem.js';
import { FlowlineError } from '../errors/flowline-error.js';
import { WorkflowValidationError } from '../errors/workflow-validation-error.js';
import { ExpressionCompiler, type ExpressionFunction } from '../expressions/expression-compiler.js';
import type { ExpressionLimits } from '../expressions/expression-limits.js';
import type { Mapping, WorkflowDefinition } from '../generated/workflow.js';
import { createKeyedLimiter, type KeyedLimiter } from '../limits/keyed-limiter.js';
import { prepareWorkflow, type PreparedWorkflow } from '../machine/prepare-workflow.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { DeadLetter, InboxEntry, RunRecord, StepRecord, TriggerEvent } from '../store/records.js';
import type { DeadLetterQuery, RunQuery, Store } from '../store/store.js';
import { createRedactor, secretStrings, toErrorRecord } from './error-record.js';
import type { EventSink, IdentifiedEvent, SubmitResult } from './event-sink.js';
import { EventQueue, type InboxEvent } from './event-queue.js';
import { executeRun, finishRun, queueRun } from './execute-run.js';
import { silentLogger, type Logger } from './logger.js';
import { PayloadChecker } from './payload-checker.js';
import { createRunEventEmitter, type RunEventName, type RunEvents } from './run-events.js';
import type { FreshRun, RunServices } from './run-services.js';
import { isTruthy } from '../steps/truthiness.js';
import { isoTime } from './iso-time.js';
import { legacyRunId, runIdOf } from './run-id.js';
import { IdleSignals } from './idle-signals.js';

/** An inbox entry as the queue takes it: the event under the entry's id, and when it was accepted. */
const acceptedOf = (entry: InboxEntry): InboxEvent => ({ event: { ...entry.event, id: entry.id }, receivedAt: entry.receivedAt });

export interface EngineOptions {
  /** The connectors whose operations workflows may use. */
  readonly connectors?: readonly Connector[];
  /** Where runs, snapshots, idempotency records and the inbox live. Default: in memory. */
  readonly store?: Store;
  readonly logger?: Logger;
  /** Named connections (settings and secret credentials) that action steps refer to. */
  readonly connections?: Readonly<Record<string, ConnectionConfig>>;
  /** Non-secret configuration, `$config` in mappings (e.g. a GHL location id). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Mapping templates every workflow may `$use` (a workflow's own templates win). */
  readonly templates?: Readonly<Record<string, Mapping>>;
  readonly expressionLimits?: Partial<ExpressionLimits>;
  /** Extra JSONata functions, e.g. `{ toE164: { implementation, signature } }` for `$toE164()`. */
  readonly expressionFunctions?: Readonly<Record<string, ExpressionFunction>>;
  /** Larger event payloads are refused. Default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /**
   * Submitted events processed at once (events with one ordering key always run one at a time).
   * Default 64: a run spends most of its time waiting (durable commits, the CRM's answers), so
   * many in flight keep the CPU busy; each costs about 15 KB while it runs.
   */
  readonly concurrency?: number;
  readonly limiter?: KeyedLimiter;
  readonly now?: () => number;
}

export interface RunOptions {
  /** Action steps record the request they would send instead of calling out. */
  readonly dryRun?: boolean;
}

/** A finished run with its step records. */
export type CompletedRun = RunRecord & { readonly steps: readonly StepRecord[] };

/** The embedding API: everything a host (a builder, a server, the CLI) uses. */
export interface Engine extends EventSink {
  readonly catalog: Catalog;
  /** Every problem of a definition, each with a JSON pointer. */
  validate(definition: unknown): ValidationResult;
  /** Validates and deploys (or replaces) a workflow; throws WorkflowValidationError. */
  deploy(definition: unknown): WorkflowDefinition;
  undeploy(id: string): boolean;
  workflows(): WorkflowDefinition[];
  /** Runs every deployed workflow whose trigger (and filter) matches the event, and waits for them. */
  dispatch(event: TriggerEvent, options?: RunOptions): Promise<CompletedRun[]>;
  /** Runs one definition (deployed or not) against one event. */
  run(definition: unknown, event: TriggerEvent, options?: RunOptions): Promise<CompletedRun>;
  /**
   * Finishes what a previous process left: every accepted event still pending (in the order it
   * was accepted, one at a time per ordering key) and every unfinished run, from its persisted
   * snapshot. Effects already done are not repeated. Call it once, after deploying.
   */
  resume(): Promise<CompletedRun[]>;
  /** Runs that gave up and events that could not be processed, oldest first. */
  deadLetters(query?: DeadLetterQuery): Promise<DeadLetter[]>;
  /**
   * Replays a dead letter (`run:<id>`, `inbox:<id>`, or a run id). A run starts again from its
   * first step under the same id, so the effects it already had are skipped with their outputs.
   */
  retry(id: string): Promise<CompletedRun[]>;
  getRun(id: string): Promise<CompletedRun | undefined>;
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  /** Subscribes to run and step events; returns the unsubscribe function. */
  on<Name extends RunEventName>(name: Name, listener: (event: RunEvents[Name]) => void): () => void;
  /** Resolves when every submitted event has been processed. */
  idle(): Promise<void>;
}

function checkOptions(options: EngineOptions): void {
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1)) {
    throw new TypeError(`Expected \`concurrency\` to be a positive integer, got ${options.concurrency}`);
  }
  for (const [name, connection] of Object.entries(options.connections ?? {})) {
    if (connection.connector !== 'flowline' && !options.connectors?.some((connector) => connector.name === connection.connector)) {
      throw new TypeError(`Connection "${name}" is for connector "${connection.connector}", which was not given to the engine`);
    }
  }
}

export function createEngine(options: EngineOptions = {}): Engine {
  checkOptions(options);
  const store = options.store ?? createMemoryStore();
  const connectors = new Map([createLinksConnector(store), ...(options.connectors ?? [])].map((connector) => [connector.name, connector]));
  const catalog = createCatalog([...connectors.values()].flatMap((connector) => connector.operations));
  const connections: Readonly<Record<string, ConnectionConfig>> = { [BUILT_IN_CONNECTION]: { connector: 'flowline' }, ...options.connections };
  const expressions = new ExpressionCompiler({ limits: options.expressionLimits, functions: options.expressionFunctions });
  const services: RunServices = {
    store,
    events: createRunEventEmitter(),
    logger: options.logger ?? silentLogger,
    limiter: options.limiter ?? createKeyedLimiter(),
    catalog,
    connectors,
    connections,
    config: options.config ?? {},
    redact: createRedactor(Object.values(connections).flatMap((connection) => secretStrings(connection.credentials))),
    now: options.now ?? Date.now,
    freshRuns: new Map(),
    unrecordedRuns: new Map(),
    idleSignals: new IdleSignals(),
    async recordStep(record) {
      await store.putStep(record);
      const kept = stepsOfRuns.get(record.runId);
      if (!kept) return;
      const index = kept.findIndex((candidate) => candidate.path === record.path);
      if (index === -1) kept.push(record);
      else kept[index] = record;
    },
  };
  const payloads = new PayloadChecker(catalog, options.maxPayloadBytes ?? 1024 * 1024);
  const deployed = new Map<string, PreparedWorkflow>();
  const pending = new Set<Promise<unknown>>();

  const validate = (definition: unknown): ValidationResult =>
    validateWorkflow(definition, { catalog, expressions, connections, templates: options.templates });

  const prepare = (definition: unknown): PreparedWorkflow => {
    const result = validate(definition);
    if (!result.valid) {
      const id = definition !== null && typeof definition === 'object' && typeof (definition as { id?: unknown }).id === 'string' ? `"${(definition as { id: string }).id}"` : '(no id)';
      throw new WorkflowValidationError(id, result.problems);
    }
    return prepareWorkflow(definition as WorkflowDefinition, { services, expressions, catalog, templates: options.templates ?? {} });
  };

  const checkEvent = (event: TriggerEvent): void => {
    const operation = catalog.describe(event.trigger);
    if (!operation || operation.kind !== 'trigger') {
      const closest = catalog.suggest(event.trigger, 'trigger');
      throw new FlowlineError('event.unknown-trigger', `"${event.trigger}" is not a trigger this engine knows`, {
        pointer: '/trigger',
        ...(closest.length ? { hint: `Did you mean ${closest.map((id) => `"${id}"`).join(', ')}?` } : {}),
      });
    }
    payloads.check(event.trigger, event.payload);
  };

  /** Step records of the runs this engine is running, by run id, for their results. */
  const stepsOfRuns = new Map<string, StepRecord[]>();
  const complete = async (run: RunRecord): Promise<CompletedRun> => ({ ...run, steps: await store.listSteps(run.id) });
  /**
   * Executes a run, answering with its step records from memory instead of the store. `fresh`:
   * the run cannot have been attempted before (see RunServices.freshRuns).
   */
  const execute = async (workflow: PreparedWorkflow, run: RunRecord, fresh?: FreshRun): Promise<CompletedRun> => {
    if (stepsOfRuns.has(run.id)) return complete(await executeRun(workflow, run, services));
    const steps: StepRecord[] = [];
    stepsOfRuns.set(run.id, steps);
    if (fresh) services.freshRuns.set(run.id, fresh);
    try {
      return { ...(await executeRun(workflow, run, services)), steps };
    } finally {
      stepsOfRuns.delete(run.id);
      services.freshRuns.delete(run.id);
    }
  };

  /** `fresh`: the event was accepted into the inbox just now, so it has no run yet. `receivedAt`: when the inbox accepted it. */
  const start = async (workflow: PreparedWorkflow, event: TriggerEvent, runOptions: RunOptions, fresh = false, receivedAt?: string): Promise<CompletedRun | undefined> => {
    const dryRun = runOptions.dryRun ?? false;
    const { id: workflowId, version } = workflow.definition;
    const id = event.id === undefined || dryRun ? randomUUID() : runIdOf(event.id, workflowId, version, receivedAt);
    if (event.id !== undefined && !dryRun && !fresh) {
      // An older version named the runs of inbox events by the hash alone: find those too.
      const existing = (await store.getRun(id)) ?? (receivedAt === undefined ? undefined : await store.getRun(legacyRunId(event.id, workflowId, version)));
      if (existing?.status === 'succeeded' || existing?.status === 'failed') return complete(existing);
      if (existing) return complete(await executeRun(workflow, existing, services, (await store.getSnapshot(existing.id)) as Snapshot<unknown> | undefined));
    }
    if (workflow.filter) {
      let matches: boolean;
      try {
        matches = isTruthy(await workflow.filter.evaluate(event.payload, { event: event.payload, trigger: { operation: event.trigger, id: event.id }, config: services.config }, '/trigger/filter'));
      } catch (error) {
        const run = await queueRun(workflow, event, { id, dryRun, services });
        return complete(await finishRun(run, { status: 'failed', error: toErrorRecord(error, services.redact) }, services));
      }
      if (!matches) return undefined;
    }
    const run = await queueRun(workflow, event, { id, dryRun, services });
    // Nothing of the run can be in the store if its event was accepted just now, or if it is not an
    // inbox event's run: those write their record before their first step, and none was found above.
    return execute(workflow, run, fresh || receivedAt === undefined ? { fromInbox: fresh } : undefined);
  };

  const dispatchEvent = async (event: TriggerEvent, runOptions: RunOptions, fresh: boolean, receivedAt?: string): Promise<CompletedRun[]> => {
    checkEvent(event);
    const matching = [...deployed.values()].filter((workflow) => workflow.definition.trigger.operation === event.trigger);
    const runs = await Promise.all(matching.map((workflow) => start(workflow, event, runOptions, fresh, receivedAt)));
    return runs.filter((run): run is CompletedRun => run !== undefined);
  };
  const dispatch = (event: TriggerEvent, runOptions: RunOptions = {}) => dispatchEvent(event, runOptions, false);

  const at = () => isoTime(services.now());

  /** Runs an accepted event; failed runs and unprocessable events go to the dead-letter list. */
  const process = async ({ event, receivedAt }: InboxEvent, fresh: boolean): Promise<CompletedRun[]> => {
    try {
      const runs = await dispatchEvent(event, {}, fresh, receivedAt);
      for (const run of runs.filter((candidate) => candidate.status === 'failed')) {
        await store.putDeadLetter({ runId: run.id, reason: 'run-failed', at: at(), ...(run.error ? { error: run.error } : {}) });
      }
      await store.setInboxStatus(event.id, 'done', { runIds: runs.map((run) => run.id) });
      return runs;
    } catch (error) {
      const record = toErrorRecord(error, services.redact);
      services.logger.error('an accepted event could not be processed', { eventId: event.id, error: record });
      await store.setInboxStatus(event.id, 'dead', { runIds: [], error: record });
      await store.putDeadLetter({ inboxId: event.id, reason: 'unprocessable', error: record, at: at() });
      return [];
    }
  };

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
    return promise;
  };

  /** Accepted events waiting for their turn: in order per ordering key, `concurrency` at once. */
  const queue = new EventQueue<CompletedRun[]>({
    concurrency: options.concurrency ?? 64,
    maxHeld: 1000,
    handle: process,
    async load(id) {
      try {
        const entry = await store.getInboxEntry(id);
        return entry?.status === 'pending' ? acceptedOf(entry) : undefined;
      } catch (error) {
        services.logger.error('a queued event could not be read back; it stays pending for the next start', { eventId: id, error: toErrorRecord(error, services.redact) });
        return undefined;
      }
    },
    missing: [],
  });

  /**
   * What an earlier process left: the runs it left unfinished are listed first, before anything
   * new runs, so a run started meanwhile by a newly submitted event is never taken for a leftover
   * and run a second time beside its own lane. Pending inbox events go through their lanes; a
   * leftover run without a pending event resumes from its snapshot unless it finished meanwhile.
   */
  const resumeLeftovers = async (): Promise<CompletedRun[]> => {
    const unfinished = [...(await store.listRuns({ status: 'running' })), ...(await store.listRuns({ status: 'queued' }))];
    const pendingEvents = await store.listInbox('pending');
    const fromInbox = await Promise.all(pendingEvents.map((entry) => queue.push(acceptedOf(entry), false, true) ?? []));
    const resumedIds = new Set(fromInbox.flat().map((run) => run.id));
    const orphans: CompletedRun[] = [];
    for (const listed of unfinished.filter((candidate) => !resumedIds.has(candidate.id))) {
      const run = await store.getRun(listed.id);
      if (!run || run.status === 'succeeded' || run.status === 'failed') continue;
      const workflow = deployed.get(run.workflowId);
      if (!workflow || workflow.definition.version !== run.workflowVersion) {
        services.logger.warn('a run cannot resume: its workflow version is not deployed', { runId: run.id, workflowId: run.workflowId, version: run.workflowVersion });
        continue;
      }
      const snapshot = (await store.getSnapshot(run.id)) as Snapshot<unknown> | undefined;
      orphans.push(await complete(await track(executeRun(workflow, run, services, snapshot))));
    }
    return [...fromInbox.flat(), ...orphans];
  };

  return {
    catalog,
    validate,
    deploy(definition) {
      const workflow = prepare(definition);
      deployed.set(workflow.definition.id, workflow);
      return workflow.definition;
    },
    undeploy(id) {
      return deployed.delete(id);
    },
    workflows() {
      return [...deployed.values()].map((workflow) => workflow.definition);
    },
    dispatch,
    async run(definition, event, runOptions = {}) {
      const workflow = prepare(definition);
      checkEvent(event);
      if (event.trigger !== workflow.definition.trigger.operation) {
        throw new FlowlineError('event.wrong-trigger', `Workflow "${workflow.definition.id}" starts on ${workflow.definition.trigger.operation}, not ${event.trigger}`, {
          pointer: '/trigger/operation',
          hint: 'Give it an event of its trigger.',
        });
      }
      const run = await queueRun(workflow, event, { id: randomUUID(), dryRun: runOptions.dryRun ?? false, services });
      return execute(workflow, run, { fromInbox: false });
    },
    async submit(event) {
      checkEvent(event);
      const receivedAt = at();
      const { added } = await store.addToInbox(event, receivedAt);
      if (!added) return { status: 'duplicate', id: event.id } satisfies SubmitResult;
      queue.push({ event, receivedAt }, true, false);
      return { status: 'accepted', id: event.id };
    },
    resume() {
      const work = resumeLeftovers();
      // idle() waits for it too, so a host that stops does not close the store under it.
      void track(work.then(() => undefined, () => undefined));
      return work;
    },
    deadLetters(query) {
      return store.listDeadLetters(query);
    },
    async retry(id) {
      const letterId = id.startsWith('run:') || id.startsWith('inbox:') ? id : `run:${id}`;
      const letter = await store.getDeadLetter(letterId);
      if (letter?.inboxId !== undefined) {
        const entry = await store.getInboxEntry(letter.inboxId);
        if (!entry) throw new FlowlineError('runs.not-found', `Dead letter ${letterId} names inbox entry ${letter.inboxId}, which is gone`);
        await store.removeDeadLetter(letterId);
        return process(acceptedOf(entry), false);
      }
      const runId = letter?.runId ?? id;
      const run = await store.getRun(runId);
      if (!run) throw new FlowlineError('runs.not-found', `There is no run ${runId}`, { hint: 'List runs with `flowline runs list`.' });
      if (run.status !== 'failed') throw new FlowlineError('runs.not-failed', `Run ${runId} is ${run.status}; only failed runs are retried`);
      const workflow = deployed.get(run.workflowId);
      if (!workflow) throw new FlowlineError('runs.workflow-missing', `Run ${runId} is of workflow "${run.workflowId}", which is not deployed`, { hint: 'Deploy it, then retry.' });
      const { error: _error, failedStep: _failedStep, finishedAt: _finishedAt, startedAt: _startedAt, output: _output, ...rest } = run;
      const again = await complete(await executeRun(workflow, { ...rest, status: 'queued', workflowVersion: workflow.definition.version }, services));
      if (again.status === 'succeeded') await store.removeDeadLetter(`run:${runId}`);
      else await store.putDeadLetter({ runId, reason: 'run-failed', at: at(), ...(again.error ? { error: again.error } : {}) });
      return [again];
    },
    async getRun(id) {
      const run = await store.getRun(id);
      return run ? complete(run) : undefined;
    },
    listRuns(query) {
      return store.listRuns(query);
    },
    on(name, listener) {
      services.events.on(name, listener as never);
      return () => {
        services.events.off(name, listener as never);
      };
    },
    async idle() {
      do {
        await Promise.allSettled([...pending]);
        await queue.idle();
      } while (pending.size > 0);
    },
  };
}
