/**
 * At most `limit` starts in any window of `intervalMs` (a sliding log of start times), in
 * arrival order. Waiting callers are woken by one timer at a time.
 */
export class SlidingWindow {
  readonly #limit: number;
  readonly #intervalMs: number;
  readonly #starts: number[] = [];
  readonly #waiting: Array<() => void> = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(limit: number, intervalMs: number) {
    this.#limit = limit;
    this.#intervalMs = intervalMs;
  }

  /** Resolves when the caller may start; the start is counted at that moment. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#drain();
    });
  }

  #drain(): void {
    if (this.#timer) return;
    while (this.#waiting.length > 0) {
      const now = performance.now();
      while (this.#starts.length > 0 && now - (this.#starts[0] ?? 0) >= this.#intervalMs) this.#starts.shift();
      if (this.#starts.length >= this.#limit) {
        // +1 ms: timers may fire a fraction early; never start inside the window.
        const wait = (this.#starts[0] ?? now) + this.#intervalMs - now + 1;
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#drain();
        }, wait);
        return;
      }
      this.#starts.push(now);
      this.#waiting.shift()?.();
    }
  }
}
