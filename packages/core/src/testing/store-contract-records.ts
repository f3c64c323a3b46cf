import type { IdempotencyRecord, RunRecord, StepRecord, TriggerEvent } from '../store/records.js';

/** The records the store contract puts (see describeStoreContract): one builder per kind, overrides by field. */
export const T0 = '2024-05-01T10:00:00.000Z';

export function at(seconds: number): string {
  return new Date(Date.parse(T0) + seconds * 1000).toISOString();
}

export function event(id: string, payload: unknown = { id }, extra: Partial<TriggerEvent> = {}): TriggerEvent & { id: string } {
  return { trigger: 'pushpress.customer.created', payload, id, ...extra };
}

export function run(id: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    workflowId: 'wf-a',
    workflowVersion: 1,
    status: 'queued',
    dryRun: false,
    event: event(`evt-${id}`),
    queuedAt: T0,
    ...overrides,
  };
}

export function step(runId: string, path: string, overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    runId,
    path,
    stepId: path.replace(/\[\d+\]/g, ''),
    kind: 'action',
    status: 'succeeded',
    attempts: 1,
    startedAt: T0,
    finishedAt: at(1),
    durationMs: 1000,
    output: { path },
    ...overrides,
  };
}

export function idempotency(key: string, overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return { key, runId: 'r1', path: 'create', output: { contactId: 'ct_1' }, recordedAt: T0, ...overrides };
}
