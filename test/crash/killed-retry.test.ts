/**
 * The killed-retry case of the crash test (issue 13): `flowline runs retry` is SIGKILLed while
 * the GHL write it sent is held by the sandbox (the write commits after the retry died), which
 * leaves the run `running`. Running the retry again finishes it, and so does a `flowline serve`
 * started on the data directory; either way GHL holds the task once.
 *
 * Needs the compiled CLI (`pnpm build`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, JsonObject } from '../../packages/sandbox/src/index.js';
import { REPO_ROOT } from '../support/node-child.js';
import { eventually, startServeStack, type ServeStack } from './serve-stack.js';

const FLOWS = ['examples/contact-sync'];
const TASKS = '/contacts/*/tasks';

/** A lead's sign-up (the contact-sync flow upserts the contact, then creates a follow-up task), for one new customer. */
function leadSignUp(name: string): Delivery {
  const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/contact-sync/events/customer.created.json'), 'utf8')) as { data: JsonObject };
  return {
    event: 'customer.created',
    created: Math.floor(Date.now() / 1000),
    data: { ...sample.data, id: `usr_${name}`, email: `${name}@example.com`, phone: null, name: { first: name, last: 'Retry', nickname: null }, role: 'lead' },
  };
}

describe('crash test: a killed flowline runs retry', () => {
  let stack: ServeStack;
  /** The failed runs of the two leads, by name. */
  const failed = new Map<string, string>();

  /** Retries `runId` and SIGKILLs the retry while the sandbox holds its task POST; resolves once GHL committed that task. */
  async function killRetryMidWrite(runId: string, email: string): Promise<void> {
    const fault = await stack.sandbox.admin.addFault({ kind: 'latency', method: 'POST', path: TASKS, count: 1, latencyMs: 1_500 });
    const retry = stack.retry(runId);
    await eventually(async () => ((await stack.sandbox.admin.faults()).some((candidate) => candidate.id === fault.id) ? undefined : true), 60_000, 'the retry sends its task');
    await retry.kill('SIGKILL');
    await eventually(async () => ((await tasksOf(email)) === 1 ? true : undefined), 10_000, 'the held task commits in GHL');
  }

  async function tasksOf(email: string): Promise<number> {
    const contact = (await stack.location()).contacts.find((candidate) => candidate['email'] === email);
    return Array.isArray(contact?.['tasks']) ? contact['tasks'].length : 0;
  }

  beforeAll(async () => {
    stack = await startServeStack({ flows: FLOWS });
    // Every task POST fails: each lead's run ends failed, after its contact was made.
    await stack.sandbox.admin.addFault({ kind: 'error', method: 'POST', path: TASKS, count: 'always', status: 503 });
    const serve = await stack.serve();
    await serve.start();
    for (const name of ['ann', 'bob']) expect(await stack.send(serve.webhookUrl, leadSignUp(name))).toBe(202);
    const letters = await eventually(
      () => stack.withStore(async (store) => {
        const found = await store.listDeadLetters();
        return found.length === 2 ? found : undefined;
      }),
      60_000,
      'both runs fail',
    );
    for (const letter of letters) {
      const run = await stack.withStore((store) => store.getRun(letter.runId ?? ''));
      const data = (run?.event.payload as { data: { email: string } }).data;
      failed.set(data.email.split('@')[0] ?? '', letter.runId ?? '');
    }
    expect((await serve.stop(30_000)).graceful).toBe(true);
    await stack.sandbox.admin.clearFaults();
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('leaves the retry\'s attempt running when killed mid-write; retrying that attempt finishes the run, with the task in GHL once', async () => {
    const runId = failed.get('ann') ?? '';
    await killRetryMidWrite(runId, 'ann@example.com');
    // The retry is a new attempt of the run: that attempt is what the kill left running.
    const attempt = `${runId}~2`;
    expect(await stack.withStore((store) => store.getRun(attempt))).toMatchObject({ status: 'running', retryOf: runId });
    expect(await stack.withStore((store) => store.getRun(runId))).toMatchObject({ status: 'failed' });

    const again = stack.retry(attempt);
    const exit = await again.exited;

    expect(exit.code, again.output()).toBe(0);
    expect(again.output()).toContain('was left running by a process that stopped');
    expect(await stack.withStore((store) => store.getRun(`${runId}~3`))).toMatchObject({ status: 'succeeded', retryOf: attempt });
    expect(await stack.withStore((store) => store.getDeadLetter(`run:${runId}`))).toBeUndefined();
    expect(await tasksOf('ann@example.com')).toBe(1);
  }, 120_000);

  it('leaves the retry\'s attempt running when killed mid-write; flowline serve started on the data directory finishes it, with the task in GHL once', async () => {
    const runId = failed.get('bob') ?? '';
    await killRetryMidWrite(runId, 'bob@example.com');
    const attempt = `${runId}~2`;
    expect(await stack.withStore((store) => store.getRun(attempt))).toMatchObject({ status: 'running' });

    const serve = await stack.serve({ logName: 'serve-after-retry.log' });
    await serve.start();
    await eventually(async () => ((await stack.withStore((store) => store.getRun(attempt)))?.status === 'succeeded' ? true : undefined), 60_000, 'serve finishes the attempt');
    expect(await stack.withStore((store) => store.getDeadLetter(`run:${runId}`))).toBeUndefined();
    expect((await serve.stop(30_000)).graceful).toBe(true);

    expect(await tasksOf('bob@example.com')).toBe(1);
  }, 120_000);
});
