import type { Snapshot } from 'xstate';
import { FlowlineError } from '../../errors/flowline-error.js';
import type { Step } from '../../generated/workflow.js';
import { stepShape } from '../../steps/step-shapes.js';
import type { RunParent, RunRecord } from '../../store/records.js';
import { isFinishedStatus } from '../../store/store-checks.js';
import { execute } from '../dispatch/start-runs.js';
import { queueRun } from '../execute-run.js';
import type { WorkflowCall } from '../run-services.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';

/** How deep `call` steps nest: a top-level run's callee is at depth 1. */
export const MAX_CALL_DEPTH = 5;

/**
 * The id of the run a `call` step starts: derived from the caller's run id and the step's path, so
 * a caller resumed after a crash finds its callee's run (finished, or to resume from its snapshot)
 * instead of starting a second one.
 */
export function calleeRunId(parentRunId: string, path: string): string {
  return `${parentRunId}>${path}`;
}

/** Whether a list of steps holds a step that makes its run wait (a `delay`), at any depth. */
function waits(steps: readonly Step[]): boolean {
  return steps.some(
    (step) =>
      step.type === 'delay' ||
      stepShape(step).nested(step).some((entry) => waits(entry.steps)) ||
      ('onError' in step && Array.isArray(step.onError) && waits(step.onError)),
  );
}

/**
 * The callee run of the caller's earlier attempt, when the caller is a retry (`<id>~n`) and that
 * attempt called too: the new callee run retries it, so the effects it had are not done again.
 */
async function earlierCallee(runtime: TenantRuntime, caller: RunRecord | undefined, path: string): Promise<string | undefined> {
  if (caller?.retryOf === undefined) return undefined;
  const earlier = calleeRunId(caller.retryOf, path);
  return (await runtime.store.getRun(earlier)) ? earlier : undefined;
}

/**
 * Runs a sub-workflow for a `call` step and answers its run record once it has ended: the
 * published version (or the one named), its input as the event payload, a run id derived from
 * the caller's, and the caller recorded as its parent. A callee run left unfinished by a crash is
 * resumed from its snapshot; a finished one is answered as it ended.
 */
export async function callWorkflow(runtime: TenantRuntime, call: WorkflowCall): Promise<RunRecord> {
  const { store, deployments, services } = runtime;
  const id = calleeRunId(call.parentRunId, call.path);
  const existing = await store.getRun(id);
  if (existing && isFinishedStatus(existing.status)) return existing;
  if (existing) {
    const itsVersion = await deployments.versionOf(existing);
    if (!itsVersion) throw new FlowlineError('call.version-gone', `The run ${id} of workflow "${existing.workflowId}" cannot resume: its version ${String(existing.workflowVersion)} is not saved`);
    const snapshot = (await store.getSnapshot(id)) as Snapshot<unknown> | undefined;
    return whileCancelFollows(runtime, call.parentRunId, id, () => execute(runtime, itsVersion, existing, undefined, snapshot));
  }
  const workflow =
    call.version === undefined ? deployments.latest(call.workflowId) : await deployments.versionOf({ workflowId: call.workflowId, workflowVersion: call.version });
  if (!workflow) {
    throw new FlowlineError(
      'call.unknown-workflow',
      call.version === undefined ? `No workflow "${call.workflowId}" is published` : `Workflow "${call.workflowId}" has no saved version ${call.version}`,
      { hint: 'Publish the workflow the call step names (or name a version that was published) for this tenant.' },
    );
  }
  if (waits(workflow.definition.steps)) {
    // Its run would wait with the caller's step held open; nothing of it is started.
    throw new FlowlineError('call.callee-waits', `Workflow "${call.workflowId}" has a delay step; a called workflow cannot wait (yet)`, {
      hint: 'Put the delay in the calling workflow, before or after the call.',
    });
  }
  const caller = await store.getRun(call.parentRunId);
  const depth = (caller?.parent?.depth ?? 0) + 1;
  if (depth > MAX_CALL_DEPTH) {
    throw new FlowlineError('call.too-deep', `Calling workflow "${call.workflowId}" would nest ${depth} calls deep; at most ${MAX_CALL_DEPTH} are allowed`, {
      hint: 'A workflow that calls itself (directly or through others) needs a condition that stops it; or flatten the calls.',
    });
  }
  const parent: RunParent = { runId: call.parentRunId, path: call.path, depth };
  const event = { trigger: workflow.definition.trigger.operation, payload: call.input };
  const queued = await queueRun(workflow, event, { id, dryRun: call.dryRun, services });
  const retryOf = await earlierCallee(runtime, caller, call.path);
  const run: RunRecord = { ...queued, parent, ...(retryOf === undefined ? {} : { retryOf }) };
  // A new run cannot have been attempted before, unless it retries an earlier callee run: then its steps look for that run's effects.
  return whileCancelFollows(runtime, call.parentRunId, id, () => execute(runtime, workflow, run, retryOf === undefined ? { fromInbox: false } : undefined));
}

/**
 * Runs `work` (a callee's run) so that cancelling the caller cancels the callee too: after each of
 * the callee's steps (its step events come before the run looks whether it is cancelled), a
 * cancelled caller marks the callee cancelled, so it stops before its next step, as its caller does.
 */
async function whileCancelFollows<T>(runtime: TenantRuntime, parentRunId: string, runId: string, work: () => Promise<T>): Promise<T> {
  const { cancelled, events } = runtime.services;
  const names = ['step.succeeded', 'step.failed', 'step.skipped'] as const;
  const follow = (event: { readonly runId: string; readonly tenant: string }) => {
    if (event.runId === runId && event.tenant === runtime.id && cancelled.has(parentRunId)) cancelled.add(runId);
  };
  for (const name of names) events.on(name, follow);
  try {
    return await work();
  } finally {
    for (const name of names) events.off(name, follow);
  }
}
