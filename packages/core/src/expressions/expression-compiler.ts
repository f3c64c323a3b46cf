import jsonata from 'jsonata';
import { ExpressionError } from '../errors/expression-error.js';
import { DEFAULT_EXPRESSION_LIMITS, checkExpressionLimits, type ExpressionLimits } from './expression-limits.js';
import { LIMIT_CODES, asJsonataFailure } from './jsonata-failure.js';
import { BUILT_IN_FUNCTIONS } from './functions/built-in-functions.js';
import { Re2Regex } from './re2-regex.js';
import { NOT_DIRECT, compileDirect } from './direct-evaluator.js';

export type ExpressionNode = jsonata.ExprNode;

/** A value now, or a promise of it; `await` takes either. */
export type MaybePromise<T> = T | Promise<T>;

/** A JSONata function offered to every expression, e.g. `$toE164`. */
export interface ExpressionFunction {
  readonly implementation: (...args: never[]) => unknown;
  /** JSONata signature, e.g. `<s-s?:s>`. */
  readonly signature?: string;
}

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
  readonly functions?: Readonly<Record<string, ExpressionFunction>>;
}

/** Strips the optional leading `=` that marks an expression inside a mapping. */
export function expressionSource(text: string): string {
  return text.startsWith('=') ? text.slice(1) : text;
}

/**
 * Compiles JSONata once per distinct source and caches it. Every evaluation is bounded by
 * time, depth and sequence size, and regular expressions run on RE2. Simple expressions
 * (paths, string functions, comparisons) are evaluated directly when the data allows, with
 * JSONata's exact result (see direct-evaluator.ts).
 */
export class ExpressionCompiler {
  readonly limits: ExpressionLimits;
  readonly #functions: Readonly<Record<string, ExpressionFunction>>;
  readonly #cache = new Map<string, CompiledExpression>();
  /**
   * Evaluations run one after another. JSONata's time limit is wall-clock from the start of an
   * evaluation, and JSONata yields at every step, so evaluations interleaved by many concurrent
   * runs would each be charged for the others' time and fail spuriously under load. In a queue,
   * each is charged only for its own work (and a runaway one still stops at the limit).
   */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ExpressionCompilerOptions = {}) {
    this.limits = { ...DEFAULT_EXPRESSION_LIMITS, ...options.limits };
    checkExpressionLimits(this.limits);
    this.#functions = { ...BUILT_IN_FUNCTIONS, ...options.functions };
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

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = settle(result);
    return result;
  }

  #compile(source: string, pointer: string): CompiledExpression {
    let expression: jsonata.Expression;
    try {
      expression = jsonata(source, {
        timeout: this.limits.timeoutMs,
        stack: this.limits.maxDepth,
        sequence: this.limits.maxSequence,
        RegexEngine: Re2Regex as unknown as RegExpConstructor,
      });
    } catch (thrown) {
      const failure = asJsonataFailure(thrown);
      throw new ExpressionError(
        'expression.syntax',
        `JSONata syntax error${failure.position === undefined ? '' : ` at character ${failure.position}`}: ${failure.message ?? 'unreadable expression'}`,
        { pointer, position: failure.position, jsonataCode: failure.code, hint: 'Check the expression in the JSONata exerciser; strings need quotes, paths do not.' },
      );
    }
    for (const [name, fn] of Object.entries(this.#functions)) {
      expression.registerFunction(name, fn.implementation as (...args: unknown[]) => unknown, fn.signature);
    }
    const limits = this.limits;
    const ast = expression.ast();
    const direct = compileDirect(ast, { ...limits, registeredFunctions: new Set(Object.keys(this.#functions)) });
    const run = async (input: unknown, bindings: Readonly<Record<string, unknown>>, at: string) => {
      try {
        return await expression.evaluate(input, bindings as Record<string, unknown>);
      } catch (thrown) {
        if (thrown instanceof ExpressionError) throw thrown;
        throw toEvaluationError(thrown, source, at, limits);
      }
    };
    const evaluate: CompiledExpression['evaluate'] = (input, bindings, at) => this.#enqueue(() => run(input, bindings, at));
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
}

function settle(promise: Promise<unknown>): Promise<void> {
  return promise.then(
    () => undefined,
    () => undefined,
  );
}

function toEvaluationError(thrown: unknown, source: string, pointer: string, limits: ExpressionLimits): ExpressionError {
  const failure = asJsonataFailure(thrown);
  const code = failure.code ?? '';
  const where = failure.position === undefined ? '' : ` at character ${failure.position}`;
  const excerpt = source.length > 80 ? `${source.slice(0, 77)}...` : source;
  if (LIMIT_CODES.has(code)) {
    const bound =
      code === 'D1012' ? `ran longer than ${limits.timeoutMs} ms`
      : code === 'D1011' ? `nested deeper than ${limits.maxDepth} levels`
      : `built a sequence larger than allowed (${limits.maxSequence} items)`;
    return new ExpressionError('expression.limit', `Expression \`${excerpt}\` ${bound} and was stopped`, {
      pointer,
      jsonataCode: code,
      position: failure.position,
      hint: 'Look for unbounded recursion, huge ranges or loops; the limits are set by the engine host.',
      cause: thrown,
    });
  }
  return new ExpressionError(
    'expression.evaluation',
    `Expression \`${excerpt}\` failed${where}: ${failure.message ?? 'evaluation error'}`,
    { pointer, jsonataCode: code || undefined, position: failure.position, cause: thrown },
  );
}
