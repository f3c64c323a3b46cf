import type jsonata from 'jsonata';
import { ExpressionError } from '../errors/expression-error.js';
import { compileBoundedJsonata, type BoundedJsonata, type ExpressionFunction } from './bounded-jsonata.js';
import { NOT_DIRECT, compileDirect } from './direct-evaluator.js';
import { describeFailure, isMoveOffThread } from './evaluation-failure.js';
import { EvaluationMeter } from './evaluation-meter.js';
import { resultTooLargeError, toExpressionError } from './expression-failure-error.js';
import { DEFAULT_EXPRESSION_LIMITS, checkExpressionLimits, type ExpressionLimits } from './expression-limits.js';
import { BUILT_IN_FUNCTIONS } from './functions/built-in-functions.js';
import { asJsonataFailure } from './jsonata-failure.js';
import { jsonSizeWithin } from './json-size.js';
import type { OffThreadEvaluator, OffThreadEvaluatorFactory } from './off-thread.js';

export type { ExpressionFunction } from './bounded-jsonata.js';

export type ExpressionNode = jsonata.ExprNode;

/** A value now, or a promise of it; `await` takes either. */
export type MaybePromise<T> = T | Promise<T>;

/** A compiled, bounded JSONata expression. Safe to evaluate concurrently. */
export interface CompiledExpression {
  readonly source: string;
  readonly ast: ExpressionNode;
  /**
   * Evaluates against `input` (JSONata's `$`) with `bindings` as `$name` variables. The value
   * comes at once when the expression is evaluated directly, as a promise when JSONata runs it.
   */
  evaluate(input: unknown, bindings: Readonly<Record<string, unknown>>, pointer: string): MaybePromise<unknown>;
}

export interface ExpressionCompilerOptions {
  readonly limits?: Partial<ExpressionLimits>;
  /** Host functions (`$name`), besides JSONata's and Flowline's; an expression using one runs on the calling thread. */
  readonly functions?: Readonly<Record<string, ExpressionFunction>>;
  /**
   * Where evaluations that outgrow `limits.mainThreadMs` go on: the engine passes its worker
   * threads (`createExpressionWorkers`). Without it (a browser, a bare compiler) every evaluation
   * stays on the calling thread, under `timeoutMs`.
   */
  readonly offThread?: OffThreadEvaluatorFactory;
}

/** Strips the optional leading `=` that marks an expression inside a mapping. */
export function expressionSource(text: string): string {
  return text.startsWith('=') ? text.slice(1) : text;
}

/**
 * Compiles JSONata once per distinct source and caches it. Simple expressions (paths, string
 * functions, comparisons) are evaluated directly when the data allows, with JSONata's exact
 * result (see direct-evaluator.ts); the rest by JSONata, bounded:
 * - each evaluation is charged its own time, step by step (evaluation-meter.ts), and built-in
 *   calls are checked before they start (built-in-guards.ts);
 * - with `offThread`, an evaluation that uses `mainThreadMs` of this thread moves to a worker
 *   thread, where `timeoutMs` holds even inside a built-in call (the thread is ended); without it,
 *   or when the expression calls a host function, it fails at `timeoutMs` here;
 * - a value past `maxResultBytes` as JSON fails with `expression.result-too-large`;
 * - regular expressions run on RE2, depth and sequence size are JSONata's bounds.
 */
export class ExpressionCompiler {
  readonly limits: ExpressionLimits;
  readonly #functions: Readonly<Record<string, ExpressionFunction>>;
  readonly #hostFunctions: ReadonlySet<string>;
  readonly #offThreadFactory: OffThreadEvaluatorFactory | undefined;
  #offThread: OffThreadEvaluator | undefined;
  readonly #cache = new Map<string, CompiledExpression>();

  constructor(options: ExpressionCompilerOptions = {}) {
    this.limits = { ...DEFAULT_EXPRESSION_LIMITS, ...options.limits };
    checkExpressionLimits(this.limits);
    this.#functions = { ...BUILT_IN_FUNCTIONS, ...options.functions };
    this.#hostFunctions = new Set(Object.keys(options.functions ?? {}));
    this.#offThreadFactory = options.offThread;
  }

  /** Compiles `source` (a leading `=` is ignored); throws `ExpressionError` at `pointer` on a syntax error. */
  compile(text: string, pointer: string): CompiledExpression {
    const source = expressionSource(text);
    const cached = this.#cache.get(source);
    if (cached) return cached;
    const compiled = this.#compile(source, pointer);
    this.#cache.set(source, compiled);
    return compiled;
  }

  #compile(source: string, pointer: string): CompiledExpression {
    let bounded: BoundedJsonata;
    try {
      bounded = compileBoundedJsonata(source, { maxDepth: this.limits.maxDepth, maxSequence: this.limits.maxSequence, functions: this.#functions });
    } catch (thrown) {
      const failure = asJsonataFailure(thrown);
      throw new ExpressionError(
        'expression.syntax',
        `JSONata syntax error${failure.position === undefined ? '' : ` at character ${failure.position}`}: ${failure.message ?? 'unreadable expression'}`,
        { pointer, position: failure.position, jsonataCode: failure.code, hint: 'Check the expression in the JSONata exerciser; strings need quotes, paths do not.' },
      );
    }
    const { ast } = bounded;
    const movable = this.#offThreadFactory !== undefined && !callsHostFunction(ast, this.#hostFunctions);
    const evaluate: CompiledExpression['evaluate'] = (input, bindings, at) => this.#evaluate(bounded, source, movable, input, bindings, at);
    const direct = compileDirect(ast, { ...this.limits, registeredFunctions: new Set(Object.keys(this.#functions)) });
    if (!direct) return { source, ast, evaluate };
    return {
      source,
      ast,
      evaluate: (input, bindings, at) => {
        const value = direct(input, bindings);
        return value === NOT_DIRECT ? evaluate(input, bindings, at) : value;
      },
    };
  }

  /** On this thread first; moved to a worker when it outgrows `mainThreadMs` and may move. */
  async #evaluate(bounded: BoundedJsonata, source: string, movable: boolean, input: unknown, bindings: Readonly<Record<string, unknown>>, pointer: string): Promise<unknown> {
    const { limits } = this;
    const meter = new EvaluationMeter({
      budgetMs: movable ? limits.mainThreadMs : limits.timeoutMs,
      policy: movable ? 'move' : 'stop',
      maxResultBytes: limits.maxResultBytes,
    });
    let value: unknown;
    try {
      value = await bounded.evaluate(input, bindings, meter);
    } catch (thrown) {
      if (thrown instanceof ExpressionError) throw thrown;
      if (movable && isMoveOffThread(thrown)) return this.#evaluateOffThread(bounded, source, input, bindings, pointer);
      throw toExpressionError(describeFailure(thrown), source, pointer, limits, thrown);
    }
    const bytes = jsonSizeWithin(value, limits.maxResultBytes);
    if (bytes > limits.maxResultBytes) throw resultTooLargeError(source, pointer, bytes, limits.maxResultBytes);
    return value;
  }

  async #evaluateOffThread(bounded: BoundedJsonata, source: string, input: unknown, bindings: Readonly<Record<string, unknown>>, pointer: string): Promise<unknown> {
    this.#offThread ??= this.#offThreadFactory?.(this.limits);
    if (!this.#offThread) throw new Error('ExpressionCompiler: no off-thread evaluator to move an evaluation to');
    let outcome;
    try {
      outcome = await this.#offThread.evaluate({ source, input, bindings });
    } catch {
      // Data a thread cannot receive (a function in a binding): evaluated here, bounded by `timeoutMs`.
      return this.#evaluate(bounded, source, false, input, bindings, pointer);
    }
    if (outcome.ok) return outcome.value;
    throw toExpressionError(outcome.failure, source, pointer, this.limits);
  }
}

/** Whether the expression names a host function (or may reach one through `$eval`): those exist only on this thread. */
function callsHostFunction(ast: ExpressionNode, hostFunctions: ReadonlySet<string>): boolean {
  if (hostFunctions.size === 0) return false;
  const seen = new Set<object>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || next instanceof RegExp || seen.has(next)) continue;
    seen.add(next);
    const node = next as { type?: unknown; value?: unknown };
    if (node.type === 'variable' && typeof node.value === 'string' && (hostFunctions.has(node.value) || node.value === 'eval')) return true;
    for (const value of Object.values(next)) if (value !== null && typeof value === 'object') pending.push(value);
  }
  return false;
}
