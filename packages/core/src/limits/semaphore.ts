/** Lets at most `permits` holders run at once; the rest wait in arrival order. */
export class Semaphore {
  readonly #waiting: Array<() => void> = [];
  #available: number;

  constructor(permits: number) {
    if (!Number.isInteger(permits) || permits < 1) {
      throw new TypeError(`Expected \`permits\` to be a positive integer, got ${permits}`);
    }
    this.#available = permits;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#available > 0) {
      this.#available -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#available += 1;
  }
}
