import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const CREATE = [{ id: 'create', type: 'action', operation: 'shop.create', connection: 'main', input: { name: '=$event.data.firstName' }, retry: { attempts: 1 } }];

/** Polls `condition` every millisecond; bounded, so a broken engine fails the test instead of hanging it. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tick = 0; tick < 5000; tick++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

/** An action that records each call and answers once the test releases its `name`. */
function gatedAction() {
  const calls: string[] = [];
  const releases = new Map<string, () => void>();
  const gates = new Map<string, Promise<void>>();
  const gate = (name: string): Promise<void> => {
    let promise = gates.get(name);
    if (!promise) {
      promise = new Promise<void>((resolve) => releases.set(name, resolve));
      gates.set(name, promise);
    }
    return promise;
  };
  const action: TestAction = {
    run: async (input) => {
      const name = String((input as { name: unknown }).name);
      calls.push(name);
      await gate(name);
      return { name };
    },
  };
  return { action, calls, release: (name: string) => { void gate(name); releases.get(name)?.(); } };
}

describe('resume after a restart', () => {
  it('leaves alone the runs of events submitted while it works through the backlog', async () => {
    const store = createMemoryStore();
    await store.addToInbox({ ...customerEvent({ id: 'usr_old', firstName: 'Old' }, 'old'), orderingKey: 'usr_old' }, new Date().toISOString());
    const crm = gatedAction();
    const { engine } = testEngine({ create: crm.action }, { store });
    engine.deploy(workflow(CREATE));

    let resumed = false;
    const resuming = engine.resume().then((runs) => {
      resumed = true;
      return runs;
    });
    await until(() => crm.calls.includes('Old'), 'the backlog event runs');
    await engine.submit({ ...customerEvent({ id: 'usr_new', firstName: 'New' }, 'new'), orderingKey: 'usr_new' });
    await until(() => crm.calls.includes('New'), 'the new event runs');
    // The backlog is done while the new event's run is in flight.
    crm.release('Old');
    await until(() => resumed || crm.calls.filter((name) => name === 'New').length > 1, 'resume is done or runs the new run a second time');
    crm.release('New');
    const runs = await resuming;
    await engine.idle();

    expect(crm.calls).toEqual(['Old', 'New']);
    expect(runs.map((run) => run.event.id)).toEqual(['old']);
    expect((await engine.listRuns()).map((run) => [run.event.id, run.status]).sort()).toEqual([['new', 'succeeded'], ['old', 'succeeded']]);
  });

  it('makes idle() wait until resume() has finished the runs an earlier process left', async () => {
    const store = createMemoryStore();
    // An earlier process started a run (outside the inbox) and died in its first step.
    const earlier = testEngine({ create: { run: () => new Promise(() => {}) } }, { store }).engine;
    earlier.deploy(workflow(CREATE));
    void earlier.dispatch({ ...customerEvent(), id: 'e1' });
    await until(async () => (await store.listRuns({ status: 'running' })).length === 1, 'the earlier run is running');

    const restarted = testEngine({ create: echo }, { store }).engine;
    restarted.deploy(workflow(CREATE));
    void restarted.resume();
    await restarted.idle();

    expect((await store.listRuns()).map((run) => run.status)).toEqual(['succeeded']);
  });
});
