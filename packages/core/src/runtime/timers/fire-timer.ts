import type { PendingTimer } from '../../store/records.js';
import { isFinishedStatus } from '../../store/store-checks.js';
import type { CompletedRun } from '../dispatch/start-runs.js';
import type { EventQueue } from '../event-queue.js';
import { isoTime } from '../iso-time.js';
import { laneOf } from '../runs/lanes.js';
import { resumeRun } from '../runs/resumer.js';
import type { StoreOutage } from '../store-outage.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';

/**
 * Resumes the waiting run a due timer stands for, in its ordering key's lane (so never beside
 * another turn of the same run): from its snapshot, at its delay step, which finds the timer due
 * and goes on. A run that is not waiting for this timer by then (it finished, was cancelled, or is
 * running here already) is left alone; a finished or missing run's timers are deleted. Resolves
 * with whether the timer is done (fired or deleted).
 */
export async function fireTimer(tenant: TenantRuntime | undefined, timer: PendingTimer, queue: EventQueue<CompletedRun[]>, outage: StoreOutage): Promise<boolean> {
  if (!tenant || tenant.removing) return false;
  const { store } = tenant;
  const run = await store.getRun(timer.runId);
  if (!run || isFinishedStatus(run.status)) {
    await store.deleteTimers(timer.runId);
    return true;
  }
  await queue.enqueue(laneOf(tenant.id, run), () =>
    tenant.work.around(async () => {
      const now = await store.getRun(timer.runId);
      // Running here already (a leftover resumed at start): its delay step fires the timer itself.
      if (!now || tenant.inProgress.stepsOfRuns.has(now.id)) return undefined;
      if (now.status !== 'waiting' && now.status !== 'running') return undefined;
      // Waiting for a later timer already (a later delay): nothing to do for this one.
      if (now.status === 'waiting' && now.waitingUntil !== undefined && Date.parse(now.waitingUntil) > tenant.services.now()) return undefined;
      const ended = await resumeRun(tenant, now.id, outage);
      // A run that fails after its wait gives up as an inbox run does: on the dead-letter list.
      if (ended?.status === 'failed') await store.putDeadLetter({ runId: ended.id, reason: 'run-failed', at: isoTime(tenant.services.now()), ...(ended.error ? { error: ended.error } : {}) });
      return ended;
    }),
  );
  const after = await store.getTimer(timer.runId, timer.path);
  return after === undefined || after.firedAt !== undefined || tenant.inProgress.stepsOfRuns.has(timer.runId);
}
