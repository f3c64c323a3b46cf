import { describe, expect, it } from 'vitest';
import { EventQueue } from '../src/runtime/event-queue.js';
import type { InboxEvent } from '../src/runtime/event-queue.js';

const RECEIVED_AT = '2026-11-27T00:00:00.000Z';
const event = (id: string, orderingKey?: string): InboxEvent => ({
  tenant: 'default',
  event: { trigger: 't', payload: { id }, id, ...(orderingKey ? { orderingKey } : {}) },
  receivedAt: RECEIVED_AT,
});

function queueWith(options: { concurrency: number; maxHeld: number; delayMs?: number }) {
  const log: string[] = [];
  const freshness: string[] = [];
  const loaded: string[] = [];
  let inFlight = 0;
  let most = 0;
  const queue = new EventQueue<string>({
    concurrency: options.concurrency,
    maxHeld: options.maxHeld,
    missing: 'missing',
    async handle({ event: handled }, fresh) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      log.push(`start ${handled.id}`);
      freshness.push(`${handled.id} ${fresh ? 'fresh' : 'resumed'}`);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
      log.push(`end ${handled.id}`);
      inFlight -= 1;
      return `done ${handled.id}`;
    },
    async load(id) {
      loaded.push(id);
      return event(id, id.split('-')[0]);
    },
  });
  return { queue, log, loaded, freshness, most: () => most };
}

describe('the queue of accepted events', () => {
  it('runs the events of one ordering key one at a time, in order', async () => {
    const { queue, log } = queueWith({ concurrency: 4, maxHeld: 100 });
    for (const id of ['a-1', 'a-2', 'a-3']) queue.push(event(id, 'a'), true, false);
    await queue.idle();
    expect(log).toEqual(['start a-1', 'end a-1', 'start a-2', 'end a-2', 'start a-3', 'end a-3']);
  });

  it('runs different ordering keys in parallel, at most `concurrency` at once', async () => {
    const { queue, most } = queueWith({ concurrency: 3, maxHeld: 100, delayMs: 5 });
    for (let index = 0; index < 12; index += 1) queue.push(event(`k${index}-1`, `k${index}`), true, false);
    await queue.idle();
    expect(most()).toBe(3);
  });

  it('keeps only a few waiting events in memory and reads the others back when they are due', async () => {
    const { queue, loaded, log } = queueWith({ concurrency: 1, maxHeld: 1 });
    const results = ['a-1', 'b-1', 'c-1', 'd-1'].map((id) => queue.push(event(id, id.split('-')[0]), true, true));
    expect(await Promise.all(results)).toEqual(['done a-1', 'done b-1', 'done c-1', 'done d-1']);
    // a-1 starts at once; b-1 waits in memory; c-1 and d-1 wait as ids and are read back.
    expect(loaded).toEqual(['c-1', 'd-1']);
    expect(log.filter((line) => line.startsWith('start'))).toEqual(['start a-1', 'start b-1', 'start c-1', 'start d-1']);
  });

  it('reads back a backlog kept as bare ids in order per ordering key, taking the keys in turn', async () => {
    const { queue, log, loaded, freshness } = queueWith({ concurrency: 1, maxHeld: 1 });
    for (const id of ['a-1', 'b-1', 'a-2', 'c-1', 'b-2', 'a-3']) queue.push(event(id, id.split('-')[0]), true, false);
    await queue.idle();
    expect(log.filter((line) => line.startsWith('start'))).toEqual(['start a-1', 'start b-1', 'start c-1', 'start a-2', 'start b-2', 'start a-3']);
    // a-1 starts at once, so b-1 is the one event held in memory.
    expect(loaded).toEqual(['c-1', 'a-2', 'b-2', 'a-3']);
    expect(freshness.every((line) => line.endsWith(' fresh'))).toBe(true);
  });

  it('tells the handler that a resumed event read back from the inbox is not fresh', async () => {
    const { queue, freshness } = queueWith({ concurrency: 1, maxHeld: 0 });
    queue.push(event('a-1', 'a'), false, false);
    queue.push(event('b-1', 'b'), true, false);
    await queue.idle();
    expect(freshness).toEqual(['a-1 resumed', 'b-1 fresh']);
  });

  it('queues an event behind the running event of its key, even when that event was alone in its lane', async () => {
    const { queue, log } = queueWith({ concurrency: 2, maxHeld: 0, delayMs: 5 });
    queue.push(event('a-1', 'a'), true, false);
    await new Promise((resolve) => setTimeout(resolve, 1));
    for (const id of ['a-2', 'a-3']) queue.push(event(id, 'a'), true, false);
    await queue.idle();
    expect(log).toEqual(['start a-1', 'end a-1', 'start a-2', 'end a-2', 'start a-3', 'end a-3']);
  });

  it("runs work given to a lane after the lane's events queued before it and before those queued after it", async () => {
    const { queue, log } = queueWith({ concurrency: 4, maxHeld: 100 });
    queue.push(event('a-1', 'a'), true, false);
    const work = queue.enqueue('a', async () => {
      log.push('work');
      return 'worked';
    });
    queue.push(event('a-2', 'a'), true, false);
    expect(await work).toBe('worked');
    await queue.idle();
    expect(log).toEqual(['start a-1', 'end a-1', 'work', 'start a-2', 'end a-2']);
  });

  it('rejects with the error of work that fails, and goes on with its lane', async () => {
    const { queue, log } = queueWith({ concurrency: 1, maxHeld: 100 });
    const work = queue.enqueue('a', async () => {
      throw new Error('no such run');
    });
    queue.push(event('a-1', 'a'), true, false);
    await expect(work).rejects.toThrow('no such run');
    await queue.idle();
    expect(log).toEqual(['start a-1', 'end a-1']);
  });

  it('goes on with a lane when handling one of its events rejects, and says which event failed', async () => {
    const failed: string[] = [];
    const handled: string[] = [];
    const queue = new EventQueue<string>({
      concurrency: 1,
      maxHeld: 100,
      missing: 'missing',
      async handle({ event: accepted }) {
        if (accepted.id === 'a-1') throw new Error('the store is gone');
        handled.push(accepted.id);
        return `done ${accepted.id}`;
      },
      load: async () => undefined,
      failed: (error, id) => failed.push(`${id}: ${(error as Error).message}`),
    });
    const first = queue.push(event('a-1', 'a'), true, true);
    queue.push(event('a-2', 'a'), true, false);
    expect(await first).toBe('missing');
    await queue.idle();
    expect(handled).toEqual(['a-2']);
    expect(failed).toEqual(['a-1: the store is gone']);
  });
});
