import { getEventListeners } from 'node:events';

/**
 * Signals for runs that nothing cancels (every run but a forEach body's). Steps and connectors
 * take a run's signal and listen to it while they wait; creating an AbortController per run
 * cost a few percent of a short run, so signals are reused. One goes back to the pool only when
 * nothing listens to it any more: a connector that leaves a listener behind keeps its signal
 * (and the listener) to that run, as a fresh controller would.
 */
export class IdleSignals {
  readonly #pool: AbortSignal[] = [];
  readonly #max: number;

  constructor(max = 256) {
    this.#max = max;
  }

  take(): AbortSignal {
    return this.#pool.pop() ?? new AbortController().signal;
  }

  give(signal: AbortSignal): void {
    if (this.#pool.length < this.#max && !signal.aborted && getEventListeners(signal, 'abort').length === 0) this.#pool.push(signal);
  }
}
