/**
 * Delays across SIGKILLs (issue 17): `flowline serve` runs a flow that waits two seconds (a
 * durable delay) before it creates a GHL task. It is SIGKILLed while the runs wait, started again,
 * SIGKILLed again as their timers fall due and the runs wake, and started once more. Every run
 * ends succeeded; no timer fires early; none is lost (one task per customer) and none fires
 * twice (never two tasks, and each timer is fired once, after its due time).
 *
 * Needs the compiled CLI (`pnpm build`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, JsonObject } from '../../packages/sandbox/src/index.js';
import { REPO_ROOT } from '../support/node-child.js';
import { eventually, startServeStack, type ServeStack } from './serve-stack.js';

const FLOWS = ['test/crash/fixtures/delay-flow'];
const CUSTOMERS = 12;

function signUp(index: number): Delivery {
  const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/contact-sync/events/customer.created.json'), 'utf8')) as { data: JsonObject };
  const name = `delay${index}`;
  return {
    event: 'customer.created',
    created: Math.floor(Date.now() / 1000),
    data: { ...sample.data, id: `usr_${name}`, email: `${name}@example.com`, phone: null, name: { first: name, last: 'Wait', nickname: null } },
  };
}

describe('crash test: delays across SIGKILLs', () => {
  let stack: ServeStack;

  beforeAll(async () => {
    stack = await startServeStack({ flows: FLOWS });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('fires every delay once, none early, none lost, across kills while runs wait and while they wake', async () => {
    const serve = await stack.serve({ logName: 'serve-delays.log' });
    await serve.start();
    // Half the customers sign up, the engine is killed while their runs wait.
    for (let index = 0; index < CUSTOMERS / 2; index++) expect(await stack.send(serve.webhookUrl, signUp(index))).toBe(202);
    await sleep(500);
    await serve.kill('while runs wait');
    await serve.start();
    // The other half sign up; the kill lands as the first half's timers fall due and their runs wake.
    for (let index = CUSTOMERS / 2; index < CUSTOMERS; index++) expect(await stack.send(serve.webhookUrl, signUp(index))).toBe(202);
    await eventually(async () => ((await stack.location()).contacts.length > 0 ? true : undefined), 20_000, 'the first runs wake');
    await serve.kill('while runs wake');
    await serve.start();

    const runs = await eventually(
      () => stack.withStore(async (store) => {
        const all = await store.listRuns();
        return all.length === CUSTOMERS && all.every((run) => run.status === 'succeeded') ? all : undefined;
      }),
      30_000,
      'every run succeeds',
    );
    expect((await serve.stop(15_000)).graceful).toBe(true);

    await stack.withStore(async (store) => {
      expect(await store.listPendingTimers()).toEqual([]);
      for (const run of runs) {
        const timer = await store.getTimer(run.id, 'wait');
        expect(timer?.firedAt, run.id).toBeDefined();
        expect(Date.parse(timer?.firedAt ?? '') >= Date.parse(timer?.dueAt ?? ''), `${run.id} fired at ${timer?.firedAt}, due ${timer?.dueAt}`).toBe(true);
        const upsert = (await store.listSteps(run.id)).find((step) => step.path === 'upsert');
        expect(Date.parse(upsert?.startedAt ?? '') >= Date.parse(timer?.dueAt ?? ''), `${run.id}'s next step started before the timer was due`).toBe(true);
      }
    });
    const contacts = (await stack.location()).contacts.filter((contact) => String(contact['email']).startsWith('delay'));
    expect(contacts).toHaveLength(CUSTOMERS);
    for (const contact of contacts) expect(Array.isArray(contact['tasks']) ? contact['tasks'].length : 0, String(contact['email'])).toBe(1);
  }, 90_000);
});
