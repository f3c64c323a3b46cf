import type { Step } from '../generated/workflow.js';
import { toErrorRecord } from '../runtime/error-record.js';
import type { RunContext } from '../runtime/run-context.js';
import type { RunServices } from '../runtime/run-services.js';
import { buildScope } from '../expressions/scope.js';
import type { PreparedStep, StepReport } from '../steps/step-kind.js';
import type { StepOutcome } from '../steps/step-outcome.js';
import type { StepRecord } from '../store/records.js';
import { isoTime } from '../runtime/iso-time.js';
import { emitIfHeard } from '../runtime/run-events.js';
import { isStoreUnavailable } from '../store/store-unavailable-error.js';
import { RunWaiting } from './run-waiting.js';

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * Runs one step of one run: events, timing, its record in the store, and failures turned into
 * data. A store that cannot write for now is not the step's failure: that error is thrown, so
 * no `onError` route takes it and the run waits (see executeRun).
 */
export async function runStep(prepared: PreparedStep, context: RunContext, services: RunServices, signal: AbortSignal): Promise<StepOutcome> {
  const { step } = prepared;
  const { now } = services;
  const path = context.pathPrefix + step.id;
  const base = () => ({ runId: context.runId, workflowId: context.workflowId, dryRun: context.dryRun, stepId: step.id, path, kind: step.type });
  const startedAt = now();
  const skipped: Promise<void>[] = [];
  emitIfHeard(services, 'step.started', () => ({ ...base(), at: isoTime(startedAt) }));

  const skip = (steps: readonly Step[], reason: string) => {
    const at = isoTime(now());
    for (const other of steps) {
      const otherPath = context.pathPrefix + other.id;
      const record: StepRecord = { runId: context.runId, path: otherPath, stepId: other.id, kind: other.type, status: 'skipped', attempts: 0, startedAt: at, finishedAt: at, durationMs: 0, reason };
      skipped.push(services.recordStep(record));
      emitIfHeard(services, 'step.skipped', () => ({ ...base(), stepId: other.id, path: otherPath, kind: other.type, at, reason }));
    }
  };
  const retrying = (attempt: number, delayMs: number, error: unknown) => {
    // A run that waits to try again has more to show than its start (see executeRun).
    services.unrecordedRuns.get(context.runId)?.();
    emitIfHeard(services, 'step.retrying', () => ({ ...base(), at: isoTime(now()), attempt, delayMs, error: toErrorRecord(error, services.redact) }));
  };

  let report: StepReport;
  try {
    report = await prepared.execute({ context, scope: buildScope(context, services.config), path, signal, services, skip, retrying });
  } catch (error) {
    if (isStoreUnavailable(error) || error instanceof RunWaiting) throw error;
    report = { outcome: { type: 'error', error: toErrorRecord(error, services.redact) } };
  }
  if (skipped.length > 0) await Promise.all(skipped);

  const finishedAt = now();
  const durationMs = finishedAt - startedAt;
  const { outcome } = report;
  const attempts = report.attempts ?? 1;
  const error = outcome.type === 'error' || outcome.type === 'fail' ? outcome.error : undefined;
  const output = outcome.type === 'error' || outcome.type === 'fail' ? undefined : outcome.output;
  const record: Writable<StepRecord> = {
    runId: context.runId,
    path,
    stepId: step.id,
    kind: step.type,
    status: error ? 'failed' : report.skipped ? 'skipped' : 'succeeded',
    attempts,
    startedAt: isoTime(startedAt),
    finishedAt: isoTime(finishedAt),
    durationMs,
  };
  if (report.input !== undefined) record.input = report.input;
  if (output !== undefined) record.output = output;
  if (error) record.error = error;
  if (report.skipped) record.reason = report.skipped;
  if (report.request !== undefined) record.request = report.request;
  if (report.test !== undefined) record.test = report.test;
  await services.recordStep(record);

  const at = isoTime(finishedAt);
  if (error) emitIfHeard(services, 'step.failed', () => ({ ...base(), at, durationMs, attempts, error }));
  else if (report.skipped) {
    const reason = report.skipped;
    emitIfHeard(services, 'step.skipped', () => ({ ...base(), at, reason }));
  }
  else emitIfHeard(services, 'step.succeeded', () => ({ ...base(), at, durationMs, attempts, ...(output === undefined ? {} : { output }) }));
  return outcome;
}
