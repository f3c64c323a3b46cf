import { BoundReached, MoveOffThread } from './evaluation-failure.js';

/**
 * What an evaluation does when its time runs out, or when a built-in call that cannot be
 * interrupted would by its inputs take longer than the time left:
 * - `move`: on the engine's thread, with workers to go to: it moves to a worker thread;
 * - `stop`: on a thread it must not leave (no workers, a browser, host functions): it fails, and
 *   refuses a call estimated at several times the time left rather than start it;
 * - `run-to-deadline`: on a worker thread, whose deadline ends any call: it fails when its time is
 *   up and starts every call.
 */
export type OverrunPolicy = 'move' | 'stop' | 'run-to-deadline';

/** A refused call's estimate must exceed the time left this many times over (estimates are rough). */
const REFUSE_FACTOR = 4;

export interface MeterOptions {
  /** Time the evaluation may take here. */
  readonly budgetMs: number;
  readonly policy: OverrunPolicy;
  /** The most a value it builds may take as JSON (ExpressionLimits.maxResultBytes). */
  readonly maxResultBytes: number;
}

/**
 * One evaluation's time, counted per step. JSONata runs an evaluation as a chain of promise
 * callbacks, so evaluations started together interleave step by step within one turn of the event
 * loop; a wall clock from each start would charge each one for all the others. Here the time
 * between two steps of any evaluations goes to the evaluation taking the later step, so each is
 * charged about its own work and the charges add up to the time spent.
 */
export class EvaluationMeter {
  readonly budgetMs: number;
  readonly policy: OverrunPolicy;
  readonly maxResultBytes: number;
  spentMs = 0;

  constructor(options: MeterOptions) {
    this.budgetMs = options.budgetMs;
    this.policy = options.policy;
    this.maxResultBytes = options.maxResultBytes;
  }

  /** Charges the time since the last step of any evaluation; throws when the budget is spent. */
  step(): void {
    this.spentMs += CLOCK.lap();
    if (this.spentMs > this.budgetMs) this.#overrun();
  }

  /** Called before a built-in call that cannot be interrupted, with its estimated time. */
  beforeCall(what: string, estimateMs: number): void {
    this.step();
    const leftMs = this.budgetMs - this.spentMs;
    if (this.policy === 'move' && estimateMs > leftMs) throw new MoveOffThread();
    if (this.policy === 'stop' && estimateMs > leftMs * REFUSE_FACTOR) {
      throw new BoundReached({ kind: 'estimate', what, estimateMs: Math.round(estimateMs), limitMs: this.budgetMs });
    }
  }

  #overrun(): never {
    if (this.policy === 'move') throw new MoveOffThread();
    throw new BoundReached({ kind: 'time', limitMs: this.budgetMs });
  }
}

/**
 * The time of the last step of any evaluation on this thread, forgotten at the end of the turn
 * of the event loop, so that time between turns (waiting for a host function's promise, other
 * work of the process) is charged to no one.
 */
class StepClock {
  #last: number | undefined;
  #forgetting = false;
  readonly #forget = (): void => {
    this.#last = undefined;
    this.#forgetting = false;
  };

  /** The time since the last step in this turn (0 for the first), and marks a step now. */
  lap(): number {
    const now = performance.now();
    const last = this.#last;
    this.#last = now;
    if (!this.#forgetting) {
      this.#forgetting = true;
      afterTurn(this.#forget);
    }
    return last === undefined ? 0 : now - last;
  }

  /** An evaluation starts: the time since the last step was spent elsewhere. */
  restart(): void {
    if (this.#last !== undefined) this.#last = performance.now();
  }
}

const CLOCK = new StepClock();

/** Marks the start of an evaluation (see StepClock.restart). */
export function startMetering(): void {
  CLOCK.restart();
}

/** Runs `callback` once the current turn (its promise callbacks included) is over: setImmediate in Node, a timer elsewhere. */
function afterTurn(callback: () => void): void {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate) immediate(callback);
  else setTimeout(callback, 0);
}
