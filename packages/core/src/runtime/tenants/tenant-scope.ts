import type { ValidationResult } from '../../definition/validation-problem.js';
import { FlowlineError } from '../../errors/flowline-error.js';
import type { WorkflowDefinition } from '../../generated/workflow.js';
import type { DeadLetter, RunRecord, TriggerEvent } from '../../store/records.js';
import type { DeadLetterQuery, RunQuery, WorkflowVersionRecord } from '../../store/store.js';
import { discardDeadLetter, standingDeadLetters } from '../dead-letters.js';
import type { EventQueue } from '../event-queue.js';
import type { EventSink, SubmitResult } from '../event-sink.js';
import { isoTime } from '../iso-time.js';
import type { StoreOutage } from '../store-outage.js';
import type { PreparedWorkflows } from '../deployments/prepared-workflows.js';
import { complete, runOnce, startMatching, type CompletedRun, type RunOptions } from '../dispatch/start-runs.js';
import { startManualRun, type StartedRun } from '../dispatch/manual-runs.js';
import type { ManualInputChecker } from '../manual-input-checker.js';
import { MANUAL_TRIGGER, SCHEDULE_TRIGGER } from '../../connectors/engine-triggers.js';
import { resumeTenant } from '../runs/resumer.js';
import { testStep, type TestStepRequest, type TestStepResult } from '../test-step.js';
import { cancel, replay, retry, type AgainOptions } from '../runs/run-control.js';
import { pageOfRuns, type RunPage, type RunPageQuery } from '../runs/run-pages.js';
import type { TenantRuntime } from './tenant-runtime.js';

/** Everything a host does with one tenant's workflows and runs. */
export interface TenantScope extends EventSink {
  readonly tenantId: string;
  /** Every problem of a definition for this tenant (its connections and templates), each with a JSON pointer. */
  validate(definition: unknown): ValidationResult;
  /**
   * Validates and publishes a workflow version (throws WorkflowValidationError): new deliveries
   * start runs of it; runs started on another version finish on theirs. Its record is saved in
   * the background, before any run of it starts.
   */
  deploy(definition: unknown): WorkflowDefinition;
  /** `deploy`, resolving once the version is saved. */
  publish(definition: unknown): Promise<WorkflowDefinition>;
  /** Saves a version as a draft: checked and kept, given no deliveries. */
  saveDraft(definition: unknown): Promise<WorkflowVersionRecord>;
  /** Publishes a saved version (a draft, or an earlier version again). */
  publishVersion(workflowId: string, version: number): Promise<WorkflowDefinition>;
  /** Saved versions (drafts, published, retired), by workflow id then version. */
  versions(workflowId?: string): Promise<WorkflowVersionRecord[]>;
  /** Stops new deliveries to a workflow; its runs under way finish. */
  undeploy(id: string): boolean;
  /** The published workflows. */
  workflows(): WorkflowDefinition[];
  /** Runs every published workflow whose trigger (and filter) matches the event, and waits for them. */
  dispatch(event: TriggerEvent, options?: RunOptions): Promise<CompletedRun[]>;
  /**
   * Starts a run of a published `flowline.manual` workflow with `payload` ($event), checked against
   * its `trigger.input` (a PayloadError with pointers when it does not match). Resolves once the
   * run is stored, with its record and the promise of its end.
   */
  startRun(workflowId: string, payload: unknown): Promise<StartedRun>;
  /** Runs one definition (deployed or not) against one event. */
  run(definition: unknown, event: TriggerEvent, options?: RunOptions): Promise<CompletedRun>;
  /**
   * Finishes what a previous process left of this tenant: its pending events and unfinished runs
   * (each on the version it started on), oldest first and one at a time per ordering key.
   */
  resume(): Promise<CompletedRun[]>;
  /** Runs that gave up and events that could not be processed, oldest first (a run that succeeded since is not listed). */
  deadLetters(query?: DeadLetterQuery): Promise<DeadLetter[]>;
  /** Retries a dead letter or a failed run: a new attempt, linked to it (see run-control.ts). */
  retry(id: string, options?: AgainOptions): Promise<CompletedRun[]>;
  /** Runs a finished run's event again, as a new run linked to it. */
  replay(runId: string, options?: AgainOptions): Promise<CompletedRun>;
  /** Cancels a queued or running run; resolves with the run as it ended. */
  cancel(runId: string): Promise<RunRecord>;
  /** Takes a dead letter off the list without replaying it; throws `dead-letters.not-found` when there is none. */
  discardDeadLetter(id: string): Promise<DeadLetter>;
  getRun(id: string): Promise<CompletedRun | undefined>;
  /** Runs one action live on its own with a literal input (a builder trying a step): no run, no records, no retries. */
  testStep(request: TestStepRequest): Promise<TestStepResult>;
  /** Runs newest first (see RunQuery). */
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  /** One page of runs, newest first, with the cursor of the next. */
  runs(query?: RunPageQuery): Promise<RunPage>;
}

/** What a tenant scope reaches of its engine. */
export interface EngineParts {
  readonly queue: EventQueue<CompletedRun[]>;
  readonly outage: StoreOutage;
  readonly prepared: PreparedWorkflows;
  /** Checks manual runs' payloads against their workflows' `trigger.input`. */
  readonly inputs: ManualInputChecker;
  /** Throws unless the event names a trigger the engine knows, with a payload it accepts. */
  checkEvent(event: TriggerEvent): void;
  /** Keeps work going in the background for `idle()` to wait for. */
  track(work: Promise<unknown>): void;
  /** The tenant's runtime now (a tenant's settings may be replaced); throws when it was removed. */
  runtime(): TenantRuntime;
}

/** The engine's own triggers start runs of one workflow (startRun, the schedule), never a dispatch to every workflow on them. */
function refuseEngineTrigger(event: TriggerEvent): void {
  if (event.trigger !== MANUAL_TRIGGER && event.trigger !== SCHEDULE_TRIGGER) return;
  throw new FlowlineError('event.engine-trigger', `${event.trigger} events come from the engine, not from submit or dispatch`, {
    pointer: '/trigger',
    hint: event.trigger === MANUAL_TRIGGER ? 'Start a manual workflow with startRun(workflowId, payload) (POST /api/tenants/{tenant}/workflows/{id}/runs).' : 'Scheduled workflows run on their trigger.schedule; checkSchedules() runs the ticks that are due.',
  });
}

const wrongTrigger = (definition: WorkflowDefinition, event: TriggerEvent) =>
  new FlowlineError('event.wrong-trigger', `Workflow "${definition.id}" starts on ${definition.trigger.operation}, not ${event.trigger}`, {
    pointer: '/trigger/operation',
    hint: 'Give it an event of its trigger.',
  });

export function createTenantScope(tenantId: string, parts: EngineParts): TenantScope {
  const { queue, outage, prepared } = parts;
  const live = (): TenantRuntime => parts.runtime();
  return {
    tenantId,
    validate: (definition) => prepared.validate(definition, live().prepareFor),
    deploy: (definition) => live().deployments.deploy(definition),
    async publish(definition) {
      const tenant = live();
      const published = tenant.deployments.deploy(definition);
      await tenant.deployments.saved();
      return published;
    },
    saveDraft: (definition) => live().deployments.saveDraft(definition),
    publishVersion: (workflowId, version) => live().deployments.publishSaved(workflowId, version),
    versions: (workflowId) => live().store.listWorkflowVersions(workflowId),
    undeploy: (id) => live().deployments.undeploy(id),
    workflows: () => live().deployments.published(),
    async dispatch(event, options = {}) {
      refuseEngineTrigger(event);
      parts.checkEvent(event);
      const tenant = live();
      return tenant.work.around(() => startMatching(tenant, event, options, false));
    },
    async startRun(workflowId, payload) {
      const started = await startManualRun(live(), workflowId, payload, { queue, inputs: parts.inputs, checkEvent: parts.checkEvent });
      parts.track(started.done);
      return started;
    },
    async run(definition, event, options = {}) {
      const tenant = live();
      const use = prepared.use(definition, tenant.prepareFor);
      try {
        parts.checkEvent(event);
        if (event.trigger !== use.prepared.definition.trigger.operation) throw wrongTrigger(use.prepared.definition, event);
        // A manual run's payload is checked against the workflow's declared input, as startRun does.
        if (event.trigger === MANUAL_TRIGGER) parts.inputs.check(use.prepared.definition, event.payload);
        return await tenant.work.around(() => runOnce(tenant, use.prepared, event, options));
      } finally {
        use.release();
      }
    },
    async submit(event): Promise<SubmitResult> {
      refuseEngineTrigger(event);
      parts.checkEvent(event);
      const tenant = live();
      const receivedAt = isoTime(tenant.services.now());
      const { added } = await tenant.store.addToInbox(event, receivedAt);
      if (!added) return { status: 'duplicate', id: event.id };
      tenant.work.begin();
      const accepted = { tenant: tenantId, event, receivedAt };
      // While what an earlier process left is being queued, a new event waits for that, so it
      // never runs before an older event of its customer.
      if (tenant.resuming) void tenant.resuming.then(() => queue.push(accepted, true, false));
      else queue.push(accepted, true, false);
      return { status: 'accepted', id: event.id };
    },
    resume() {
      const tenant = live();
      const work = resumeTenant(tenant, queue, outage);
      // idle() waits for it too, so a host that stops does not close the store under it.
      parts.track(work);
      return work;
    },
    deadLetters: (query) => standingDeadLetters(live().store, query),
    retry: (id, options) => retry(live(), id, queue, options),
    replay: (runId, options) => replay(live(), runId, queue, options),
    cancel: (runId) => cancel(live(), runId),
    discardDeadLetter: (id) => discardDeadLetter(live().store, id),
    async getRun(id) {
      const tenant = live();
      const run = await tenant.store.getRun(id);
      return run ? complete(tenant, run) : undefined;
    },
    testStep: (request) => testStep(live(), request),
    listRuns: (query) => live().store.listRuns(query),
    runs: (query) => pageOfRuns(live().store, query),
  };
}
