import { createEngine, type Engine, type RunRecord } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { afterEach, expect, it } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { dropSchema, PG_URL, uniqueSchema } from './pg-schema.js';

const schema = uniqueSchema('delay');
const stores: PostgresStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await dropSchema(schema);
});

const definition = {
  id: 'waits',
  name: 'Waits',
  version: 1,
  trigger: { operation: 'shop.order.placed' },
  steps: [
    { id: 'first', type: 'action', operation: 'shop.save', connection: 'main', input: { at: 'first' } },
    { id: 'wait', type: 'delay', for: 'PT0.3S' },
    { id: 'after', type: 'action', operation: 'shop.save', connection: 'main', input: { at: 'after' } },
  ],
};

async function engineOn(calls: string[]): Promise<{ engine: Engine; store: PostgresStore }> {
  const store = await createPostgresStore({ connectionString: PG_URL, schema });
  stores.push(store);
  const connector = createTestConnector({
    name: 'shop',
    actions: { save: { run: (input) => (calls.push((input as { at: string }).at), input) } },
    triggers: { 'order.placed': { payload: { type: 'object' } } },
  });
  const engine = createEngine({ store, connectors: [connector], connections: { main: { connector: 'shop' } } });
  engine.deploy(definition);
  return { engine, store };
}

it('keeps a waiting run and its timer in PostgreSQL; another engine on the schema resumes it once it is due', async () => {
  const firstCalls: string[] = [];
  const first = await engineOn(firstCalls);
  await first.engine.submit({ trigger: 'shop.order.placed', id: 'order-1', payload: { id: 'order-1' } });
  await first.engine.idle();
  const [waiting] = await first.store.listRuns({ status: 'waiting' });
  expect(waiting).toBeDefined();
  expect(await first.store.listPendingTimers()).toEqual([{ tenant: 'default', runId: waiting!.id, path: 'wait', dueAt: waiting!.waitingUntil }]);
  await first.store.close();
  stores.splice(0);

  const calls: string[] = [];
  const second = await engineOn(calls);
  const ended = new Promise<RunRecord | undefined>((resolve) => second.engine.on('run.succeeded', (event) => void second.engine.getRun(event.runId).then(resolve)));
  await second.engine.resume();
  expect(await ended).toMatchObject({ id: waiting!.id, status: 'succeeded' });
  await second.engine.stopTimers();
  expect([...firstCalls, ...calls]).toEqual(['first', 'after']);
  expect(await second.store.listPendingTimers()).toEqual([]);
});
