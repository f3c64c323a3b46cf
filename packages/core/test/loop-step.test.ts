import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, type CompletedRun, type Connector, type Store } from '../src/index.js';
import { createCatalog, scopeAt, type ScopeNode, type WorkflowDefinition } from '../src/design/index.js';
import { createTestConnector } from '../src/testing/index.js';
import { catalogOperations } from '../../connectors/src/catalog/catalog-operations.js';
import { customerCreatedSchema, customerEvent, testEngine, workflow } from './fixtures.js';

/** Ten records served three a page after the id given, as a CRM's cursor paging does. */
const RECORDS = Array.from({ length: 10 }, (_, index) => ({ id: `r${index + 1}` }));
function page(input: unknown): { items: Array<{ id: string }> } {
  const after = (input as { after?: string }).after;
  const start = after === undefined ? 0 : RECORDS.findIndex((record) => record.id === after) + 1;
  return { items: RECORDS.slice(start, start + 3) };
}

/** A loop paging through `shop.page` until a page comes back short, collecting the ids. */
const paging = (extra: Record<string, unknown> = {}) => ({
  id: 'pages',
  type: 'loop',
  init: { ids: [] },
  steps: [{ id: 'fetch', type: 'action', operation: 'shop.page', connection: 'main', input: { after: '=$cursor.after' } }],
  update: { after: '=$steps.fetch.items[-1].id', ids: '=$append($cursor.ids, $steps.fetch.items.id)', size: '=$count($steps.fetch.items)' },
  until: '$cursor.size < 3',
  maxIterations: 10,
  ...extra,
});

const paths = (run: CompletedRun | undefined) => run?.steps.map((record) => record.path);

describe('loop', () => {
  it('pages with a cursor until the condition ends it; its output is the iterations and the last cursor', async () => {
    const calls: unknown[] = [];
    const { engine } = testEngine({ page: { run: (input) => (calls.push(input), page(input)) } });
    const run = await engine.run(workflow([paging()]), customerEvent());
    expect(run.status).toBe('succeeded');
    expect(calls).toEqual([{}, { after: 'r3' }, { after: 'r6' }, { after: 'r9' }]);
    expect(run.steps.find((record) => record.path === 'pages')?.output).toEqual({ iterations: 4, cursor: { after: 'r10', ids: RECORDS.map((record) => record.id), size: 1 } });
    expect(paths(run)).toEqual(['pages[0].fetch', 'pages[1].fetch', 'pages[2].fetch', 'pages[3].fetch', 'pages']);
  });

  it('checks while before each iteration with $cursor and $iteration bound', async () => {
    const { engine } = testEngine({ page: { run: (input) => page(input) } });
    const definition = workflow([paging({ until: undefined, while: '$iteration < 2', update: { after: '=$steps.fetch.items[-1].id', at: '=$iteration' } })]);
    const run = await engine.run(definition, customerEvent());
    expect(run.steps.find((record) => record.path === 'pages')?.output).toEqual({ iterations: 2, cursor: { after: 'r6', at: 1 } });
  });

  it('fails at maxIterations when the condition still asks for more, with a pointer and a hint', async () => {
    const { engine } = testEngine({ page: { run: () => ({ items: [{ id: 'same' }, { id: 'same' }, { id: 'same' }] }) } });
    const run = await engine.run(workflow([paging({ maxIterations: 3 })]), customerEvent());
    expect(run.status).toBe('failed');
    expect(paths(run)).toEqual(['pages[0].fetch', 'pages[1].fetch', 'pages[2].fetch', 'pages']);
    expect(run.steps.at(-1)?.error).toMatchObject({ code: 'step.loop-limit', pointer: '/steps/0/maxIterations', message: 'Loop "pages" ran 3 iterations and its condition still asks for more' });
  });

  it('is validated with pointers: maxIterations required and at most 1000, one condition, steps of the body named in update', () => {
    const { engine } = testEngine({ page: { run: (input) => page(input) } });
    const problems = (step: Record<string, unknown>) => engine.validate(workflow([step])).problems.map((problem) => [problem.pointer, problem.code]);
    expect(problems(paging())).toEqual([]);
    expect(problems(paging({ maxIterations: 1001 }))).toEqual([['/steps/0/maxIterations', 'schema.maximum']]);
    expect(problems(paging({ maxIterations: undefined }))).toEqual([['/steps/0', 'schema.required']]);
    expect(problems(paging({ until: undefined }))).toEqual([['/steps/0', 'loop.no-condition']]);
    expect(problems(paging({ while: 'true' }))).toEqual([['/steps/0/until', 'loop.two-conditions']]);
    expect(problems(paging({ update: { after: '=$steps.fetc.items[-1].id' } }))).toEqual([['/steps/0/update/after', 'reference.unknown-step']]);
    expect(problems(paging({ init: { after: '=$steps.fetch.items[-1].id' } }))).toEqual([['/steps/0/init/after', 'reference.inside-for-each']]);
    const suggestion = engine.validate(workflow([paging({ until: undefined })])).problems[0]?.suggestion;
    expect(suggestion).toContain('until');
  });

  it('resumes after a crash mid-loop from its checkpoint: done iterations are not fetched again', async () => {
    const store: Store = createMemoryStore();
    const shop = (run: (input: unknown) => unknown): Connector => {
      const base = createTestConnector({ name: 'shop', actions: { page: { run } }, triggers: { 'customer.created': { payload: customerCreatedSchema } } });
      // A read (GET), as a CRM's search is: reads are repeated freely, so only the checkpoint keeps done pages from being fetched again.
      const operations = base.operations.map((operation) => (operation.id === 'shop.page' ? { ...operation, http: { method: 'GET', path: '/page' } } : operation));
      return { ...base, operations };
    };
    const engineWith = (connector: Connector) => {
      const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store });
      engine.deploy(workflow([paging()]));
      return engine;
    };
    const firstCalls: unknown[] = [];
    // The first process dies while it fetches the third page.
    const first = engineWith(shop((input) => (firstCalls.push(input), firstCalls.length === 3 ? new Promise(() => {}) : page(input))));
    await first.submit({ ...customerEvent(), id: 'e1' });
    while (firstCalls.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));

    const laterCalls: unknown[] = [];
    const restarted = engineWith(shop((input) => (laterCalls.push(input), page(input))));
    const [resumed] = await restarted.resume();
    expect(resumed?.status).toBe('succeeded');
    expect(laterCalls).toEqual([{ after: 'r6' }, { after: 'r9' }]);
    expect(resumed?.steps.find((record) => record.path === 'pages')?.output).toMatchObject({ iterations: 4, cursor: { ids: RECORDS.map((record) => record.id) } });
  });

  it('resumed after its last iteration was saved but before its own record was, it ends without another iteration', async () => {
    const store: Store = createMemoryStore();
    // A store whose write of the loop's own record never finishes: the process dies right there (the default tenant's records are the store's own).
    const bind = <T extends object>(target: T, key: string | symbol): unknown => {
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    };
    const dying = new Proxy(store, {
      get: (target, key) => (key === 'putStep' ? (record: { path: string }) => (record.path === 'pages' ? new Promise(() => {}) : target.putStep(record as never)) : bind(target, key)),
    });
    const calls: unknown[] = [];
    const engineOn = (on: Store) => {
      const base = createTestConnector({ name: 'shop', actions: { page: { run: (input) => (calls.push(input), page(input)) } }, triggers: { 'customer.created': { payload: customerCreatedSchema } } });
      // A read (GET): repeated on resume unless the checkpoint says it was done.
      const connector = { ...base, operations: base.operations.map((operation) => (operation.id === 'shop.page' ? { ...operation, http: { method: 'GET', path: '/page' } } : operation)) };
      const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store: on });
      engine.deploy(workflow([paging()]));
      return engine;
    };
    const first = engineOn(dying);
    let runId = '';
    first.on('run.started', (event) => (runId = event.runId));
    await first.submit({ ...customerEvent(), id: 'e1' });
    // Until the last checkpoint is saved (the loop's record then hangs).
    const lastSaved = async () => runId !== '' && ((await store.getIdempotency(`loop/${runId}/pages`))?.output as { done?: boolean } | undefined)?.done === true;
    while (!(await lastSaved())) await new Promise((resolve) => setTimeout(resolve, 5));
    calls.length = 0;
    const restarted = engineOn(store);
    await restarted.resume();
    await restarted.idle();
    const resumed = await restarted.getRun(runId);
    expect(resumed?.status).toBe('succeeded');
    expect(calls).toEqual([]);
    expect(resumed?.steps.find((record) => record.path === 'pages')?.output).toMatchObject({ iterations: 4, cursor: { after: 'r10' } });
  });

  it('runs in a test run, with a mock per iteration by path', async () => {
    const { engine } = testEngine({ page: { run: () => { throw new Error('a test run calls nothing'); }, sampleOutput: { items: [] } } });
    const mocks = { 'pages[0].fetch': { items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }, 'pages[1].fetch': { items: [{ id: 'd' }] } };
    const run = await engine.run(workflow([paging()]), customerEvent(), { dryRun: true, mocks });
    expect(run.status).toBe('succeeded');
    expect(run.steps.find((record) => record.path === 'pages')?.output).toEqual({ iterations: 2, cursor: { after: 'd', ids: ['a', 'b', 'c', 'd'], size: 1 } });
  });

  it('shows $cursor and $iteration inside its body and its update, the body\'s steps in update, and { iterations, cursor } after it', () => {
    const catalog = createCatalog([
      ...catalogOperations,
      { id: 'shop.page', kind: 'action', connector: 'shop', title: 'A page', output: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } } } },
    ]);
    const definition = workflow([paging(), { id: 'after', type: 'set', var: 'n', value: '=$steps.pages.iterations' }], { trigger: { operation: 'pushpress.customer.created' } }) as WorkflowDefinition;
    const names = (pointer: string) => scopeAt(definition, pointer, { catalog }).names;
    const find = (list: readonly ScopeNode[], name: string) => list.find((node) => node.name === name);
    const inBody = names('/steps/0/steps/0/input/after');
    expect(find(inBody, '$cursor')?.children?.map((node) => node.name)).toEqual(['ids']);
    expect(find(inBody, '$iteration')?.type).toBe('integer');
    const inUpdate = names('/steps/0/update/after');
    expect(find(inUpdate, '$cursor')).toBeDefined();
    expect(find(inUpdate, '$steps')?.children?.map((node) => node.name)).toEqual(['fetch']);
    const after = names('/steps/1/value');
    expect(find(after, '$cursor')).toBeUndefined();
    expect(find(find(after, '$steps')?.children ?? [], 'pages')?.children?.map((node) => node.name)).toEqual(['iterations', 'cursor']);
  });
});
