import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunRecord, StepRecord } from '@flowline/core';
import { createSqliteStore } from '../src/index.js';
import { makeTempDir, TEST_KEY } from './temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const run: RunRecord = {
  id: 'r1',
  workflowId: 'wf-welcome',
  workflowVersion: 3,
  status: 'running',
  dryRun: false,
  event: { trigger: 'pushpress.customer.created', payload: { data: { id: 'usr_1' } }, id: 'e1', orderingKey: 'usr_1' },
  queuedAt: '2024-01-01T00:00:00.000Z',
  startedAt: '2024-01-01T00:00:01.000Z',
};
const step: StepRecord = {
  runId: 'r1',
  path: 'upsert',
  stepId: 'upsert',
  kind: 'action',
  status: 'succeeded',
  attempts: 2,
  startedAt: '2024-01-01T00:00:01.000Z',
  finishedAt: '2024-01-01T00:00:02.000Z',
  durationMs: 1000,
  output: { contactId: 'ct_9' },
};

it('keeps everything when a file is closed and opened again', async () => {
  const path = temp.file('reopen.db');
  const first = createSqliteStore({ path, encryptionKey: TEST_KEY, clock: () => 1_000 });
  await first.addToInbox(run.event as typeof run.event & { id: string }, '2024-01-01T00:00:00.000Z');
  await first.setInboxStatus('e1', 'done', { runIds: ['r1'] });
  await first.addToInbox({ trigger: 't', payload: {}, id: 'e2' }, '2024-01-01T00:00:05.000Z');
  await first.putRun(run);
  await first.putStep(step);
  await first.putSnapshot('r1', { status: 'active', value: { upsert: 'done' }, context: { n: 1 } });
  await first.putIdempotency({ key: 'r1:upsert', runId: 'r1', path: 'upsert', output: { contactId: 'ct_9' }, recordedAt: '2024-01-01T00:00:02.000Z' });
  await first.putLink('pushpress-customer:ghl-contact', 'usr_1', 'ct_9');
  await first.putDeadLetter({ inboxId: 'e2', reason: 'workflow-missing', at: '2024-01-01T00:00:06.000Z' });
  await first.putTokens('ghl-main', { accessToken: 'a', refreshToken: 'r' });
  await first.acquireLease({ key: 'run:r1', owner: 'w1', ttlMs: 60_000 });
  await first.close();

  const second = createSqliteStore({ path, encryptionKey: TEST_KEY, clock: () => 2_000 });
  expect(await second.getInboxEntry('e1')).toMatchObject({ status: 'done', runIds: ['r1'] });
  expect((await second.listInbox('pending')).map((e) => e.id)).toEqual(['e2']);
  expect(await second.getRun('r1')).toEqual(run);
  expect(await second.listRuns({ status: 'running', workflowId: 'wf-welcome' })).toEqual([run]);
  expect(await second.listSteps('r1')).toEqual([step]);
  expect(await second.getSnapshot('r1')).toEqual({ status: 'active', value: { upsert: 'done' }, context: { n: 1 } });
  expect((await second.getIdempotency('r1:upsert'))?.output).toEqual({ contactId: 'ct_9' });
  expect(await second.getLink('pushpress-customer:ghl-contact', 'usr_1')).toBe('ct_9');
  expect((await second.listDeadLetters()).map((d) => d.id)).toEqual(['inbox:e2']);
  expect(await second.getTokens('ghl-main')).toEqual({ accessToken: 'a', refreshToken: 'r' });
  expect(await second.getLease('run:r1')).toEqual({ key: 'run:r1', owner: 'w1', expiresAt: 61_000 });
  expect((await second.acquireLease({ key: 'run:r1', owner: 'w2', ttlMs: 1000 })).acquired).toBe(false);
  await second.close();
});

it('sees what another open store on the same file wrote', async () => {
  const path = temp.file('shared.db');
  const writer = createSqliteStore({ path, durability: 'process' });
  const reader = createSqliteStore({ path, durability: 'process' });
  await writer.addToInbox({ trigger: 't', payload: {}, id: 'e1' }, '2024-01-01T00:00:00.000Z');
  expect((await reader.addToInbox({ trigger: 't', payload: {}, id: 'e1' }, '2024-01-01T00:00:00.000Z')).added).toBe(false);
  expect((await reader.getInboxEntry('e1'))?.status).toBe('pending');
  await writer.close();
  await reader.close();
});
