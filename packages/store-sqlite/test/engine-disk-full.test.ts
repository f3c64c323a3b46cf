import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Logger, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector, type TestAction } from '@flowline/core/testing';
import { fullableStore } from './full-database.js';
import { makeTempDir } from './temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** Every record of these runs is larger than a page (the note), so each needs room on the disk. */
const delivery = (id: string) => ({
  trigger: 'shop.customer.created',
  id,
  orderingKey: 'usr_1',
  payload: { event: 'customer.created', created: 1764190000, data: { id: 'usr_1', note: 'n'.repeat(6000) } },
});
const OUTAGE = 'the store cannot write for now; the work waits and is tried again (nothing is failed or dead-lettered for it)';

/** Polls `condition` every millisecond; bounded, so a broken engine fails the test instead of hanging it. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tick = 0; tick < 10_000; tick++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

/** Resolves once the engine waits for the store (it says so), or has nothing left to do. */
async function stuckOnTheFullDisk(engine: { idle(): Promise<void> }, logged: readonly string[]): Promise<void> {
  await Promise.race([until(() => logged.includes(OUTAGE), 'the engine notices the full disk'), engine.idle()]);
}

/** An engine on a SQLite store whose disk the first call of `first` fills up. */
function engineOnFillingDisk(steps: unknown[], actions: Record<string, TestAction> = {}) {
  const full = fullableStore({ path: temp.file('engine.db') });
  const logged: string[] = [];
  const logger: Logger = { debug() {}, info: (message) => logged.push(message), warn: (message) => logged.push(message), error: (message) => logged.push(message) };
  let filled = false;
  const first: TestAction = {
    run: async () => {
      if (!filled) {
        filled = true;
        // Between the store's turns, as a disk fills up under a running host.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        full.fill();
      }
      return { ok: true };
    },
  };
  const connector = createTestConnector({ name: 'shop', triggers: { 'customer.created': {} }, actions: { first, second: { run: () => ({ ok: true }) }, ...actions } });
  const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store: full.store, logger, storeRetry: { initialDelayMs: 1, maxDelayMs: 20 } });
  engine.deploy({ id: 'wf', name: 'Fills the disk', version: 1, trigger: { operation: 'shop.customer.created' }, steps } as WorkflowDefinition);
  return { engine, connector, logged, ...full };
}

describe('an engine on a full disk', () => {
  it('never dead-letters an accepted delivery while the disk is full: its run waits, and finishes once there is room', async () => {
    const { engine, connector, store, logged, makeRoom } = engineOnFillingDisk([
      { id: 'first', type: 'action', operation: 'shop.first', connection: 'main', input: { note: '=$event.data.note' } },
      { id: 'second', type: 'action', operation: 'shop.second', connection: 'main', input: { n: 1 } },
    ]);
    await engine.submit(delivery('d1'));
    await stuckOnTheFullDisk(engine, logged);
    // Meanwhile new deliveries are refused (a receiver answers 503), not lost.
    await expect(engine.submit(delivery('d2'))).rejects.toMatchObject({ code: 'store.unavailable', reason: 'disk-full' });

    makeRoom();
    expect(await engine.submit(delivery('d2'))).toEqual({ status: 'accepted', id: 'd2' });
    await engine.idle();

    expect(await engine.deadLetters()).toEqual([]);
    expect((await store.getInboxEntry('d1'))?.status).toBe('done');
    expect((await store.getInboxEntry('d2'))?.status).toBe('done');
    expect((await engine.listRuns()).map((run) => [run.event.id, run.status])).toEqual([['d2', 'succeeded'], ['d1', 'succeeded']]);
    expect(connector.calls.filter((call) => call.operationId === 'shop.second')).toHaveLength(2);
    expect(logged).toContain('the store writes again; the work that waited goes on');
    await store.close();
  });

  it("does not take a step's onError route because the store could not write", async () => {
    const { engine, connector, store, logged, makeRoom } = engineOnFillingDisk(
      [
        { id: 'first', type: 'action', operation: 'shop.first', connection: 'main', input: { n: 1 } },
        {
          id: 'mark',
          type: 'action',
          operation: 'shop.second',
          connection: 'main',
          input: { n: 2 },
          // Its effect record (written before the request) is larger than a page: the disk has no room for it.
          idempotencyKey: '=$event.data.note',
          onError: [{ id: 'fallback', type: 'action', operation: 'shop.fallback', connection: 'main', input: { n: 3 } }],
        },
      ],
      { fallback: { run: () => ({ ok: true }) } },
    );
    await engine.submit(delivery('d1'));
    await stuckOnTheFullDisk(engine, logged);
    makeRoom();
    await engine.idle();

    expect(connector.calls.map((call) => call.operationId)).toEqual(['shop.first', 'shop.second']);
    expect((await engine.listRuns())[0]).toMatchObject({ status: 'succeeded' });
    expect(await engine.deadLetters()).toEqual([]);
    await store.close();
  });
});

describe('an event with several runs on a full disk', () => {
  it('tries the event again only once every one of its runs has stopped, so no run runs twice at once', async () => {
    const full = fullableStore({ path: temp.file('engine.db') });
    const logged: string[] = [];
    const logger: Logger = { debug() {}, info: (message) => logged.push(message), warn() {}, error: (message) => logged.push(message) };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let inFlight = 0;
    let most = 0;
    let slowCalls = 0;
    let filled = false;
    const actions: Record<string, TestAction> = {
      fill: {
        run: async () => {
          await new Promise((resolve) => setImmediate(resolve));
          await new Promise((resolve) => setImmediate(resolve));
          if (!filled) full.fill();
          filled = true;
          return { ok: true };
        },
      },
      slow: {
        run: async () => {
          slowCalls += 1;
          inFlight += 1;
          most = Math.max(most, inFlight);
          await released;
          inFlight -= 1;
          return { ok: true };
        },
      },
    };
    const connector = createTestConnector({ name: 'shop', triggers: { 'customer.created': {} }, actions });
    const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store: full.store, logger, storeRetry: { initialDelayMs: 1, maxDelayMs: 5 } });
    const on = (id: string, operation: string) =>
      ({ id, name: id, version: 1, trigger: { operation: 'shop.customer.created' }, steps: [{ id: 'only', type: 'action', operation, connection: 'main', input: { note: '=$event.data.note' } }] }) as WorkflowDefinition;
    engine.deploy(on('slow-one', 'shop.slow'));
    engine.deploy(on('filling-one', 'shop.fill'));

    await engine.submit(delivery('d1'));
    await until(() => filled, 'the disk is full');
    // Time enough for the event to be tried again beside its slow run, if it is.
    await Promise.race([until(() => slowCalls > 1, 'the slow run starts again'), new Promise((resolve) => setTimeout(resolve, 300))]);
    full.makeRoom();
    release();
    await engine.idle();

    expect(most).toBe(1);
    expect((await engine.listRuns()).map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    await full.store.close();
  });
});
