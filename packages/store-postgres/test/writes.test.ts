import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { dropSchema, PG_URL, TEST_KEY, uniqueSchema } from './pg-schema.js';

const T0 = '2026-01-01T00:00:00.000Z';
const run = (id: string, status: 'queued' | 'running' | 'succeeded') =>
  ({ id, workflowId: 'wf', workflowVersion: 1, status, dryRun: false, event: { trigger: 't', payload: {} }, queuedAt: T0 }) as const;

let schema: string;
let store: PostgresStore;

beforeEach(async () => {
  schema = uniqueSchema('writes');
  store = await createPostgresStore({ connectionString: PG_URL, schema, encryptionKey: TEST_KEY });
});

afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('writes', () => {
  it('apply in the order they were issued, and a read sees the writes issued before it, without awaiting them', async () => {
    const writes = [store.putRun(run('r1', 'queued')), store.putRun(run('r1', 'running')), store.putRun(run('r1', 'succeeded'))];
    const read = store.getRun('r1');
    for (let index = 0; index < 50; index += 1) void store.putStep({ runId: 'r1', path: `s${index}`, stepId: 's', kind: 'action', status: 'succeeded', attempts: 1, startedAt: T0, finishedAt: T0, durationMs: 0 });
    expect((await read)?.status).toBe('succeeded');
    await Promise.all(writes);
    expect((await store.listSteps('r1')).map((step) => step.path)).toEqual(Array.from({ length: 50 }, (_, index) => `s${index}`));
  });

  it('commits writes issued together, and rejects only the one that fails', async () => {
    await store.addToInbox({ trigger: 't', payload: {}, id: 'e0' }, T0);
    const results = await Promise.allSettled([
      store.addToInbox({ trigger: 't', payload: {}, id: 'e1' }, T0),
      store.setInboxStatus('missing', 'done'),
      store.addToInbox({ trigger: 't', payload: {}, id: 'e2' }, T0),
      store.setInboxStatus('e0', 'done', { runIds: ['r0'] }),
      store.putWorkflowVersion({ workflowId: 'wf', version: 3_000_000_000, state: 'draft', definition: {}, savedAt: T0 }),
      store.addToInbox({ trigger: 't', payload: {}, id: 'e1' }, T0),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { code: 'store.not_found' } });
    expect(results[5]).toMatchObject({ value: { added: false } });
    expect((await store.listInbox('pending')).map((entry) => entry.id)).toEqual(['e1', 'e2']);
    expect((await store.listInbox('done')).map((entry) => entry.id)).toEqual(['e0']);
  });

  it('keeps 1,000 deliveries issued at once, in order', async () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `e${String(index).padStart(4, '0')}`);
    const added = await Promise.all(ids.map((id) => store.addToInbox({ trigger: 't', payload: { id }, id }, T0)));
    expect(added.every((result) => result.added)).toBe(true);
    expect((await store.listInbox('pending')).map((entry) => entry.id)).toEqual(ids);
  });
});

describe('leases', () => {
  it('gives a lease to one owner until it expires or is released, per tenant', async () => {
    let now = 1_000;
    const timed = await createPostgresStore({ connectionString: PG_URL, schema, clock: () => now });
    try {
      const gym = timed.forTenant('gym-a');
      expect(await gym.acquireLease({ key: 'order:usr_1', owner: 'w1', ttlMs: 100 })).toEqual({ acquired: true, lease: { key: 'order:usr_1', owner: 'w1', expiresAt: 1_100 } });
      expect(await gym.acquireLease({ key: 'order:usr_1', owner: 'w2', ttlMs: 100 })).toMatchObject({ acquired: false, lease: { owner: 'w1' } });
      expect(await timed.forTenant('gym-b').acquireLease({ key: 'order:usr_1', owner: 'w2', ttlMs: 100 })).toMatchObject({ acquired: true });
      now = 1_100;
      expect((await gym.listExpiredLeases({ prefix: 'order:' })).map((lease) => lease.owner)).toEqual(['w1']);
      expect(await gym.acquireLease({ key: 'order:usr_1', owner: 'w2', ttlMs: 100 })).toMatchObject({ acquired: true, lease: { owner: 'w2', expiresAt: 1_200 } });
      expect(await gym.releaseLease('order:usr_1', 'w1')).toEqual({ released: false });
      expect(await gym.releaseLease('order:usr_1', 'w2')).toEqual({ released: true });
      expect(await gym.getLease('order:usr_1')).toBeUndefined();
    } finally {
      await timed.close();
    }
  });
});
