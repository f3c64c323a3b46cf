import type { RunRecord, RunStatus } from './records.js';
import type { RunQuery } from './store.js';

/** What a run is listed by. */
export interface ListedRun {
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion: RunRecord['workflowVersion'];
  readonly status: RunStatus;
  readonly queuedAt: string;
}

/**
 * The order of `listRuns`: newest `queuedAt` first, then greatest id first. A total order on
 * what a run record holds, so a page ends at a position (`RunQuery.after`) the next one starts
 * from, in every store alike.
 */
export function compareRuns(a: Pick<ListedRun, 'queuedAt' | 'id'>, b: Pick<ListedRun, 'queuedAt' | 'id'>): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** Whether a run is one `query` lists (its limit aside). */
export function runMatches(run: ListedRun, query: RunQuery): boolean {
  if (query.workflowId !== undefined && run.workflowId !== query.workflowId) return false;
  if (query.version !== undefined && run.workflowVersion !== query.version) return false;
  if (query.status !== undefined && run.status !== query.status) return false;
  if (query.since !== undefined && run.queuedAt < query.since) return false;
  if (query.until !== undefined && run.queuedAt >= query.until) return false;
  return query.after === undefined || compareRuns(run, query.after) > 0;
}
