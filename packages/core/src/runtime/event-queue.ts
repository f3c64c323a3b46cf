import type { IdentifiedEvent } from './event-sink.js';

interface Queued<R> {
  readonly id: string;
  /** Kept in memory only while few events wait; otherwise read back from the inbox when due. */
  event: IdentifiedEvent | undefined;
  readonly fresh: boolean;
  readonly done: ((result: R) => void) | undefined;
}

export interface EventQueueOptions<R> {
  /** Events handled at once (events of one ordering key always one at a time, in order). */
  readonly concurrency: number;
  /** How many waiting events keep their payload in memory; the rest are read back by id. */
  readonly maxHeld: number;
  readonly handle: (event: IdentifiedEvent, fresh: boolean) => Promise<R>;
  readonly load: (id: string) => Promise<IdentifiedEvent | undefined>;
  /** What a handled event whose entry could not be read back yields. */
  readonly missing: R;
}

/**
 * Accepted events waiting to run: one FIFO lane per ordering key, lanes taken in turn by at most
 * `concurrency` workers. A waiting event costs a small record (its id), not a chain of promises
 * and closures, so a host can hold a large backlog.
 */
export class EventQueue<R> {
  readonly #options: EventQueueOptions<R>;
  readonly #lanes = new Map<string, Queued<R>[]>();
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
  push(event: IdentifiedEvent, fresh: boolean, wantResult: boolean): Promise<R> | undefined {
    const hold = this.#held < this.#options.maxHeld;
    if (hold) this.#held += 1;
    let result: Promise<R> | undefined;
    let done: ((value: R) => void) | undefined;
    if (wantResult) result = new Promise<R>((resolve) => (done = resolve));
    const item: Queued<R> = { id: event.id, event: hold ? event : undefined, fresh, done };
    const key = event.orderingKey ?? event.id;
    const lane = this.#lanes.get(key);
    if (lane) {
      lane.push(item);
    } else {
      this.#lanes.set(key, [item]);
      this.#ready.push(key);
      this.#startWorker();
    }
    return result;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    return this.#workers === 0 ? Promise.resolve() : this.#idle;
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
        const item = lane?.[0];
        if (!lane || !item) continue;
        let event = item.event;
        if (event) this.#held -= 1;
        else event = await this.#options.load(item.id);
        const result = event ? await this.#options.handle(event, item.fresh) : this.#options.missing;
        item.done?.(result);
        lane.shift();
        // The lane goes to the back of the line, so one busy customer does not hold up the others.
        if (lane.length > 0) this.#ready.push(key);
        else this.#lanes.delete(key);
      }
    } finally {
      this.#workers -= 1;
      if (this.#workers === 0) this.#wake?.();
    }
  }
}
