import type { Cron } from 'croner';
import { SCHEDULE_TRIGGER, type ScheduleTick } from '../../connectors/engine-triggers.js';
import { formatInZone } from '../../expressions/functions/time-zones.js';
import type { PreparedWorkflow } from '../../machine/prepare-workflow.js';
import type { TriggerEvent } from '../../store/records.js';
import { execute, type CompletedRun } from '../dispatch/start-runs.js';
import { toErrorRecord } from '../error-record.js';
import type { EventQueue } from '../event-queue.js';
import { queueRun } from '../execute-run.js';
import { isoTime } from '../iso-time.js';
import type { Logger } from '../logger.js';
import { laneOf } from '../runs/lanes.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';
import { cronIn, dueTick, nextTick } from './schedule-ticks.js';

/** Where the last tick run of each scheduled workflow is kept, per tenant (a link: workflow id → ISO time of the tick). */
export const LAST_TICK_NAMESPACE = 'flowline-schedule:last-tick';
/** The longest the runner sleeps: it looks again this often for workflows published meanwhile. */
const LOOK_AGAIN_MS = 30_000;

export interface ScheduleRunnerOptions {
  readonly tenants: () => Iterable<TenantRuntime>;
  readonly queue: EventQueue<CompletedRun[]>;
  readonly now: () => number;
  readonly logger: Logger;
  /** Keeps a run going in the background for `idle()` to wait for. */
  track(work: Promise<unknown>): void;
}

/** When a workflow version was published (ISO), from its saved record; `now` when it has none (or a later one). */
async function publishedAt(tenant: TenantRuntime, workflowId: string, version: number, now: number): Promise<string> {
  const published = (await tenant.store.getWorkflowVersion(workflowId, version))?.publishedAt;
  return published !== undefined && Date.parse(published) <= now ? published : isoTime(now);
}

/** The time zone a scheduled workflow's pattern is read in: its own, else the tenant's `$config.timeZone`, else UTC. */
export function timeZoneOf(workflow: PreparedWorkflow, tenant: TenantRuntime): string {
  const own = workflow.definition.trigger.schedule?.timeZone;
  const configured = tenant.services.config['timeZone'];
  return own ?? (typeof configured === 'string' ? configured : 'UTC');
}

/**
 * Starts the runs of `flowline.schedule` workflows, for every tenant, on their cron patterns in
 * their time zones. One timer for the engine, for the earliest next tick (at most 30 s away, to
 * see workflows published meanwhile).
 *
 * The last tick run is kept per tenant and workflow in the store, so a restart neither misses
 * nor repeats a tick: a workflow seen for the first time starts from when its version was published
 * (nothing runs for ticks before that); ticks missed while the host was down give one catch-up run, for the most recent
 * (its `$event.missed` counts the dropped ones). A tick's run has the id
 * `schedule:<workflow>:<tick>`, stored before the last tick moves on, so a crash between the two
 * finds the run (resumed with the leftovers) instead of starting it again.
 */
export class ScheduleRunner {
  readonly #options: ScheduleRunnerOptions;
  readonly #crons = new Map<string, Cron>();
  #handle: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  #checking: Promise<CompletedRun[]> | undefined;

  constructor(options: ScheduleRunnerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    void this.check();
  }

  stop(): void {
    this.#started = false;
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#handle = undefined;
  }

  /** Starts the runs of the ticks due now, and plans the next look. Resolves with the runs once they stopped. */
  check(): Promise<CompletedRun[]> {
    this.#checking ??= this.#check().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #check(): Promise<CompletedRun[]> {
    const { now, logger } = this.#options;
    const started: Promise<CompletedRun | undefined>[] = [];
    let earliest = now() + LOOK_AGAIN_MS;
    for (const tenant of this.#options.tenants()) {
      if (tenant.removing) continue;
      for (const definition of tenant.deployments.published()) {
        if (definition.trigger.operation !== SCHEDULE_TRIGGER || !definition.trigger.schedule) continue;
        const workflow = tenant.deployments.latest(definition.id);
        if (!workflow) continue;
        try {
          const timeZone = timeZoneOf(workflow, tenant);
          const cron = this.#cron(definition.trigger.schedule.cron, timeZone);
          const at = now();
          // First sight: the schedule counts from when this version was published (a tick between the
          // publish and this look still runs), else from now.
          const stored = await tenant.store.getLink(LAST_TICK_NAMESPACE, definition.id);
          const last = stored ?? (await publishedAt(tenant, definition.id, definition.version, at));
          const due = dueTick(cron, Date.parse(last), at);
          if (due) started.push(this.#run(tenant, workflow, cron.getPattern() ?? definition.trigger.schedule.cron, timeZone, due.at, due.missed));
          else if (stored === undefined) await tenant.store.putLink(LAST_TICK_NAMESPACE, definition.id, last);
          earliest = Math.min(earliest, nextTick(cron, at) ?? earliest);
        } catch (error) {
          logger.error('a scheduled workflow could not be checked; it is looked at again shortly', { tenant: tenant.id, workflowId: definition.id, error: toErrorRecord(error, (value) => value) });
        }
      }
    }
    this.#sleepUntil(earliest);
    return (await Promise.all(started)).filter((run): run is CompletedRun => run !== undefined);
  }

  #cron(pattern: string, timeZone: string): Cron {
    const key = `${timeZone} ${pattern}`;
    let cron = this.#crons.get(key);
    if (!cron) {
      cron = cronIn(pattern, timeZone);
      this.#crons.set(key, cron);
    }
    return cron;
  }

  /** Starts the run of one tick (unless it has one: a crash after it was stored), then moves the last tick on. */
  async #run(tenant: TenantRuntime, workflow: PreparedWorkflow, cron: string, timeZone: string, at: number, missed: number): Promise<CompletedRun | undefined> {
    const { store, services } = tenant;
    const { id: workflowId } = workflow.definition;
    const runId = `schedule:${workflowId}:${isoTime(at)}`;
    let run = await store.getRun(runId);
    const fresh = run === undefined;
    if (!run) {
      const tick: ScheduleTick = { scheduledAt: isoTime(at), localTime: (await formatInZone(at, timeZone)) ?? isoTime(at), cron, timeZone, missed };
      const event: TriggerEvent = { trigger: SCHEDULE_TRIGGER, id: runId, payload: tick };
      run = await queueRun(workflow, event, { id: runId, dryRun: false, services });
      await store.putRun(run);
    }
    await store.putLink(LAST_TICK_NAMESPACE, workflowId, isoTime(at));
    if (!fresh) return undefined;
    const queued = run;
    const done = this.#options.queue.enqueue(laneOf(tenant.id, queued), () => tenant.work.around(() => execute(tenant, workflow, queued, { fromInbox: false })));
    this.#options.track(done);
    return done;
  }

  #sleepUntil(at: number): void {
    if (!this.#started) return;
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#handle = setTimeout(() => {
      this.#handle = undefined;
      void this.check();
    }, Math.max(0, Math.min(at - this.#options.now(), LOOK_AGAIN_MS)));
    this.#handle.unref?.();
  }
}
