import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError, type RunPageQuery, type Store, type TenantScope } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
import { customerEvent, testEngine, workflow } from './fixtures.js';
import { STORE_KINDS } from './tenant-fixtures.js';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** Saves, except customer `usr_bad`. */
const save: TestAction = {
  run: (input) => {
    if ((input as { customer?: string }).customer === 'usr_bad') throw new ActionError('validation', 'refused');
    return input;
  },
};

const SAVE = (id: string, version: number) =>
  workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { customer: '=$event.data.id' }, retry: { attempts: 1 } }], { id, version });

/** Every run of a query, page by page (`limit` each); fails on a page that repeats a run. */
async function allPages(scope: TenantScope, query: RunPageQuery): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await scope.runs({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.runs.map((run) => run.id));
    pages.push(page.runs.length);
    cursor = page.next;
  } while (cursor !== undefined && pages.length < 100);
  return { ids, pages };
}

describe.each(STORE_KINDS)('pages of runs on the $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(() => {
    ({ store, close } = kind.open());
  });
  afterEach(async () => close());

  it('pages through 120 runs, ten of them queued in each millisecond, with cursors: none missed, none repeated, newest first', async () => {
    let now = T0;
    const { engine } = testEngine({ save }, { store, now: () => now });
    engine.deploy(SAVE('wf', 1));
    for (let n = 0; n < 120; n++) {
      if (n % 10 === 0) now += 1;
      await engine.dispatch(customerEvent({}, `evt-${n}`));
    }

    const { ids, pages } = await allPages(engine, { limit: 25 });

    expect(pages).toEqual([25, 25, 25, 25, 20]);
    expect(new Set(ids).size).toBe(120);
    expect(ids).toEqual((await engine.listRuns()).map((run) => run.id));
  });
});

describe('filters of pages of runs', () => {
  /**
   * Runs of two workflows, versions and statuses, queued at three times:
   * minute 0: wf-a v1 (e1, e2); minute 1: wf-a v2 (e3, e4 failed); minute 2: wf-b v1 (e5).
   */
  async function mixedRuns() {
    let now = T0;
    const { engine } = testEngine({ save }, { now: () => now });
    engine.deploy(SAVE('wf-a', 1));
    await engine.dispatch(customerEvent({}, 'e1'));
    await engine.dispatch(customerEvent({}, 'e2'));
    now = Date.parse(at(1));
    engine.deploy(SAVE('wf-a', 2));
    await engine.dispatch(customerEvent({}, 'e3'));
    await engine.dispatch(customerEvent({ id: 'usr_bad' }, 'e4'));
    now = Date.parse(at(2));
    engine.undeploy('wf-a');
    engine.deploy(SAVE('wf-b', 1));
    await engine.dispatch(customerEvent({}, 'e5'));
    /** The event ids of one page of the query, sorted. */
    const events = async (query: RunPageQuery) => (await engine.runs(query)).runs.map((run) => run.event.id).sort();
    return { engine, events };
  }

  it('filters by workflow', async () => {
    const { events } = await mixedRuns();

    expect(await events({ workflowId: 'wf-b' })).toEqual(['e5']);
    expect(await events({ workflowId: 'wf-a' })).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('filters by version of a workflow', async () => {
    const { events } = await mixedRuns();

    expect(await events({ workflowId: 'wf-a', version: 1 })).toEqual(['e1', 'e2']);
    expect(await events({ workflowId: 'wf-a', version: 2 })).toEqual(['e3', 'e4']);
  });

  it('filters by status', async () => {
    const { events } = await mixedRuns();

    expect(await events({ status: 'failed' })).toEqual(['e4']);
    expect(await events({ status: 'succeeded' })).toEqual(['e1', 'e2', 'e3', 'e5']);
  });

  it('filters by time range: since (inclusive) and until (exclusive)', async () => {
    const { events } = await mixedRuns();

    expect(await events({ since: at(1) })).toEqual(['e3', 'e4', 'e5']);
    expect(await events({ until: at(1) })).toEqual(['e1', 'e2']);
    expect(await events({ since: at(1), until: at(2) })).toEqual(['e3', 'e4']);
  });

  it('keeps to the filter from page to page', async () => {
    const { engine } = await mixedRuns();

    const { ids, pages } = await allPages(engine, { status: 'succeeded', limit: 1 });

    expect(pages).toEqual([1, 1, 1, 1]);
    expect(ids).toEqual((await engine.listRuns({ status: 'succeeded' })).map((run) => run.id));
  });

  it('refuses a cursor no page gave (runs.invalid-cursor)', async () => {
    const { engine } = await mixedRuns();
    const wrongShape = Buffer.from(JSON.stringify({ queuedAt: at(0) })).toString('base64url');

    await expect(engine.runs({ cursor: 'not a cursor' })).rejects.toMatchObject({ code: 'runs.invalid-cursor', pointer: '/cursor' });
    await expect(engine.runs({ cursor: wrongShape })).rejects.toMatchObject({ code: 'runs.invalid-cursor' });
  });

  it('refuses a page size outside 1 to 500 (runs.invalid-limit)', async () => {
    const { engine } = await mixedRuns();

    await expect(engine.runs({ limit: 0 })).rejects.toMatchObject({ code: 'runs.invalid-limit', pointer: '/limit' });
    await expect(engine.runs({ limit: 501 })).rejects.toMatchObject({ code: 'runs.invalid-limit' });
  });
});
