import { randomBytes } from 'node:crypto';
import type { Engine, RunEventName, RunEvents } from '@flowline/core';

const EVENT_NAMES: readonly RunEventName[] = ['run.queued', 'run.started', 'run.succeeded', 'run.failed', 'run.cancelled', 'run.waiting', 'step.started', 'step.retrying', 'step.succeeded', 'step.failed', 'step.skipped'];

/** One run event of a tenant, numbered: `id` is `<epoch>-<seq>`, the SSE event id a client resumes from. */
export interface LoggedEvent {
  readonly id: string;
  readonly seq: number;
  readonly name: RunEventName;
  readonly data: RunEvents[RunEventName];
}

/** What a subscriber gets: the events it missed (or a gap, when they are gone), then each new one. */
export interface Subscriber {
  event(event: LoggedEvent): void;
  /** The events after `lastId` are no longer kept (or `lastId` is of an earlier process): reload runs, then follow. `oldest`: the id of the oldest event kept. */
  gap(oldest: string | undefined): void;
}

interface TenantLog {
  seq: number;
  /** The last `capacity` events, oldest first. */
  readonly events: LoggedEvent[];
  readonly subscribers: Set<Subscriber>;
}

/**
 * The run and step events of every tenant someone has watched, numbered per tenant, the last
 * `capacity` kept in memory, for Server-Sent Events with `Last-Event-ID` resume. It listens to the
 * engine only from the first subscriber on (an engine nobody watches builds no event objects), and
 * keeps a tenant's events only once someone has watched that tenant: thousands of tenants cost
 * nothing until a builder opens them. Once nobody has watched for `idleMs`, it stops listening and
 * forgets what it kept. Ids carry the epoch of the listening, so an id from before a restart or a
 * pause is recognised as such (a gap), never taken for a number of this one.
 */
export class RunEventLog {
  #epoch = randomBytes(4).toString('hex');
  readonly #engine: Engine;
  readonly #capacity: number;
  readonly #idleMs: number;
  readonly #tenants = new Map<string, TenantLog>();
  #unsubscribe: Array<() => void> | undefined;
  #watchers = 0;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(engine: Engine, options: { readonly capacity?: number; readonly idleMs?: number } = {}) {
    this.#engine = engine;
    this.#capacity = options.capacity ?? 256;
    this.#idleMs = options.idleMs ?? 5 * 60_000;
  }

  /** Whether it listens to the engine now. */
  get listening(): boolean {
    return this.#unsubscribe !== undefined;
  }

  /** Sends `subscriber` what came after `lastId` (nothing: only new events), then each new event; returns the unsubscribe function. */
  subscribe(tenant: string, lastId: string | undefined, subscriber: Subscriber): () => void {
    clearTimeout(this.#idleTimer);
    this.#unsubscribe ??= EVENT_NAMES.map((name) => this.#engine.on(name, (data) => this.#add(name, data)));
    this.#watchers += 1;
    const log = this.#log(tenant);
    if (lastId !== undefined) {
      const [epoch, seqText] = lastId.split('-');
      const seq = Number(seqText);
      const oldest = log.events[0]?.seq ?? log.seq + 1;
      if (epoch !== this.#epoch || !Number.isSafeInteger(seq) || seq > log.seq || seq < oldest - 1) subscriber.gap(log.events[0]?.id);
      else for (const event of log.events) if (event.seq > seq) subscriber.event(event);
    }
    log.subscribers.add(subscriber);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      log.subscribers.delete(subscriber);
      this.#watchers -= 1;
      if (this.#watchers === 0) {
        this.#idleTimer = setTimeout(() => this.#stopListening(), this.#idleMs);
        this.#idleTimer.unref();
      }
    };
  }

  close(): void {
    clearTimeout(this.#idleTimer);
    this.#stopListening();
  }

  /** Stops building events nobody watches; what was kept is forgotten, and a new epoch makes every earlier id a gap. */
  #stopListening(): void {
    for (const unsubscribe of this.#unsubscribe ?? []) unsubscribe();
    this.#unsubscribe = undefined;
    this.#tenants.clear();
    this.#watchers = 0;
    this.#epoch = randomBytes(4).toString('hex');
  }

  #log(tenant: string): TenantLog {
    let log = this.#tenants.get(tenant);
    if (!log) {
      log = { seq: 0, events: [], subscribers: new Set() };
      this.#tenants.set(tenant, log);
    }
    return log;
  }

  #add(name: RunEventName, data: RunEvents[RunEventName]): void {
    const log = this.#tenants.get(data.tenant);
    if (log === undefined) return;
    log.seq += 1;
    const event: LoggedEvent = { id: `${this.#epoch}-${log.seq}`, seq: log.seq, name, data };
    log.events.push(event);
    if (log.events.length > this.#capacity) log.events.shift();
    for (const subscriber of log.subscribers) subscriber.event(event);
  }
}
