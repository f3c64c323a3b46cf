import { randomUUID } from 'node:crypto';
import { MANUAL_TRIGGER } from '../../connectors/engine-triggers.js';
import { FlowlineError } from '../../errors/flowline-error.js';
import type { RunRecord, TriggerEvent } from '../../store/records.js';
import type { EventQueue } from '../event-queue.js';
import { queueRun } from '../execute-run.js';
import type { ManualInputChecker } from '../manual-input-checker.js';
import { laneOf } from '../runs/lanes.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';
import { execute, type CompletedRun } from './start-runs.js';

/** A manual run as it is started: its record (stored, queued) and the promise of its end (or its wait). */
export interface StartedRun {
  readonly run: RunRecord;
  readonly done: Promise<CompletedRun>;
}

/**
 * Starts a run of the published version of a `flowline.manual` workflow with `payload` as its
 * event (checked against the workflow's `trigger.input` first). The run's record is stored
 * (queued) before this resolves, so it is listed, and resumed after a crash; the run itself goes
 * on in its own lane.
 */
export async function startManualRun(
  tenant: TenantRuntime,
  workflowId: string,
  payload: unknown,
  parts: { readonly queue: EventQueue<CompletedRun[]>; readonly inputs: ManualInputChecker; checkEvent(event: TriggerEvent): void },
): Promise<StartedRun> {
  const workflow = tenant.deployments.latest(workflowId);
  if (!workflow) {
    throw new FlowlineError('workflows.not-found', `Workflow "${workflowId}" has no published version`, { pointer: '/workflowId', hint: 'Publish it first, or list the published workflows.' });
  }
  const { definition } = workflow;
  if (definition.trigger.operation !== MANUAL_TRIGGER) {
    throw new FlowlineError('runs.not-manual', `Workflow "${workflowId}" starts on ${definition.trigger.operation}, not by hand`, {
      pointer: '/trigger/operation',
      hint: `Give it the trigger ${MANUAL_TRIGGER} (with trigger.input declaring its payload) to start it by hand.`,
    });
  }
  const event: TriggerEvent = { trigger: MANUAL_TRIGGER, payload };
  parts.checkEvent(event);
  parts.inputs.check(definition, payload);
  await tenant.deployments.saved();
  const run = await queueRun(workflow, event, { id: randomUUID(), dryRun: false, services: tenant.services });
  await tenant.store.putRun(run);
  const done = parts.queue.enqueue(laneOf(tenant.id, run), () => tenant.work.around(() => execute(tenant, workflow, run, { fromInbox: false })));
  return { run, done };
}
