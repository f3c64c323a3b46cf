import { describe, expect, it } from 'vitest';
import { ActionError, createMemoryStore, type Store } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const SAVE = [{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { name: '=$event.data.firstName' }, retry: { attempts: 1 } }];
const refusing: TestAction = { run: () => { throw new ActionError('validation', 'refused for now'); } };
const hanging: TestAction = { run: () => new Promise(() => {}) };

/** Polls `condition` every millisecond; bounded, so a broken engine fails the test instead of hanging it. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tick = 0; tick < 5000; tick++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

function engineOn(store: Store, save: TestAction, options: { maxPayloadBytes?: number } = {}) {
  const { engine, connector } = testEngine({ save }, { store, ...options });
  engine.deploy(workflow(SAVE));
  return { engine, connector };
}

/** A delivery whose run failed and was dead-lettered; returns the run's id. */
async function deadLetteredRun(store: Store): Promise<string> {
  const { engine } = engineOn(store, refusing);
  await engine.submit(customerEvent());
  await engine.idle();
  const [letter] = await engine.deadLetters();
  return letter?.runId ?? '';
}

describe('dead letters', () => {
  it('takes a run off the dead-letter list when it succeeds after a restart (its retry was killed midway)', async () => {
    const store = createMemoryStore();
    const runId = await deadLetteredRun(store);
    const retrying = engineOn(store, hanging).engine;
    void retrying.retry(runId);
    const attemptId = `${runId}~2`;
    await until(async () => (await store.getRun(attemptId))?.status === 'running', 'the retry runs');

    const restarted = engineOn(store, echo).engine;
    const [resumed] = await restarted.resume();

    expect(resumed).toMatchObject({ id: attemptId, retryOf: runId, status: 'succeeded' });
    expect(await store.getDeadLetter(`run:${runId}`)).toBeUndefined();
    expect(await store.getRun(runId), 'the run retried keeps its history').toMatchObject({ status: 'failed' });
  });

  it('no longer lists, and takes off the list, a dead letter whose run has succeeded since', async () => {
    const store = createMemoryStore();
    const runId = await deadLetteredRun(store);
    // As an earlier version left it: the run succeeded on a later try, its dead letter stayed.
    const run = await store.getRun(runId);
    await store.putRun({ ...run!, status: 'succeeded', error: undefined, failedStep: undefined });

    const { engine } = engineOn(store, echo);
    expect(await engine.deadLetters()).toEqual([]);
    expect(await store.getDeadLetter(`run:${runId}`)).toBeUndefined();
  });

  it("discards a dead letter on an operator's word, by its id or its run's id, and says so when there is none", async () => {
    const store = createMemoryStore();
    const runId = await deadLetteredRun(store);
    const { engine, connector } = engineOn(store, echo);

    expect(await engine.discardDeadLetter(runId)).toMatchObject({ id: `run:${runId}`, runId, reason: 'run-failed' });
    expect(await engine.deadLetters()).toEqual([]);
    expect(connector.calls).toEqual([]);
    await expect(engine.discardDeadLetter(`run:${runId}`)).rejects.toMatchObject({ code: 'dead-letters.not-found', hint: expect.stringContaining('--dead') });
  });

  it("discards a delivery's dead letter by its inbox: id", async () => {
    const store = createMemoryStore();
    const { engine } = engineOn(store, echo, { maxPayloadBytes: 64 });
    await store.addToInbox(customerEvent(), new Date().toISOString());
    await engine.resume();
    expect((await engine.deadLetters()).map((letter) => letter.id)).toEqual(['inbox:evt-1']);

    await engine.discardDeadLetter('inbox:evt-1');
    expect(await engine.deadLetters()).toEqual([]);
  });

  it('keeps a retried delivery pending until it is processed, so a restart finishes a retry killed midway', async () => {
    const store = createMemoryStore();
    // Dead-lettered as unprocessable by a process that refused payloads this large.
    await store.addToInbox(customerEvent(), new Date().toISOString());
    await engineOn(store, echo, { maxPayloadBytes: 64 }).engine.resume();
    expect(await store.getDeadLetter('inbox:evt-1')).toBeDefined();

    const retrying = engineOn(store, hanging);
    void retrying.engine.retry('inbox:evt-1');
    await until(() => retrying.connector.calls.length === 1, 'the retried delivery runs');

    const restarted = engineOn(store, echo).engine;
    const resumed = await restarted.resume();
    expect(resumed.map((run) => run.status)).toEqual(['succeeded']);
    expect(await store.getInboxEntry('evt-1')).toMatchObject({ status: 'done' });
    expect(await restarted.deadLetters()).toEqual([]);
  });
});
