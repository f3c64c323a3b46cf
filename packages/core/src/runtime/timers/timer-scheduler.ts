import type { PendingTimer } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { toErrorRecord } from '../error-record.js';
import { isoTime } from '../iso-time.js';
import type { Logger } from '../logger.js';

/** setTimeout takes at most 2^31 - 1 ms (24.8 days); a later timer is slept towards in steps. */
const LONGEST_SLEEP_MS = 2 ** 31 - 1;
/** Due timers fired per look at the store; more wait for the next look, at once. */
const BATCH = 100;
/** How long to wait before looking again when the store could not be read. */
const RETRY_MS = 1000;

export interface TimerSchedulerOptions {
  /** Where every tenant's timers are (`listPendingTimers`). */
  readonly store: Pick<Store, 'listPendingTimers'>;
  readonly now: () => number;
  readonly logger: Logger;
  /**
   * Resumes the run a due timer stands for; resolves once it has stopped again (finished, or
   * waiting for another timer) with whether the timer is done (fired, or its run gone). One that
   * is not done is not fired again by this process (it is logged).
   */
  fire(timer: PendingTimer): Promise<boolean>;
}

const keyOf = (timer: PendingTimer) => `${timer.tenant}\u0000${timer.runId}\u0000${timer.path}`;

/**
 * One scheduler for every waiting run of an engine: it holds one setTimeout, for the earliest
 * pending timer in the store, fires what is due, and looks again. A new timer due before it would
 * wake moves the wake-up earlier (`timerSet`). Nothing per run is kept in memory, except the
 * timers being fired right now; a timer is fired by one call at a time.
 */
export class TimerScheduler {
  readonly #options: TimerSchedulerOptions;
  #handle: ReturnType<typeof setTimeout> | undefined;
  #wakeAt = Number.POSITIVE_INFINITY;
  #started = false;
  #looking = false;
  #lookAgain = false;
  readonly #firing = new Set<string>();
  readonly #stuck = new Set<string>();

  constructor(options: TimerSchedulerOptions) {
    this.#options = options;
  }

  /** Starts looking (once is enough); timers due while the host was down fire now. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#sleepUntil(this.#options.now());
  }

  /** Stops waking up; a look under way finishes. */
  stop(): void {
    this.#started = false;
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#handle = undefined;
    this.#wakeAt = Number.POSITIVE_INFINITY;
  }

  /** A run now waits for a timer due at `dueAt` (ms since the epoch): wake for it if it is the earliest. */
  timerSet(dueAt: number): void {
    if (this.#started && dueAt < this.#wakeAt) this.#sleepUntil(dueAt);
  }

  /** Resolves once no timer is being fired (for tests and a host that stops). */
  async settled(): Promise<void> {
    while (this.#firing.size > 0 || this.#looking) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  #sleepUntil(at: number): void {
    if (!this.#started) return;
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#wakeAt = at;
    const delay = Math.min(Math.max(0, at - this.#options.now()), LONGEST_SLEEP_MS);
    this.#handle = setTimeout(() => {
      this.#handle = undefined;
      this.#wakeAt = Number.POSITIVE_INFINITY;
      void this.#look();
    }, delay);
    // A waiting timer never keeps the host's process alive on its own.
    this.#handle.unref?.();
  }

  async #look(): Promise<void> {
    if (this.#looking) {
      this.#lookAgain = true;
      return;
    }
    this.#looking = true;
    try {
      do {
        this.#lookAgain = false;
        const { store, now } = this.#options;
        for (const timer of await store.listPendingTimers({ dueBy: isoTime(now()), limit: BATCH })) this.#fire(timer);
        const skip = this.#firing.size + this.#stuck.size;
        const next = (await store.listPendingTimers({ limit: skip + 1 })).find((timer) => !this.#firing.has(keyOf(timer)) && !this.#stuck.has(keyOf(timer)));
        if (next && this.#started) {
          const at = Date.parse(next.dueAt);
          if (at <= now()) this.#lookAgain = true;
          else if (at < this.#wakeAt) this.#sleepUntil(at);
        }
      } while (this.#lookAgain && this.#started);
    } catch (error) {
      this.#options.logger.error('could not list the timers that are due; looking again in a second', { error: toErrorRecord(error, (value) => value) });
      this.#sleepUntil(this.#options.now() + RETRY_MS);
    } finally {
      this.#looking = false;
    }
  }

  #fire(timer: PendingTimer): void {
    const key = keyOf(timer);
    if (this.#firing.has(key) || this.#stuck.has(key)) return;
    this.#firing.add(key);
    this.#options
      .fire(timer)
      .then(
        (done) => {
          if (!done) {
            this.#stuck.add(key);
            this.#options.logger.warn('a due timer did not resume its run; it waits for the next start', { tenant: timer.tenant, runId: timer.runId, path: timer.path, dueAt: timer.dueAt });
          }
        },
        (error: unknown) => {
          this.#stuck.add(key);
          this.#options.logger.error('a due timer could not resume its run; it waits for the next start', { tenant: timer.tenant, runId: timer.runId, error: toErrorRecord(error, (value) => value) });
        },
      )
      .finally(() => {
        this.#firing.delete(key);
      });
  }
}
