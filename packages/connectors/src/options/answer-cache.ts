/** A cached or fresh answer, and when it was fetched. */
export interface CachedAnswer<T> {
  readonly value: T;
  readonly fetchedAt: number;
  /** True when no new fetch was started for this call (a cache hit, or another caller's fetch joined). */
  readonly cached: boolean;
}

export interface AnswerCacheOptions {
  /** How long an answer is served from the cache. */
  readonly ttlMs: number;
  /** At most this many answers are kept; the least recently stored go first. */
  readonly maxEntries: number;
  readonly now: () => number;
}

interface Entry<T> {
  readonly value: T;
  readonly fetchedAt: number;
  /** Which fetch produced it: a later-started fetch has a larger number. */
  readonly generation: number;
}

interface Flight<T> {
  readonly promise: Promise<{ value: T; fetchedAt: number }>;
  readonly generation: number;
}

/**
 * Answers by key with a TTL. Identical calls while a fetch is in flight share it. `refresh`
 * always starts a new fetch, whose answer replaces the entry. An answer is stored only when no
 * later-started fetch has stored one already, so a slow stale answer never overwrites a newer
 * one. Failures are not cached.
 */
export class AnswerCache<T> {
  readonly #options: AnswerCacheOptions;
  readonly #entries = new Map<string, Entry<T>>();
  readonly #flights = new Map<string, Flight<T>>();
  /** Keys dropped while a fetch was in flight: answers of fetches up to this generation are not stored. */
  readonly #floors = new Map<string, number>();
  #generation = 0;

  constructor(options: AnswerCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string, fetch: () => Promise<T>, refresh = false): Promise<CachedAnswer<T>> {
    if (!refresh) {
      // A fetch in flight is at least as new as the entry: join it.
      const flight = this.#flights.get(key);
      if (flight) return { ...(await flight.promise), cached: true };
      const entry = this.#entries.get(key);
      if (entry && this.#options.now() - entry.fetchedAt < this.#options.ttlMs) return { value: entry.value, fetchedAt: entry.fetchedAt, cached: true };
      if (entry) this.#entries.delete(key);
    }
    const generation = ++this.#generation;
    const promise = (async () => {
      const value = await fetch();
      const fetchedAt = this.#options.now();
      this.#store(key, { value, fetchedAt, generation });
      return { value, fetchedAt };
    })();
    const flight: Flight<T> = { promise, generation };
    this.#flights.set(key, flight);
    const done = (): void => {
      // Only the newest flight is registered; an older one finishing must not unregister it.
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    };
    promise.then(done, done);
    return { ...(await promise), cached: false };
  }

  /**
   * Drops the entries whose key `matches` (answers how many). Fetches in flight for those keys
   * still answer their callers, but their answers are not stored and later calls start anew.
   */
  delete(matches: (key: string) => boolean): number {
    let dropped = 0;
    for (const key of [...this.#entries.keys()]) {
      if (matches(key)) {
        this.#entries.delete(key);
        dropped += 1;
      }
    }
    for (const [key, flight] of [...this.#flights]) {
      if (!matches(key)) continue;
      this.#flights.delete(key);
      this.#floors.set(key, flight.generation);
    }
    return dropped;
  }

  #store(key: string, entry: Entry<T>): void {
    const floor = this.#floors.get(key);
    if (floor !== undefined) {
      if (entry.generation <= floor) return; // fetched before the key was dropped
      this.#floors.delete(key);
    }
    const current = this.#entries.get(key);
    if (current && current.generation > entry.generation) return; // a newer answer is in: this one is stale
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }
}
