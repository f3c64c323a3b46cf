import { setTimeout as sleep } from 'node:timers/promises';
import type { ErrorRecord } from '../store/records.js';
import { isStoreUnavailable } from '../store/store-unavailable-error.js';
import type { Logger } from './logger.js';

export interface StoreRetryOptions {
  /** The first wait after a store error that passes (disk full, I/O error, busy). Default 100 ms. */
  readonly initialDelayMs?: number;
  /** The longest wait between tries. Default 5,000 ms. */
  readonly maxDelayMs?: number;
}

/** Checks the options up front, with a message that says what was expected. */
export function checkStoreRetryOptions(options: StoreRetryOptions | undefined): void {
  for (const name of ['initialDelayMs', 'maxDelayMs'] as const) {
    const value = options?.[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new TypeError(`Expected \`storeRetry.${name}\` to be a positive integer (ms), got ${String(value)}`);
    }
  }
}

/**
 * The store's outages, as the work that waits them out sees them. Work that hit a store error
 * that passes waits (`wait`) and tries again; the wait grows with the outage (about as long as
 * it has lasted so far, between `initialDelayMs` and `maxDelayMs`), however many wait at once.
 * The first success (`ended`) ends the outage. Each outage is logged once as it starts and once
 * as it ends, not once per try.
 */
export class StoreOutage {
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #logger: Logger;
  readonly #describe: (error: unknown) => ErrorRecord;
  readonly #now: () => number;
  /** When the current outage began; undefined while the store writes. */
  #since: number | undefined;
  #waits = 0;

  constructor(options: StoreRetryOptions & { readonly logger: Logger; readonly describe: (error: unknown) => ErrorRecord; readonly now?: () => number }) {
    this.#initialDelayMs = options.initialDelayMs ?? 100;
    this.#maxDelayMs = Math.max(options.maxDelayMs ?? 5000, this.#initialDelayMs);
    this.#logger = options.logger;
    this.#describe = options.describe;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Runs `attempt` until it gets through the store: each time it fails because the store cannot
   * write for now, waits, then runs it again with `again` true (what it wrote before may be in
   * the store, or not). Any other failure is thrown.
   */
  async persist<T>(what: Record<string, unknown>, attempt: (again: boolean) => Promise<T>): Promise<T> {
    for (let again = false; ; again = true) {
      try {
        const result = await attempt(again);
        this.ended();
        return result;
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        await this.wait(this.#describe(error), what);
      }
    }
  }

  /** Whether work is waiting for the store to write again. */
  get ongoing(): boolean {
    return this.#since !== undefined;
  }

  /** Waits before the next try of work that failed with `error` (a store error that passes). */
  async wait(error: ErrorRecord, what: Record<string, unknown>): Promise<void> {
    const now = this.#now();
    if (this.#since === undefined) {
      this.#since = now;
      this.#logger.error('the store cannot write for now; the work waits and is tried again (nothing is failed or dead-lettered for it)', { ...what, error });
    }
    this.#waits += 1;
    const delay = Math.min(this.#maxDelayMs, Math.max(this.#initialDelayMs, now - this.#since));
    await sleep(delay);
  }

  /** Work got through: the store writes again. */
  ended(): void {
    if (this.#since === undefined) return;
    this.#logger.info('the store writes again; the work that waited goes on', { outageMs: this.#now() - this.#since, tries: this.#waits });
    this.#since = undefined;
    this.#waits = 0;
  }
}
