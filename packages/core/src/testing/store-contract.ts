import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { UNICODE_SAMPLE } from './unicode-sample.js';
import { describeParkedDeliveryContract } from './store-contract-parked.js';
import { at, event, idempotency, run, step, T0 } from './store-contract-records.js';
import { describeRunQueryContract } from './store-contract-run-queries.js';
import { describeTenantContract } from './store-contract-tenants.js';
import { describeTimerContract } from './store-contract-timers.js';
import { describeWorkflowVersionContract } from './store-contract-versions.js';

/** What a contract run needs: a fresh, empty store, and how to let go of it. */
export interface StoreUnderTest {
  readonly store: Store;
  readonly close?: () => Promise<void>;
}

/**
 * Registers vitest tests for every behaviour of the `Store` interface. A store implementation
 * (in this repo or a host's own) calls this from a test file:
 *
 * ```ts
 * describeStoreContract('memory store', async () => ({ store: createMemoryStore() }));
 * ```
 *
 * `makeStore` is called before each test and must return an empty store, able to keep tenant
 * secrets (a store that encrypts them needs its key); `close` (if given) is called after each test.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let current: StoreUnderTest | undefined;
    let store: Store;

    beforeEach(async () => {
      current = await makeStore();
      store = current.store;
    });

    afterEach(async () => {
      await current?.close?.();
      current = undefined;
    });

    describe('inbox', () => {
      it('accepts an event with a new id', async () => {
        expect(await store.addToInbox(event('e1'), T0)).toEqual({ added: true });
      });

      it('drops a second event with the same id and keeps the first', async () => {
        await store.addToInbox(event('e1', { v: 1 }), T0);
        expect(await store.addToInbox(event('e1', { v: 2 }), at(5))).toEqual({ added: false });
        const entry = await store.getInboxEntry('e1');
        expect(entry?.event.payload).toEqual({ v: 1 });
        expect(entry?.receivedAt).toBe(T0);
      });

      it('keeps a new entry pending with the event, the time received and no runs', async () => {
        const e = event('e1', { data: { id: 'usr_1' } }, { orderingKey: 'usr_1' });
        await store.addToInbox(e, T0);
        expect(await store.getInboxEntry('e1')).toEqual({ id: 'e1', event: e, receivedAt: T0, status: 'pending', runIds: [] });
      });

      it('returns undefined for an id never accepted', async () => {
        expect(await store.getInboxEntry('nope')).toBeUndefined();
      });

      it('sets the status with the runs started and the error', async () => {
        await store.addToInbox(event('e1'), T0);
        const error = { name: 'FlowlineError', code: 'workflow.invalid', message: 'bad' };
        await store.setInboxStatus('e1', 'dead', { runIds: ['r1', 'r2'], error });
        const entry = await store.getInboxEntry('e1');
        expect(entry?.status).toBe('dead');
        expect(entry?.runIds).toEqual(['r1', 'r2']);
        expect(entry?.error).toEqual(error);
      });

      it('keeps the runs and the error when the status is set without an update', async () => {
        await store.addToInbox(event('e1'), T0);
        const error = { name: 'E', code: 'c', message: 'm' };
        await store.setInboxStatus('e1', 'dead', { runIds: ['r1'], error });
        await store.setInboxStatus('e1', 'pending');
        const entry = await store.getInboxEntry('e1');
        expect(entry?.status).toBe('pending');
        expect(entry?.runIds).toEqual(['r1']);
        expect(entry?.error).toEqual(error);
      });

      it('clears the error when an update without an error is given', async () => {
        await store.addToInbox(event('e1'), T0);
        await store.setInboxStatus('e1', 'dead', { runIds: [], error: { name: 'E', code: 'c', message: 'm' } });
        await store.setInboxStatus('e1', 'done', { runIds: ['r9'] });
        const entry = await store.getInboxEntry('e1');
        expect(entry?.status).toBe('done');
        expect(entry?.runIds).toEqual(['r9']);
        expect(entry?.error).toBeUndefined();
      });

      it('rejects a status change for an entry that does not exist', async () => {
        await expect(store.setInboxStatus('nope', 'done')).rejects.toMatchObject({ code: 'store.not_found' });
      });

      it('rejects an unknown status', async () => {
        await store.addToInbox(event('e1'), T0);
        await expect(store.setInboxStatus('e1', 'finished' as 'done')).rejects.toMatchObject({ code: 'store.invalid_input' });
        await expect(store.listInbox('finished' as 'done')).rejects.toMatchObject({ code: 'store.invalid_input' });
      });

      it('rejects an event without an id', async () => {
        await expect(store.addToInbox(event(''), T0)).rejects.toMatchObject({ code: 'store.invalid_input' });
      });

      it('lists entries by status in the order they were accepted', async () => {
        for (const id of ['e3', 'e1', 'e2', 'e4']) await store.addToInbox(event(id), T0);
        await store.setInboxStatus('e1', 'done', { runIds: ['r1'] });
        await store.setInboxStatus('e4', 'dead', { runIds: [] });
        expect((await store.listInbox('pending')).map((e) => e.id)).toEqual(['e3', 'e2']);
        expect((await store.listInbox('done')).map((e) => e.id)).toEqual(['e1']);
        expect((await store.listInbox('dead')).map((e) => e.id)).toEqual(['e4']);
      });

      it('lists at most `limit` entries', async () => {
        for (const id of ['e1', 'e2', 'e3']) await store.addToInbox(event(id), T0);
        expect((await store.listInbox('pending', 2)).map((e) => e.id)).toEqual(['e1', 'e2']);
        expect(await store.listInbox('pending', 0)).toEqual([]);
      });

      it('rejects a limit that is not an integer ≥ 0', async () => {
        await expect(store.listInbox('pending', -1)).rejects.toMatchObject({ code: 'store.invalid_input' });
        await expect(store.listInbox('pending', 1.5)).rejects.toMatchObject({ code: 'store.invalid_input' });
      });
    });

    describe('runs', () => {
      it('returns a run as it was put', async () => {
        const r = run('r1', {
          status: 'failed',
          workflowVersion: 'v2',
          dryRun: true,
          startedAt: at(1),
          finishedAt: at(2),
          output: { ok: false },
          error: { name: 'ActionError', code: 'action.failed', message: 'boom', category: 'server', status: 502 },
          failedStep: 'create',
        });
        await store.putRun(r);
        expect(await store.getRun('r1')).toEqual(r);
      });

      it('returns undefined for an unknown run', async () => {
        expect(await store.getRun('nope')).toBeUndefined();
      });

      it('replaces a run put again with the same id', async () => {
        await store.putRun(run('r1'));
        await store.putRun(run('r1', { status: 'running', startedAt: at(1) }));
        expect(await store.getRun('r1')).toEqual(run('r1', { status: 'running', startedAt: at(1) }));
        expect(await store.listRuns()).toHaveLength(1);
      });

      it('lists runs newest first', async () => {
        await store.putRun(run('r-mid', { queuedAt: at(5) }));
        await store.putRun(run('r-old', { queuedAt: at(1) }));
        await store.putRun(run('r-new', { queuedAt: at(9) }));
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['r-new', 'r-mid', 'r-old']);
      });

      it('lists runs queued at the same time newest first by when each was first put', async () => {
        for (const id of ['r1', 'r2', 'r3']) await store.putRun(run(id));
        await store.putRun(run('r1', { status: 'running' }));
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
      });

      it('filters runs by workflow, by status and by both', async () => {
        await store.putRun(run('a1', { workflowId: 'wf-a', status: 'succeeded', queuedAt: at(1) }));
        await store.putRun(run('a2', { workflowId: 'wf-a', status: 'failed', queuedAt: at(2) }));
        await store.putRun(run('b1', { workflowId: 'wf-b', status: 'failed', queuedAt: at(3) }));
        expect((await store.listRuns({ workflowId: 'wf-a' })).map((r) => r.id)).toEqual(['a2', 'a1']);
        expect((await store.listRuns({ status: 'failed' })).map((r) => r.id)).toEqual(['b1', 'a2']);
        expect((await store.listRuns({ workflowId: 'wf-a', status: 'failed' })).map((r) => r.id)).toEqual(['a2']);
        expect(await store.listRuns({ workflowId: 'wf-none' })).toEqual([]);
      });

      it('lists a run under its latest status', async () => {
        await store.putRun(run('r1'));
        await store.putRun(run('r1', { status: 'succeeded' }));
        expect(await store.listRuns({ status: 'queued' })).toEqual([]);
        expect((await store.listRuns({ status: 'succeeded' })).map((r) => r.id)).toEqual(['r1']);
      });

      it('lists at most `limit` runs', async () => {
        for (let i = 0; i < 5; i++) await store.putRun(run(`r${i}`, { queuedAt: at(i) }));
        expect((await store.listRuns({ limit: 2 })).map((r) => r.id)).toEqual(['r4', 'r3']);
        expect(await store.listRuns({ limit: 0 })).toEqual([]);
      });

      it('rejects a bad run query', async () => {
        await expect(store.listRuns({ limit: -2 })).rejects.toMatchObject({ code: 'store.invalid_input' });
        await expect(store.listRuns({ status: 'done' as 'queued' })).rejects.toMatchObject({ code: 'store.invalid_input' });
      });

      it('rejects a run without an id', async () => {
        await expect(store.putRun(run(''))).rejects.toMatchObject({ code: 'store.invalid_input' });
      });
    });

    describe('steps', () => {
      it('lists the steps of a run in the order they were put', async () => {
        for (const path of ['fetch', 'members[0].tag', 'members[1].tag', 'notify']) await store.putStep(step('r1', path));
        expect((await store.listSteps('r1')).map((s) => s.path)).toEqual(['fetch', 'members[0].tag', 'members[1].tag', 'notify']);
      });

      it('returns a step as it was put', async () => {
        const s = step('r1', 'create', {
          status: 'failed',
          attempts: 3,
          input: { email: 'a@b.c' },
          error: { name: 'ActionError', code: 'action.failed', message: 'rate limited', category: 'rate_limited' },
          request: { method: 'POST', path: '/contacts/' },
        });
        await store.putStep(s);
        expect(await store.listSteps('r1')).toEqual([s]);
      });

      it('replaces a step put again for the same path, in place', async () => {
        await store.putStep(step('r1', 'a'));
        await store.putStep(step('r1', 'b', { status: 'failed' }));
        await store.putStep(step('r1', 'c'));
        await store.putStep(step('r1', 'b', { status: 'succeeded', attempts: 2 }));
        const steps = await store.listSteps('r1');
        expect(steps.map((s) => [s.path, s.status, s.attempts])).toEqual([
          ['a', 'succeeded', 1],
          ['b', 'succeeded', 2],
          ['c', 'succeeded', 1],
        ]);
      });

      it('keeps the steps of each run apart', async () => {
        await store.putStep(step('r1', 'a'));
        await store.putStep(step('r2', 'a', { kind: 'branch' }));
        expect((await store.listSteps('r1')).map((s) => s.kind)).toEqual(['action']);
        expect((await store.listSteps('r2')).map((s) => s.kind)).toEqual(['branch']);
        expect(await store.listSteps('r3')).toEqual([]);
      });
    });

    describe('snapshots', () => {
      it('returns undefined for a run without a snapshot', async () => {
        expect(await store.getSnapshot('r1')).toBeUndefined();
      });

      it('replaces the snapshot on each save', async () => {
        await store.putSnapshot('r1', { value: 'a', context: { n: 1 } });
        await store.putSnapshot('r1', { value: 'b', context: { n: 2 } });
        expect(await store.getSnapshot('r1')).toEqual({ value: 'b', context: { n: 2 } });
      });

      it('keeps the snapshots of each run apart', async () => {
        await store.putSnapshot('r1', { value: 'a' });
        await store.putSnapshot('r2', { value: 'b' });
        expect(await store.getSnapshot('r1')).toEqual({ value: 'a' });
        expect(await store.getSnapshot('r2')).toEqual({ value: 'b' });
      });

      it('rejects a snapshot that is not JSON data', async () => {
        await expect(store.putSnapshot('r1', undefined)).rejects.toMatchObject({ code: 'store.not_json' });
        await expect(store.putSnapshot('r1', { n: 1n })).rejects.toMatchObject({ code: 'store.not_json' });
        const cyclic: Record<string, unknown> = {};
        cyclic['self'] = cyclic;
        await expect(store.putSnapshot('r1', cyclic)).rejects.toMatchObject({ code: 'store.not_json' });
      });
    });

    describe('idempotency', () => {
      it('returns undefined for a key never recorded', async () => {
        expect(await store.getIdempotency('k')).toBeUndefined();
      });

      it('returns a record by its key', async () => {
        await store.putIdempotency(idempotency('k1'));
        await store.putIdempotency(idempotency('k2', { output: null }));
        expect(await store.getIdempotency('k1')).toEqual(idempotency('k1'));
        expect(await store.getIdempotency('k2')).toEqual(idempotency('k2', { output: null }));
      });

      it('keeps the state of an effect, pending before the request and done after it', async () => {
        await store.putIdempotency(idempotency('k1', { state: 'pending', output: null }));
        expect((await store.getIdempotency('k1'))?.state).toBe('pending');
        await store.putIdempotency(idempotency('k1', { state: 'done', output: { contactId: 'ct_1' } }));
        expect(await store.getIdempotency('k1')).toEqual(idempotency('k1', { state: 'done', output: { contactId: 'ct_1' } }));
      });

      it('replaces a record put again under the same key', async () => {
        await store.putIdempotency(idempotency('k1'));
        await store.putIdempotency(idempotency('k1', { output: { contactId: 'ct_2' } }));
        expect((await store.getIdempotency('k1'))?.output).toEqual({ contactId: 'ct_2' });
      });
    });

    describe('links', () => {
      it('returns the linked id', async () => {
        await store.putLink('pushpress-customer:ghl-contact', 'usr_1', 'ct_9');
        expect(await store.getLink('pushpress-customer:ghl-contact', 'usr_1')).toBe('ct_9');
      });

      it('returns undefined for an id never linked', async () => {
        expect(await store.getLink('ns', 'usr_1')).toBeUndefined();
      });

      it('keeps each namespace apart', async () => {
        await store.putLink('ns-a', 'usr_1', 'ct_a');
        await store.putLink('ns-b', 'usr_1', 'ct_b');
        expect(await store.getLink('ns-a', 'usr_1')).toBe('ct_a');
        expect(await store.getLink('ns-b', 'usr_1')).toBe('ct_b');
      });

      it('replaces a link put again', async () => {
        await store.putLink('ns', 'usr_1', 'ct_1');
        await store.putLink('ns', 'usr_1', 'ct_2');
        expect(await store.getLink('ns', 'usr_1')).toBe('ct_2');
      });

      it('deletes a link in one namespace only', async () => {
        await store.putLink('ns-a', 'usr_1', 'ct_a');
        await store.putLink('ns-b', 'usr_1', 'ct_b');
        await store.deleteLink('ns-a', 'usr_1');
        expect(await store.getLink('ns-a', 'usr_1')).toBeUndefined();
        expect(await store.getLink('ns-b', 'usr_1')).toBe('ct_b');
      });

      it('deletes a link that does not exist without complaint', async () => {
        await expect(store.deleteLink('ns', 'nobody')).resolves.toBeUndefined();
      });

      it('rejects an empty id', async () => {
        await expect(store.putLink('ns', '', 'ct_1')).rejects.toMatchObject({ code: 'store.invalid_input' });
        await expect(store.putLink('ns', 'usr_1', '')).rejects.toMatchObject({ code: 'store.invalid_input' });
      });
    });

    describe('dead letters', () => {
      const error = { name: 'ActionError', code: 'action.failed', message: 'GHL answered 500 five times', category: 'server' };

      it('puts a run on the list with its reason and error', async () => {
        const letter = await store.putDeadLetter({ runId: 'r1', reason: 'run-failed', error, at: T0 });
        expect(letter).toEqual({ id: 'run:r1', runId: 'r1', reason: 'run-failed', error, at: T0 });
        expect(await store.getDeadLetter('run:r1')).toEqual(letter);
      });

      it('puts an inbox entry on the list without an error', async () => {
        expect(await store.putDeadLetter({ inboxId: 'e1', reason: 'unprocessable', at: T0 })).toEqual({
          id: 'inbox:e1',
          inboxId: 'e1',
          reason: 'unprocessable',
          at: T0,
        });
      });

      it('returns undefined for an id not on the list', async () => {
        expect(await store.getDeadLetter('run:nope')).toBeUndefined();
      });

      it('lists dead letters oldest first, ties in the order put', async () => {
        await store.putDeadLetter({ runId: 'r2', reason: 'run-failed', at: at(2) });
        await store.putDeadLetter({ inboxId: 'e1', reason: 'unprocessable', at: at(1) });
        await store.putDeadLetter({ runId: 'r4', reason: 'run-failed', at: at(3) });
        await store.putDeadLetter({ runId: 'r3', reason: 'run-failed', at: at(2) });
        expect((await store.listDeadLetters()).map((d) => d.id)).toEqual(['inbox:e1', 'run:r2', 'run:r3', 'run:r4']);
      });

      it('lists dead letters by reason and at most `limit`', async () => {
        await store.putDeadLetter({ runId: 'r1', reason: 'run-failed', at: at(1) });
        await store.putDeadLetter({ inboxId: 'e1', reason: 'unprocessable', at: at(2) });
        await store.putDeadLetter({ runId: 'r2', reason: 'run-failed', at: at(3) });
        expect((await store.listDeadLetters({ reason: 'run-failed' })).map((d) => d.id)).toEqual(['run:r1', 'run:r2']);
        expect((await store.listDeadLetters({ limit: 1 })).map((d) => d.id)).toEqual(['run:r1']);
        await expect(store.listDeadLetters({ limit: -1 })).rejects.toMatchObject({ code: 'store.invalid_input' });
      });

      it('keeps one dead letter per subject: putting it again replaces it and moves it to its new time', async () => {
        await store.putDeadLetter({ runId: 'r1', reason: 'run-failed', error, at: at(1) });
        await store.putDeadLetter({ runId: 'r2', reason: 'run-failed', at: at(5) });
        await store.putDeadLetter({ runId: 'r1', reason: 'replay-failed', at: at(5) });
        expect(await store.listDeadLetters()).toEqual([
          { id: 'run:r2', runId: 'r2', reason: 'run-failed', at: at(5) },
          { id: 'run:r1', runId: 'r1', reason: 'replay-failed', at: at(5) },
        ]);
      });

      it('keeps a run and an inbox entry with the same id apart', async () => {
        await store.putDeadLetter({ runId: 'x', reason: 'a', at: T0 });
        await store.putDeadLetter({ inboxId: 'x', reason: 'b', at: T0 });
        expect((await store.listDeadLetters()).map((d) => d.id)).toEqual(['run:x', 'inbox:x']);
      });

      it('removes a dead letter and says whether there was one', async () => {
        await store.putDeadLetter({ runId: 'r1', reason: 'run-failed', at: T0 });
        expect(await store.removeDeadLetter('run:r1')).toEqual({ removed: true });
        expect(await store.removeDeadLetter('run:r1')).toEqual({ removed: false });
        expect(await store.listDeadLetters()).toEqual([]);
      });

      it('rejects a dead letter naming both a run and an inbox entry, or neither, or without a reason', async () => {
        type Input = Parameters<Store['putDeadLetter']>[0];
        await expect(store.putDeadLetter({ runId: 'r1', inboxId: 'e1', reason: 'x', at: T0 } as unknown as Input)).rejects.toMatchObject({
          code: 'store.invalid_input',
        });
        await expect(store.putDeadLetter({ reason: 'x', at: T0 } as unknown as Input)).rejects.toMatchObject({ code: 'store.invalid_input' });
        await expect(store.putDeadLetter({ runId: 'r1', reason: '', at: T0 })).rejects.toMatchObject({ code: 'store.invalid_input' });
        expect(await store.listDeadLetters()).toEqual([]);
      });
    });

    describeParkedDeliveryContract(() => store);
    describeRunQueryContract(() => store);
    describeWorkflowVersionContract(() => store);
    describeTenantContract(() => store);
    describeTimerContract(() => store);

    describe('copies, not aliases', () => {
      it('is not changed when the caller changes what it put', async () => {
        const e = event('e1', { tags: ['a'] });
        await store.addToInbox(e, T0);
        const r = { ...run('r1'), output: { tags: ['a'] } };
        await store.putRun(r);
        const s = { ...step('r1', 'a'), output: { tags: ['a'] } };
        await store.putStep(s);
        const snap = { value: 'a', context: { tags: ['a'] } };
        await store.putSnapshot('r1', snap);
        const rec = { ...idempotency('k'), output: { tags: ['a'] } };
        await store.putIdempotency(rec);

        (e.payload as { tags: string[] }).tags.push('mutated');
        r.output.tags.push('mutated');
        s.output.tags.push('mutated');
        snap.context.tags.push('mutated');
        rec.output.tags.push('mutated');

        expect((await store.getInboxEntry('e1'))?.event.payload).toEqual({ tags: ['a'] });
        expect((await store.getRun('r1'))?.output).toEqual({ tags: ['a'] });
        expect((await store.listSteps('r1'))[0]?.output).toEqual({ tags: ['a'] });
        expect(await store.getSnapshot('r1')).toEqual({ value: 'a', context: { tags: ['a'] } });
        expect((await store.getIdempotency('k'))?.output).toEqual({ tags: ['a'] });
      });

      it('is not changed when the caller changes what it got', async () => {
        await store.addToInbox(event('e1', { tags: ['a'] }), T0);
        await store.putRun({ ...run('r1'), output: { tags: ['a'] } });
        await store.putStep({ ...step('r1', 'a'), output: { tags: ['a'] } });
        await store.putSnapshot('r1', { tags: ['a'] });
        await store.putIdempotency({ ...idempotency('k'), output: { tags: ['a'] } });

        const mutate = (value: unknown): void => {
          (value as { tags: string[] }).tags.push('mutated');
        };
        mutate((await store.getInboxEntry('e1'))?.event.payload);
        mutate((await store.listInbox('pending'))[0]?.event.payload);
        mutate((await store.getRun('r1'))?.output);
        mutate((await store.listRuns())[0]?.output);
        mutate((await store.listSteps('r1'))[0]?.output);
        mutate(await store.getSnapshot('r1'));
        mutate((await store.getIdempotency('k'))?.output);

        expect((await store.getInboxEntry('e1'))?.event.payload).toEqual({ tags: ['a'] });
        expect((await store.getRun('r1'))?.output).toEqual({ tags: ['a'] });
        expect((await store.listSteps('r1'))[0]?.output).toEqual({ tags: ['a'] });
        expect(await store.getSnapshot('r1')).toEqual({ tags: ['a'] });
        expect((await store.getIdempotency('k'))?.output).toEqual({ tags: ['a'] });
      });
    });

    describe('data', () => {
      it('keeps unicode text in payloads intact', async () => {
        await store.addToInbox(event('e1', UNICODE_SAMPLE), T0);
        await store.putRun({ ...run('r1'), output: UNICODE_SAMPLE });
        await store.putSnapshot('r1', UNICODE_SAMPLE);
        expect((await store.getInboxEntry('e1'))?.event.payload).toEqual(UNICODE_SAMPLE);
        expect((await store.getRun('r1'))?.output).toEqual(UNICODE_SAMPLE);
        expect(await store.getSnapshot('r1')).toEqual(UNICODE_SAMPLE);
      });

      it('keeps unicode ids, keys and namespaces intact', async () => {
        const id = 'évènement:山田:👩🏽‍💻';
        await store.addToInbox(event(id), T0);
        await store.putRun(run(id, { workflowId: 'flujo-ñ' }));
        await store.putStep(step(id, 'ünï[0].cödé'));
        await store.putIdempotency(idempotency(`${id}:ключ`));
        await store.putLink('пушпресс:ghl', id, 'ct_🔗');
        expect((await store.getInboxEntry(id))?.id).toBe(id);
        expect((await store.listRuns({ workflowId: 'flujo-ñ' })).map((r) => r.id)).toEqual([id]);
        expect((await store.listSteps(id)).map((s) => s.path)).toEqual(['ünï[0].cödé']);
        expect((await store.getIdempotency(`${id}:ключ`))?.key).toBe(`${id}:ключ`);
        expect(await store.getLink('пушпресс:ghl', id)).toBe('ct_🔗');
      });

      it('keeps large payloads intact', async () => {
        const big = {
          rows: Array.from({ length: 5_000 }, (_, i) => ({ i, name: `member ${i} — ñ`, tags: ['a', 'b'] })),
          blob: 'x'.repeat(2 * 1024 * 1024),
        };
        await store.addToInbox(event('big', big), T0);
        await store.putRun({ ...run('big'), output: big });
        await store.putStep({ ...step('big', 'a'), output: big });
        await store.putSnapshot('big', big);
        expect((await store.getInboxEntry('big'))?.event.payload).toEqual(big);
        expect((await store.getRun('big'))?.output).toEqual(big);
        expect((await store.listSteps('big'))[0]?.output).toEqual(big);
        expect(await store.getSnapshot('big')).toEqual(big);
      });

      it('stores records as JSON: undefined properties vanish and dates become strings', async () => {
        const when = new Date(T0);
        await store.putRun({ ...run('r1'), startedAt: undefined, output: { when, gone: undefined } });
        const back = await store.getRun('r1');
        expect(back?.output).toEqual({ when: T0 });
        expect(back !== undefined && 'startedAt' in back).toBe(false);
      });

      it('rejects a record that is not JSON data', async () => {
        await expect(store.putRun({ ...run('r1'), output: { n: 1n } })).rejects.toMatchObject({ code: 'store.not_json' });
        expect(await store.getRun('r1')).toBeUndefined();
      });
    });
  });
}
