import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../src/index.js';

const error = { name: 'ActionError', code: 'action.failed', message: 'GHL answered 500 five times', category: 'server' };

let store: SqliteStore;
beforeEach(() => {
  store = createSqliteStore({ path: ':memory:' });
});
afterEach(() => store.close());

describe('dead letters', () => {
  it('puts a run on the list with its reason and error', async () => {
    const letter = await store.putDeadLetter({ runId: 'r1', reason: 'retries-exhausted', error, at: '2024-01-01T00:00:00.000Z' });
    expect(letter).toEqual({ id: 'run:r1', runId: 'r1', reason: 'retries-exhausted', error, at: '2024-01-01T00:00:00.000Z' });
    expect(await store.getDeadLetter('run:r1')).toEqual(letter);
  });

  it('puts an inbox entry on the list without an error', async () => {
    const letter = await store.putDeadLetter({ inboxId: 'evt-1', reason: 'invalid-event', at: '2024-01-01T00:00:00.000Z' });
    expect(letter).toEqual({ id: 'inbox:evt-1', inboxId: 'evt-1', reason: 'invalid-event', at: '2024-01-01T00:00:00.000Z' });
  });

  it('lists dead letters oldest first', async () => {
    await store.putDeadLetter({ runId: 'r2', reason: 'retries-exhausted', at: '2024-01-02T00:00:00.000Z' });
    await store.putDeadLetter({ inboxId: 'e1', reason: 'invalid-event', at: '2024-01-01T00:00:00.000Z' });
    await store.putDeadLetter({ runId: 'r3', reason: 'retries-exhausted', at: '2024-01-03T00:00:00.000Z' });
    expect((await store.listDeadLetters()).map((d) => d.id)).toEqual(['inbox:e1', 'run:r2', 'run:r3']);
  });

  it('lists dead letters by reason and at most `limit`', async () => {
    await store.putDeadLetter({ runId: 'r1', reason: 'retries-exhausted', at: '2024-01-01T00:00:00.000Z' });
    await store.putDeadLetter({ inboxId: 'e1', reason: 'invalid-event', at: '2024-01-02T00:00:00.000Z' });
    await store.putDeadLetter({ runId: 'r2', reason: 'retries-exhausted', at: '2024-01-03T00:00:00.000Z' });
    expect((await store.listDeadLetters({ reason: 'retries-exhausted' })).map((d) => d.id)).toEqual(['run:r1', 'run:r2']);
    expect((await store.listDeadLetters({ limit: 1 })).map((d) => d.id)).toEqual(['run:r1']);
  });

  it('keeps one dead letter per subject, replaced when put again', async () => {
    await store.putDeadLetter({ runId: 'r1', reason: 'retries-exhausted', error, at: '2024-01-01T00:00:00.000Z' });
    await store.putDeadLetter({ runId: 'r1', reason: 'cancelled', at: '2024-01-05T00:00:00.000Z' });
    expect(await store.listDeadLetters()).toEqual([{ id: 'run:r1', runId: 'r1', reason: 'cancelled', at: '2024-01-05T00:00:00.000Z' }]);
  });

  it('keeps a run and an inbox entry with the same id apart', async () => {
    await store.putDeadLetter({ runId: 'x', reason: 'a', at: '2024-01-01T00:00:00.000Z' });
    await store.putDeadLetter({ inboxId: 'x', reason: 'b', at: '2024-01-01T00:00:00.000Z' });
    expect((await store.listDeadLetters()).map((d) => d.id)).toEqual(['run:x', 'inbox:x']);
  });

  it('removes a dead letter and says whether there was one', async () => {
    await store.putDeadLetter({ runId: 'r1', reason: 'retries-exhausted', at: '2024-01-01T00:00:00.000Z' });
    expect(await store.removeDeadLetter('run:r1')).toEqual({ removed: true });
    expect(await store.removeDeadLetter('run:r1')).toEqual({ removed: false });
    expect(await store.listDeadLetters()).toEqual([]);
  });

  it('rejects a dead letter naming both a run and an inbox entry, or neither', async () => {
    const both = { runId: 'r1', inboxId: 'e1', reason: 'x', at: '2024-01-01T00:00:00.000Z' } as unknown as Parameters<SqliteStore['putDeadLetter']>[0];
    const neither = { reason: 'x', at: '2024-01-01T00:00:00.000Z' } as unknown as Parameters<SqliteStore['putDeadLetter']>[0];
    await expect(store.putDeadLetter(both)).rejects.toMatchObject({ code: 'store.invalid_input' });
    await expect(store.putDeadLetter(neither)).rejects.toMatchObject({ code: 'store.invalid_input' });
  });

  it('rejects a dead letter without a reason', async () => {
    await expect(store.putDeadLetter({ runId: 'r1', reason: '', at: '2024-01-01T00:00:00.000Z' })).rejects.toMatchObject({
      code: 'store.invalid_input',
    });
  });
});
