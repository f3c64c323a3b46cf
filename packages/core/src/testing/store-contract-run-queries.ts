import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../store/records.js';
import type { RunQuery, Store } from '../store/store.js';
import { at, run, T0 } from './store-contract-records.js';

const ids = (runs: readonly RunRecord[]): string[] => runs.map((found) => found.id);

/** Pages through `query` in pages of `size`, each starting after the last run of the one before. */
async function pageThrough(store: Store, query: RunQuery, size: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: RunQuery['after'];
  for (;;) {
    const page = await store.listRuns({ ...query, limit: size, ...(after === undefined ? {} : { after }) });
    pages.push(ids(page));
    const last = page.at(-1);
    if (last === undefined || page.length < size) return pages;
    after = { queuedAt: last.queuedAt, id: last.id };
    if (pages.length > 100) throw new Error('pageThrough: more than 100 pages; the cursor does not advance');
  }
}

/** The run queries of the Store contract (see describeStoreContract): version, status, time range, the `after` cursor. */
export function describeRunQueryContract(store: () => Store): void {
  describe('run queries', () => {
    it('orders runs queued at the same time greatest id first, whatever order they were put in', async () => {
      for (const id of ['r-b', 'r-c', 'r-a']) await store().putRun(run(id));
      expect(ids(await store().listRuns())).toEqual(['r-c', 'r-b', 'r-a']);
    });

    it("lists the runs of one version of a workflow, a number matching only that number", async () => {
      await store().putRun(run('a1', { workflowVersion: 1, queuedAt: at(1) }));
      await store().putRun(run('a2', { workflowVersion: 2, queuedAt: at(2) }));
      await store().putRun(run('a2-text', { workflowVersion: '2', queuedAt: at(3) }));
      await store().putRun(run('a-none', { workflowVersion: undefined, queuedAt: at(4) }));
      await store().putRun(run('b2', { workflowId: 'wf-b', workflowVersion: 2, queuedAt: at(5) }));
      expect(ids(await store().listRuns({ version: 2 }))).toEqual(['b2', 'a2']);
      expect(ids(await store().listRuns({ workflowId: 'wf-a', version: 2 }))).toEqual(['a2']);
      expect(ids(await store().listRuns({ workflowId: 'wf-a', version: 1 }))).toEqual(['a1']);
      expect(ids(await store().listRuns({ workflowId: 'wf-a', version: 3 }))).toEqual([]);
    });

    it('lists a run under its latest version and status', async () => {
      await store().putRun(run('r1', { workflowVersion: 1 }));
      await store().putRun(run('r1', { workflowVersion: 2, status: 'running' }));
      expect(await store().listRuns({ version: 1 })).toEqual([]);
      expect(ids(await store().listRuns({ version: 2, status: 'running' }))).toEqual(['r1']);
    });

    it('combines version, status and time range', async () => {
      await store().putRun(run('r1', { workflowVersion: 1, status: 'running', queuedAt: at(1) }));
      await store().putRun(run('r2', { workflowVersion: 1, status: 'succeeded', queuedAt: at(2) }));
      await store().putRun(run('r3', { workflowVersion: 1, status: 'running', queuedAt: at(3) }));
      await store().putRun(run('r4', { workflowVersion: 2, status: 'running', queuedAt: at(4) }));
      expect(ids(await store().listRuns({ workflowId: 'wf-a', version: 1, status: 'running' }))).toEqual(['r3', 'r1']);
      expect(ids(await store().listRuns({ workflowId: 'wf-a', version: 1, status: 'running', since: at(2) }))).toEqual(['r3']);
      expect(ids(await store().listRuns({ version: 1, status: 'running', until: at(3), limit: 1 }))).toEqual(['r1']);
    });

    it('keeps the cancelled status, and lists cancelled runs by it', async () => {
      const cancelled = run('r1', { status: 'cancelled', startedAt: at(1), finishedAt: at(2) });
      await store().putRun(cancelled);
      await store().putRun(run('r2', { status: 'running' }));
      expect(await store().getRun('r1')).toEqual(cancelled);
      expect(ids(await store().listRuns({ status: 'cancelled' }))).toEqual(['r1']);
      expect(ids(await store().listRuns({ status: 'running' }))).toEqual(['r2']);
    });

    it('keeps the run a retry or a replay was made from', async () => {
      const retry = run('r2', { retryOf: 'r1', queuedAt: at(1) });
      const replay = run('r3', { replayOf: 'r1', queuedAt: at(2) });
      await store().putRun(retry);
      await store().putRun(replay);
      expect(await store().getRun('r2')).toEqual(retry);
      expect(await store().getRun('r3')).toEqual(replay);
    });

    it('lists runs queued from `since` (included) to `until` (excluded)', async () => {
      for (let second = 0; second < 6; second += 1) await store().putRun(run(`r${second}`, { queuedAt: at(second) }));
      expect(ids(await store().listRuns({ since: at(2) }))).toEqual(['r5', 'r4', 'r3', 'r2']);
      expect(ids(await store().listRuns({ until: at(2) }))).toEqual(['r1', 'r0']);
      expect(ids(await store().listRuns({ since: at(1), until: at(4) }))).toEqual(['r3', 'r2', 'r1']);
      expect(await store().listRuns({ since: at(4), until: at(4) })).toEqual([]);
    });

    it('pages through 25 runs queued at the same time, 10 at a time, missing and repeating none', async () => {
      const all = Array.from({ length: 25 }, (_, index) => `run-${String(index).padStart(2, '0')}`);
      // Put in an order that is neither the ids' nor their reverse.
      for (const id of [...all].sort((a, b) => (a.slice(-1) === b.slice(-1) ? (a < b ? -1 : 1) : a.slice(-1) < b.slice(-1) ? -1 : 1))) {
        await store().putRun(run(id));
      }
      const pages = await pageThrough(store(), {}, 10);
      expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
      expect(pages.flat()).toEqual([...all].reverse());
    });

    it('pages through runs of different times, with filters, and ends with an empty page when the last page is full', async () => {
      const expected: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        const id = `r${String(index).padStart(2, '0')}`;
        const status = index % 2 === 0 ? 'failed' : 'succeeded';
        await store().putRun(run(id, { queuedAt: at(Math.floor(index / 3)), status }));
        if (status === 'failed') expected.push(id);
      }
      const pages = await pageThrough(store(), { status: 'failed' }, 5);
      expect(pages.map((page) => page.length)).toEqual([5, 5, 0]);
      expect(pages.flat()).toEqual(expected.reverse());
    });

    it('lists only the runs after `after`: older ones, or as old with a smaller id', async () => {
      await store().putRun(run('a', { queuedAt: at(1) }));
      await store().putRun(run('b', { queuedAt: at(2) }));
      await store().putRun(run('c', { queuedAt: at(2) }));
      await store().putRun(run('d', { queuedAt: at(2) }));
      await store().putRun(run('e', { queuedAt: at(3) }));
      expect(ids(await store().listRuns({ after: { queuedAt: at(2), id: 'c' } }))).toEqual(['b', 'a']);
      expect(ids(await store().listRuns({ after: { queuedAt: at(2), id: 'cc' } }))).toEqual(['c', 'b', 'a']);
      expect(ids(await store().listRuns({ after: { queuedAt: at(3), id: 'e' } }))).toEqual(['d', 'c', 'b', 'a']);
      expect(ids(await store().listRuns({ after: { queuedAt: at(9), id: 'a' }, limit: 2 }))).toEqual(['e', 'd']);
      expect(await store().listRuns({ after: { queuedAt: T0, id: 'a' } })).toEqual([]);
    });
  });
}
