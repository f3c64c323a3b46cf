import { sha256Hex } from './sha256-hex.js';

/**
 * The id of a delivered event's run of one workflow version. It is the same every time it is
 * worked out (after a restart too), so the run, its steps and its effect records are found
 * again rather than started afresh.
 *
 * For an event accepted into the inbox, the id starts with the time the inbox took it (UTC
 * digits to the millisecond, as stored with the entry), then 24 hex digits of a hash of the
 * event id, workflow id and version: ids sort by arrival. A durable store's indexes keyed by run
 * id (runs, steps, effect records, snapshots) then grow at one end, in pages that are being
 * written anyway, instead of at a random page each; on SQLite that halves the bytes written
 * per delivery. Without an inbox time (an event dispatched directly), the id is 32 hex digits of
 * the hash, as every id was before; `legacyRunId` gives that form for inbox events whose runs an
 * older version started.
 */
export function runIdOf(eventId: string, workflowId: string, version: number, receivedAt: string | undefined): string {
  const hash = sha256Hex(`${eventId}\u0000${workflowId}\u0000${version}`);
  if (receivedAt === undefined) return hash.slice(0, 32);
  return `${receivedAt.replace(/\D/g, '')}-${hash.slice(0, 24)}`;
}

/** The id runs of inbox events had before ids began with the inbox time (see `runIdOf`). */
export function legacyRunId(eventId: string, workflowId: string, version: number): string {
  return runIdOf(eventId, workflowId, version, undefined);
}

/**
 * The id of a run's first attempt. A retry is a run of its own, `<first attempt's id>~<n>`
 * (see run-control.ts); what identifies a step's effect across attempts (its default effect key,
 * the marker a connector looks for when it reconciles) is named after the first attempt.
 */
export function firstAttemptId(runId: string): string {
  return runId.replace(/~\d+$/, '');
}

/** The id of attempt `n` (2 and up) of a run whose first attempt is `firstId`. */
export function attemptId(firstId: string, n: number): string {
  return `${firstId}~${n}`;
}
