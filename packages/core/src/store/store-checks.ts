import { FlowlineError } from '../errors/flowline-error.js';
import type { InboxStatus, RunStatus } from './records.js';
import type { WorkflowVersionState } from './store.js';

export const INBOX_STATUSES: readonly InboxStatus[] = ['pending', 'done', 'dead'];
export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];
export const WORKFLOW_VERSION_STATES: readonly WorkflowVersionState[] = ['draft', 'published', 'retired'];

/** A run that will do nothing more. */
export const isFinishedStatus = (status: RunStatus): boolean => status === 'succeeded' || status === 'failed' || status === 'cancelled';

/** Checks a list limit: `undefined` (no limit) or an integer ≥ 0. */
export function checkLimit(limit: number | undefined, where: string): void {
  if (limit === undefined) return;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new FlowlineError('store.invalid_input', `Expected \`limit\` of ${where} to be an integer ≥ 0, got ${String(limit)}.`);
  }
}

/** Checks a status against the allowed values, naming them in the message. */
export function checkStatus<T extends string>(status: unknown, allowed: readonly T[], where: string): asserts status is T {
  if (!allowed.includes(status as T)) {
    throw new FlowlineError(
      'store.invalid_input',
      `Expected the status of ${where} to be one of ${allowed.map((s) => `'${s}'`).join(', ')}, got ${JSON.stringify(status)}.`,
    );
  }
}

/** Checks that an id or key is a non-empty string. */
export function checkId(value: unknown, name: string, where: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new FlowlineError('store.invalid_input', `Expected \`${name}\` of ${where} to be a non-empty string, got ${JSON.stringify(value) ?? typeof value}.`);
  }
}

/** Checks a dead letter names exactly one subject, a reason and a time; returns its id (`run:…` or `inbox:…`). */
export function deadLetterId(input: { readonly runId?: unknown; readonly inboxId?: unknown; readonly reason?: unknown; readonly at?: unknown }): string {
  const hasRun = input.runId !== undefined;
  if (hasRun === (input.inboxId !== undefined)) {
    throw new FlowlineError('store.invalid_input', 'Expected a dead letter to name exactly one of `runId` or `inboxId`.', {
      hint: 'Dead-letter a run that gave up by its runId, or a delivery that never became a run by its inboxId.',
    });
  }
  const subject = hasRun ? input.runId : input.inboxId;
  checkId(subject, hasRun ? 'runId' : 'inboxId', 'putDeadLetter');
  checkId(input.reason, 'reason', 'putDeadLetter');
  checkId(input.at, 'at', 'putDeadLetter');
  return `${hasRun ? 'run' : 'inbox'}:${subject}`;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Checks an ISO time as `Date.toISOString` writes it (UTC, milliseconds), so times compare as strings. */
export function checkIsoTime(value: unknown, name: string, where: string): asserts value is string {
  if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new FlowlineError('store.invalid_input', `Expected \`${name}\` of ${where} to be an ISO time as Date.toISOString writes it (e.g. 2026-03-08T07:00:00.000Z), got ${JSON.stringify(value) ?? typeof value}.`);
  }
}

/** Checks a timer record (see TimerRecord). */
export function checkTimer(timer: { readonly runId?: unknown; readonly path?: unknown; readonly dueAt?: unknown; readonly firedAt?: unknown }): void {
  checkId(timer.runId, 'runId', 'putTimer');
  checkId(timer.path, 'path', 'putTimer');
  checkIsoTime(timer.dueAt, 'dueAt', 'putTimer');
  if (timer.firedAt !== undefined) checkIsoTime(timer.firedAt, 'firedAt', 'putTimer');
}
