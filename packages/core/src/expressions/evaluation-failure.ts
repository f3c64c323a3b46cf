import { FunctionArgumentError } from './functions/function-argument-error.js';
import { asJsonataFailure } from './jsonata-failure.js';

/** A bound of Flowline's own that an evaluation reached (JSONata's own bounds have JSONata codes). */
export type Bound =
  /** It used its time; `threadEnded` when its worker thread was ended at the deadline (a single call ran past it). */
  | { readonly kind: 'time'; readonly limitMs: number; readonly threadEnded?: boolean }
  /**
   * A value it was about to build (`what`, e.g. `$pad`), or built (`built`: a string a built-in
   * gave), or its result (`what` is `result`), is larger than allowed.
   */
  | { readonly kind: 'size'; readonly what: string; readonly bytes: number; readonly limitBytes: number; readonly built?: boolean }
  /** A built-in call that cannot be interrupted would, by its inputs, run far past the time left. */
  | { readonly kind: 'estimate'; readonly what: string; readonly estimateMs: number; readonly limitMs: number }
  /** Its worker thread ran out of the heap it is given. */
  | { readonly kind: 'memory'; readonly limitMb: number };

/**
 * Thrown inside an evaluation when it reaches a bound. It extends Error (JSONata sets `position`
 * and `token` on what passes through it) and is recognised again after JSONata rethrows it.
 */
export class BoundReached extends Error {
  readonly bound: Bound;

  constructor(bound: Bound) {
    super(`flowline bound reached: ${bound.kind}`);
    this.bound = bound;
  }
}

/** Thrown inside an evaluation on the engine's thread that should go on in a worker: not a failure. */
export class MoveOffThread extends Error {
  constructor() {
    super('flowline: move the evaluation to a worker thread');
  }
}

/** Why an evaluation failed, as plain data (it crosses from a worker thread). */
export interface EvaluationFailure {
  /** JSONata's code, when JSONata failed. */
  readonly code?: string;
  readonly message?: string;
  /** Character offset in the expression. */
  readonly position?: number;
  readonly token?: string;
  /** A bound of Flowline's own. */
  readonly bound?: Bound;
  /** What to do, when a Flowline function refused an argument (FunctionArgumentError). */
  readonly hint?: string;
}

/** `$eval` wraps what fails inside it (D3120/D3121) in an error of its own; the cause is under `error`. */
function unwrapEval(thrown: unknown): unknown {
  let current = thrown;
  for (let hops = 0; hops < 16; hops += 1) {
    const inner = (current as { error?: unknown } | null | undefined)?.error;
    if (inner instanceof BoundReached || inner instanceof MoveOffThread) return inner;
    if (inner === undefined || inner === null || typeof inner !== 'object') return thrown;
    current = inner;
  }
  return thrown;
}

/** The marker to move the evaluation, when that is what was thrown (also from inside `$eval`). */
export function isMoveOffThread(thrown: unknown): boolean {
  return unwrapEval(thrown) instanceof MoveOffThread;
}

/** What was thrown while evaluating, as plain data. */
export function describeFailure(thrown: unknown): EvaluationFailure {
  const inner = unwrapEval(thrown);
  if (inner instanceof BoundReached) return { bound: inner.bound, ...positionOf(thrown) };
  if (inner instanceof Error && !('code' in inner)) return { message: `${inner.name}: ${inner.message}` };
  const failure = asJsonataFailure(inner);
  const hint = inner instanceof FunctionArgumentError ? inner.hint : undefined;
  return {
    ...(typeof failure.code === 'string' ? { code: failure.code } : {}),
    ...(typeof failure.message === 'string' ? { message: failure.message } : {}),
    ...positionOf(failure),
    ...(hint === undefined ? {} : { hint }),
  };
}

function positionOf(thrown: unknown): Pick<EvaluationFailure, 'position' | 'token'> {
  const { position, token } = asJsonataFailure(thrown);
  return {
    ...(typeof position === 'number' ? { position } : {}),
    ...(typeof token === 'string' ? { token } : {}),
  };
}
