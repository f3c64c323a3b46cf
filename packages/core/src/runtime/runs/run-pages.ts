import { FlowlineError } from '../../errors/flowline-error.js';
import type { RunRecord } from '../../store/records.js';
import type { RunPosition, RunQuery, TenantStore } from '../../store/store.js';

/** A query of one page of runs: the filters of `RunQuery`, and the cursor of the page before. */
export type RunPageQuery = Omit<RunQuery, 'after'> & {
  /** `next` of the previous page; absent for the first. */
  readonly cursor?: string;
};

/** Runs newest first, and the cursor of the next page when there may be one. */
export interface RunPage {
  readonly runs: RunRecord[];
  readonly next?: string;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

function encode(position: RunPosition): string {
  return Buffer.from(JSON.stringify([position.queuedAt, position.id])).toString('base64url');
}

function decode(cursor: string): RunPosition {
  try {
    const [queuedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof queuedAt === 'string' && typeof id === 'string') return { queuedAt, id };
  } catch {
    // A cursor is only ever one `next` gave.
  }
  throw new FlowlineError('runs.invalid-cursor', 'The cursor is not one a page of runs gave', { pointer: '/cursor', hint: 'Pass `next` of the previous page as it is, or leave it out for the first page.' });
}

/** One page of a tenant's runs: at most `limit` (default 50, at most 500), from the cursor on. */
export async function pageOfRuns(store: TenantStore, query: RunPageQuery = {}): Promise<RunPage> {
  const { cursor, limit = DEFAULT_PAGE, ...filters } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new FlowlineError('runs.invalid-limit', `Expected limit to be an integer from 1 to ${MAX_PAGE}, got ${String(limit)}`, { pointer: '/limit' });
  }
  // One more than asked tells whether another page follows.
  const found = await store.listRuns({ ...filters, ...(cursor === undefined ? {} : { after: decode(cursor) }), limit: limit + 1 });
  const runs = found.slice(0, limit);
  const last = runs.at(-1);
  return found.length > limit && last ? { runs, next: encode(last) } : { runs };
}
