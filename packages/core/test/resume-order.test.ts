import { describe, expect, it } from 'vitest';
import { ActionError, createMemoryStore, FlowlineError, StoreUnavailableError, type Store } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
import { customerEvent, testEngine, workflow } from './fixtures.js';

/** One action: sets the customer's appointment status in a "CRM", the last write wins. */
const SET_STATUS = [{ id: 'set', type: 'action', operation: 'shop.set', connection: 'main', input: { status: '=$event.data.status' }, retry: { attempts: 1 } }];

/** Polls `condition` every millisecond; bounded, so a broken engine fails the test instead of hanging it. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tick = 0; tick < 5000; tick++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

const appointment = (status: string, id: string, customer = 'usr_1') => ({ ...customerEvent({ id: customer, status }, id), orderingKey: customer });

/** A CRM whose `set` action records each status it is given, in order. */
function crm(behave: (status: string) => unknown = () => undefined) {
  const statuses: string[] = [];
  const action: TestAction = {
    run: async (input) => {
      const { status } = input as { status: string };
      statuses.push(status);
      await behave(status);
      return { status };
    },
  };
  return { action, statuses };
}

/**
 * What a killed retry leaves: the delivery of `status` was processed and its run dead-lettered;
 * a second process retried the run and died in its step. The retry's attempt (returned) is
 * `running`, the inbox entry `done`: only the attempt itself says it is unfinished.
 */
async function leaveKilledRetry(store: Store, status: string, id: string, customer?: string): Promise<string> {
  const failing = testEngine({ set: { run: () => { throw new ActionError('validation', 'refused for now'); } } }, { store }).engine;
  failing.deploy(workflow(SET_STATUS));
  await failing.submit(appointment(status, id, customer));
  await failing.idle();
  const runId = (await store.listRuns()).find((run) => run.event.id === id)?.id ?? '';
  expect(await store.getDeadLetter(`run:${runId}`), 'the run is dead-lettered').toBeDefined();
  const retrying = testEngine({ set: { run: () => new Promise(() => {}) } }, { store }).engine;
  retrying.deploy(workflow(SET_STATUS));
  void retrying.retry(runId);
  // The retry is a new attempt of the run, a run of its own: that is what is left running.
  const attemptId = `${runId}~2`;
  await until(async () => (await store.getRun(attemptId))?.status === 'running', 'the retry runs');
  return attemptId;
}

describe('resume order', () => {
  it("resumes a customer's older leftover run before that customer's newer pending event, not after it", async () => {
    const store = createMemoryStore();
    const runId = await leaveKilledRetry(store, 'confirmed', 'scheduled-1');
    // The newer delivery was accepted by a process that died before running it.
    await store.addToInbox(appointment('noshow', 'noshowed-1'), new Date(Date.now() + 1000).toISOString());

    const { action, statuses } = crm();
    const { engine } = testEngine({ set: action }, { store });
    engine.deploy(workflow(SET_STATUS));
    const resumed = await engine.resume();

    expect(statuses).toEqual(['confirmed', 'noshow']);
    expect(resumed.map((run) => [run.event.id, run.status])).toEqual([['scheduled-1', 'succeeded'], ['noshowed-1', 'succeeded']]);
    expect((await store.getRun(runId))?.status).toBe('succeeded');
  });

  it('lists the leftovers again while the store cannot be read for now, instead of giving up on them', async () => {
    const memory = createMemoryStore();
    await memory.addToInbox(appointment('confirmed', 'scheduled-2'), new Date().toISOString());
    let refusals = 2;
    const store = new Proxy(memory, {
      get: (target, key, receiver) =>
        key === 'listRuns' && refusals > 0
          ? () => {
              refusals -= 1;
              return Promise.reject(new StoreUnavailableError('busy', 'The database is locked'));
            }
          : Reflect.get(target, key, receiver),
    });

    const { action, statuses } = crm();
    const { engine } = testEngine({ set: action }, { store, storeRetry: { initialDelayMs: 1, maxDelayMs: 5 } });
    engine.deploy(workflow(SET_STATUS));
    const resumed = await engine.resume();

    expect(refusals).toBe(0);
    expect(statuses).toEqual(['confirmed']);
    expect(resumed.map((run) => run.status)).toEqual(['succeeded']);
  });

  it("runs a customer's event submitted while that customer's leftover run resumes after it, not beside it", async () => {
    const store = createMemoryStore();
    await leaveKilledRetry(store, 'confirmed', 'scheduled-1');

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let inFlight = 0;
    let most = 0;
    const { action, statuses } = crm(async (status) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      if (status === 'confirmed') await released;
      inFlight -= 1;
    });
    const { engine } = testEngine({ set: action }, { store });
    engine.deploy(workflow(SET_STATUS));
    const resuming = engine.resume();
    await until(() => statuses.includes('confirmed'), 'the leftover run is in its step');
    await engine.submit(appointment('noshow', 'noshowed-1'));
    // Turns enough for the new event to reach its step, if it does not wait for its lane.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    release();
    await resuming;
    await engine.idle();

    expect(statuses).toEqual(['confirmed', 'noshow']);
    expect(most).toBe(1);
  });

  it('resumes the leftover runs of different customers oldest first', async () => {
    const store = createMemoryStore();
    await leaveKilledRetry(store, 'older', 'first-1', 'usr_a');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await leaveKilledRetry(store, 'newer', 'second-1', 'usr_b');

    const { action, statuses } = crm();
    const { engine } = testEngine({ set: action }, { store, concurrency: 1 });
    engine.deploy(workflow(SET_STATUS));
    await engine.resume();

    expect(statuses).toEqual(['older', 'newer']);
  });
});

describe('a leftover run that cannot be resumed', () => {
  it('is logged and left for the next start, and the other leftovers resume', async () => {
    const memory = createMemoryStore();
    const broken = await leaveKilledRetry(memory, 'broken', 'first-1', 'usr_a');
    const fine = await leaveKilledRetry(memory, 'fine', 'second-1', 'usr_b');
    // The store cannot read the broken run's snapshot back (a damaged row).
    const store: Store = {
      ...memory,
      getSnapshot: async (runId) => {
        if (runId === broken) throw new FlowlineError('store.corrupt', `The snapshot of run ${runId} is not JSON`);
        return memory.getSnapshot(runId);
      },
    };

    const errors: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (message: string) => errors.push(message) };
    const { action, statuses } = crm();
    const { engine } = testEngine({ set: action }, { store, logger });
    engine.deploy(workflow(SET_STATUS));
    const resumed = await engine.resume();

    expect(resumed.map((run) => run.id)).toEqual([fine]);
    expect(statuses).toEqual(['fine']);
    expect(errors).toEqual(['a run left by an earlier process could not be resumed; it stays for the next start']);
    expect((await store.getRun(broken))?.status).toBe('running');
  });

  it('fails as crashed when its saved snapshot is not a snapshot, without an error thrown past the engine', async () => {
    const store = createMemoryStore();
    const broken = await leaveKilledRetry(store, 'broken', 'first-1');
    await store.putSnapshot(broken, { status: 'active', value: 'set' });

    const { engine } = testEngine({ set: crm().action }, { store });
    engine.deploy(workflow(SET_STATUS));
    const [resumed] = await engine.resume();
    // XState reports an error of a snapshot it cannot restore from a timer, unless the actor is observed.
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(resumed).toMatchObject({ id: broken, status: 'failed', error: { code: 'internal' } });
  });
});
