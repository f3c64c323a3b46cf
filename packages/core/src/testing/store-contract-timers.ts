import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { at, run } from './store-contract-records.js';

/** Timers of waiting runs (delay steps): put, replaced, fired, deleted, and listed across tenants by due time. */
export function describeTimerContract(store: () => Store): void {
  describe('timers', () => {
    it('keeps a timer by run and path, and answers undefined for another', async () => {
      await store().putTimer({ runId: 'r1', path: 'wait', dueAt: at(60) });
      expect(await store().getTimer('r1', 'wait')).toEqual({ runId: 'r1', path: 'wait', dueAt: at(60) });
      expect(await store().getTimer('r1', 'other')).toBeUndefined();
      expect(await store().getTimer('r2', 'wait')).toBeUndefined();
    });

    it('replaces a timer put again with the same run and path (e.g. marked fired)', async () => {
      await store().putTimer({ runId: 'r1', path: 'wait', dueAt: at(60) });
      await store().putTimer({ runId: 'r1', path: 'wait', dueAt: at(60), firedAt: at(61) });
      expect(await store().getTimer('r1', 'wait')).toEqual({ runId: 'r1', path: 'wait', dueAt: at(60), firedAt: at(61) });
      expect(await store().listPendingTimers()).toEqual([]);
    });

    it('lists pending timers of every tenant, earliest due first, then by tenant', async () => {
      await store().putTimer({ runId: 'r1', path: 'wait', dueAt: at(30) });
      await store().forTenant('gym-b').putTimer({ runId: 'r1', path: 'wait', dueAt: at(10) });
      await store().forTenant('gym-a').putTimer({ runId: 'r9', path: 'wait', dueAt: at(30) });
      await store().putTimer({ runId: 'r2', path: 'wait', dueAt: at(20), firedAt: at(21) });
      expect(await store().listPendingTimers()).toEqual([
        { tenant: 'gym-b', runId: 'r1', path: 'wait', dueAt: at(10) },
        { tenant: 'default', runId: 'r1', path: 'wait', dueAt: at(30) },
        { tenant: 'gym-a', runId: 'r9', path: 'wait', dueAt: at(30) },
      ]);
    });

    it('lists only timers due by a time, and at most a limit of them', async () => {
      for (const [index, seconds] of [50, 10, 40, 20].entries()) await store().putTimer({ runId: `r${index}`, path: 'wait', dueAt: at(seconds) });
      expect((await store().listPendingTimers({ dueBy: at(20) })).map((timer) => timer.dueAt)).toEqual([at(10), at(20)]);
      expect((await store().listPendingTimers({ limit: 3 })).map((timer) => timer.dueAt)).toEqual([at(10), at(20), at(40)]);
      expect(await store().listPendingTimers({ limit: 0 })).toEqual([]);
    });

    it("deletes every timer of a run and no other run's", async () => {
      await store().putTimer({ runId: 'r1', path: 'first', dueAt: at(10) });
      await store().putTimer({ runId: 'r1', path: 'second', dueAt: at(20) });
      await store().putTimer({ runId: 'r2', path: 'first', dueAt: at(30) });
      await store().deleteTimers('r1');
      expect(await store().getTimer('r1', 'first')).toBeUndefined();
      expect((await store().listPendingTimers()).map((timer) => timer.runId)).toEqual(['r2']);
    });

    it("keeps one tenant's timers apart from another's", async () => {
      await store().forTenant('gym-a').putTimer({ runId: 'r1', path: 'wait', dueAt: at(10) });
      expect(await store().forTenant('gym-b').getTimer('r1', 'wait')).toBeUndefined();
      await store().forTenant('gym-b').deleteTimers('r1');
      expect(await store().forTenant('gym-a').getTimer('r1', 'wait')).toEqual({ runId: 'r1', path: 'wait', dueAt: at(10) });
    });

    it("deletes a tenant's timers with the tenant", async () => {
      await store().forTenant('gym-a').putTimer({ runId: 'r1', path: 'wait', dueAt: at(10) });
      await store().forTenant('gym-a').putRun(run('r1', { status: 'waiting' }));
      await store().deleteTenant('gym-a');
      expect(await store().listPendingTimers()).toEqual([]);
    });

    it('lists a waiting run by its status', async () => {
      await store().putRun(run('r1', { status: 'waiting', startedAt: at(1) }));
      expect((await store().listRuns({ status: 'waiting' })).map((found) => found.id)).toEqual(['r1']);
    });

    it('refuses a due time that is not an ISO time in UTC', async () => {
      await expect(store().putTimer({ runId: 'r1', path: 'wait', dueAt: '2024-05-01 10:00' })).rejects.toMatchObject({ code: 'store.invalid_input' });
      await expect(store().putTimer({ runId: '', path: 'wait', dueAt: at(1) })).rejects.toMatchObject({ code: 'store.invalid_input' });
      await expect(store().listPendingTimers({ dueBy: 'tomorrow' })).rejects.toMatchObject({ code: 'store.invalid_input' });
    });
  });
}
