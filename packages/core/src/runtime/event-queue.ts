import type { IdentifiedEvent } from './event-sink.js';
import { tenantKey } from './dispatch/tenant-keys.js';

/** An accepted event of a tenant, with the time the inbox took it (the start of its runs' ids). */
export interface InboxEvent {
  readonly tenant: string;
  readonly event: IdentifiedEvent;
  readonly receivedAt: string;
}

interface Queued<R> {
  readonly id: string;
  /** Kept in memory only while few events wait; otherwise read back from the inbox when due. */
  readonly accepted: InboxEvent | undefined;
  readonly fresh: boolean;
  readonly done: ((result: R) => void) | undefined;
}

/** Other work that must take its turn in a lane (e.g. a run an earlier process left); it settles its own promise. */
interface Work {
  readonly work: () => Promise<void>;
}

/**
 * A waiting event. Most of a large backlog is fresh events whose payload is not held and whose
 * result nobody waits for: those are kept as their bare id (the string the inbox already gave
 * them), not as a record around it.
 */
type Waiting<R> = string | Queued<R> | Work;

/** The events of one ordering key, oldest first: a lone event as itself, more in an array. */
type Lane<R> = Waiting<R> | Waiting<R>[];

export interface EventQueueOptions<R> {
  /** Events handled at once (events of one ordering key always one at a time, in order). */
  readonly concurrency: number;
  /** How many waiting events keep their payload in memory; the rest are read back by id. */
  readonly maxHeld: number;
  readonly handle: (accepted: InboxEvent, fresh: boolean) => Promise<R>;
  /** Reads back a waiting event by its queue id (`tenantKey(tenant, event id)`). */
  readonly load: (id: string) => Promise<InboxEvent | undefined>;
  /** What a handled event whose entry could not be read back yields. */
  readonly missing: R;
  /** Told when `handle` or `load` rejects (they should not): the lane moves on, the event yields `missing`. */
  readonly failed?: (error: unknown, id: string) => void;
  /** Told when a pushed event is done with, however it went (handled, failed, or not found). */
  readonly settled?: (id: string) => void;
}

/**
 * Accepted events waiting to run: one FIFO lane per ordering key, lanes taken in turn by at most
 * `concurrency` workers. A waiting event costs its id and its ordering key (about 150 bytes for
 * a webhook's), not a chain of promises and closures, so a host can hold a large backlog.
 */
export class EventQueue<R> {
  readonly #options: EventQueueOptions<R>;
  readonly #lanes = new Map<string, Lane<R>>();
  readonly #ready: string[] = [];
  #readyHead = 0;
  #workers = 0;
  #held = 0;
  #idle: Promise<void> = Promise.resolve();
  #wake: (() => void) | undefined;

  constructor(options: EventQueueOptions<R>) {
    this.#options = options;
  }

  /** Queues an event behind the others of its ordering key; with `wantResult`, resolves with its result. */
  push(accepted: InboxEvent, fresh: boolean, wantResult: boolean): Promise<R> | undefined {
    const { event } = accepted;
    const hold = this.#held < this.#options.maxHeld;
    if (hold) this.#held += 1;
    let result: Promise<R> | undefined;
    let done: ((value: R) => void) | undefined;
    if (wantResult) result = new Promise<R>((resolve) => (done = resolve));
    const id = tenantKey(accepted.tenant, event.id);
    const item: Waiting<R> = !hold && fresh && !wantResult ? id : { id, accepted: hold ? accepted : undefined, fresh, done };
    this.#add(tenantKey(accepted.tenant, event.orderingKey ?? event.id), item);
    return result;
  }

  /**
   * Runs `work` in the lane `key` (`tenantKey(tenant, ordering key)`), after what is queued there now and before
   * what comes later, one at a time with the lane's events; settles as `work` does.
   */
  enqueue<T>(key: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#add(key, {
        work: async () => {
          try {
            resolve(await work());
          } catch (error) {
            reject(error);
          }
        },
      });
    });
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    return this.#workers === 0 ? Promise.resolve() : this.#idle;
  }

  #add(key: string, item: Waiting<R>): void {
    const lane = this.#lanes.get(key);
    if (lane === undefined) {
      this.#lanes.set(key, item);
      this.#ready.push(key);
      this.#startWorker();
    } else if (Array.isArray(lane)) {
      lane.push(item);
    } else {
      this.#lanes.set(key, [lane, item]);
    }
  }

  #startWorker(): void {
    if (this.#workers >= this.#options.concurrency) return;
    if (this.#workers === 0) this.#idle = new Promise((resolve) => (this.#wake = resolve));
    this.#workers += 1;
    void this.#work();
  }

  #nextLane(): string | undefined {
    if (this.#readyHead >= this.#ready.length) return undefined;
    const key = this.#ready[this.#readyHead];
    this.#readyHead += 1;
    if (this.#readyHead > 1024 && this.#readyHead * 2 > this.#ready.length) {
      this.#ready.splice(0, this.#readyHead);
      this.#readyHead = 0;
    }
    return key;
  }

  async #work(): Promise<void> {
    try {
      for (let key = this.#nextLane(); key !== undefined; key = this.#nextLane()) {
        const lane = this.#lanes.get(key);
        const item = Array.isArray(lane) ? lane[0] : lane;
        if (item === undefined) continue;
        if (typeof item !== 'string' && 'work' in item) await item.work();
        else await this.#handle(item);
        // Events of this key pushed meanwhile may have turned a lone event into an array.
        const rest = this.#lanes.get(key);
        if (Array.isArray(rest) && rest.length > 1) {
          rest.shift();
          if (rest.length === 1 && rest[0] !== undefined) this.#lanes.set(key, rest[0]);
          // The lane goes to the back of the line, so one busy customer does not hold up the others.
          this.#ready.push(key);
        } else {
          this.#lanes.delete(key);
        }
      }
    } finally {
      this.#workers -= 1;
      if (this.#workers === 0) this.#wake?.();
    }
  }

  /** Handles one event; never rejects, so one failure neither stops its worker nor leaves its lane stuck. */
  async #handle(item: string | Queued<R>): Promise<void> {
    const queued = typeof item === 'string' ? undefined : item;
    const id = typeof item === 'string' ? item : item.id;
    let result = this.#options.missing;
    try {
      let accepted = queued?.accepted;
      if (accepted) this.#held -= 1;
      else accepted = await this.#options.load(id);
      if (accepted) result = await this.#options.handle(accepted, queued?.fresh ?? true);
    } catch (error) {
      this.#options.failed?.(error, id);
    }
    this.#options.settled?.(id);
    queued?.done?.(result);
  }
}
