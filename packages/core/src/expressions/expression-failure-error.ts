import { ExpressionError } from '../errors/expression-error.js';
import type { Bound, EvaluationFailure } from './evaluation-failure.js';
import type { ExpressionLimits } from './expression-limits.js';
import { LIMIT_CODES } from './jsonata-failure.js';

const LIMIT_HINT = 'Look for unbounded recursion, huge ranges or loops; the limits are set by the engine host (expressionLimits).';

/** The expression as quoted in a message. */
function excerptOf(source: string): string {
  return source.length > 80 ? `${source.slice(0, 77)}...` : source;
}

/** A failed evaluation as the ExpressionError a step records: what went wrong, at `pointer`, and what to do. */
export function toExpressionError(failure: EvaluationFailure, source: string, pointer: string, limits: ExpressionLimits, cause?: unknown): ExpressionError {
  const excerpt = excerptOf(source);
  const at = { pointer, position: failure.position, ...(cause === undefined ? {} : { cause }) };
  if (failure.bound) return boundError(failure.bound, excerpt, at);
  const code = failure.code ?? '';
  if (LIMIT_CODES.has(code)) {
    const bound =
      code === 'D1012' ? `ran longer than ${limits.timeoutMs} ms`
      : code === 'D1011' ? `nested deeper than ${limits.maxDepth} levels`
      : `built a sequence larger than allowed (${limits.maxSequence} items)`;
    return new ExpressionError('expression.limit', `Expression \`${excerpt}\` ${bound} and was stopped`, { ...at, jsonataCode: code, hint: LIMIT_HINT });
  }
  const where = failure.position === undefined ? '' : ` at character ${failure.position}`;
  return new ExpressionError('expression.evaluation', `Expression \`${excerpt}\` failed${where}: ${failure.message ?? 'evaluation error'}`, {
    ...at,
    jsonataCode: code || undefined,
    ...(failure.hint === undefined ? {} : { hint: failure.hint }),
  });
}

type At = { readonly pointer: string; readonly position: number | undefined; readonly cause?: unknown };

function boundError(bound: Bound, excerpt: string, at: At): ExpressionError {
  switch (bound.kind) {
    case 'time':
      // D1012 is the code JSONata gives its own timeout, kept for whoever matched on it.
      return new ExpressionError(
        'expression.limit',
        `Expression \`${excerpt}\` ran longer than ${bound.limitMs} ms and was stopped${bound.threadEnded ? ' (its worker thread was ended: one call ran past the limit)' : ''}`,
        { ...at, jsonataCode: 'D1012', hint: LIMIT_HINT },
      );
    case 'estimate':
      return new ExpressionError(
        'expression.limit',
        `Expression \`${excerpt}\` was stopped before ${bound.what}, which by the size of its input would run for about ${bound.estimateMs} ms, past its ${bound.limitMs} ms limit`,
        { ...at, hint: `Give ${bound.what} less input (filter or shorten it first). ${LIMIT_HINT}` },
      );
    case 'memory':
      return new ExpressionError('expression.limit', `Expression \`${excerpt}\` used more than the ${bound.limitMb} MB of memory an expression may use and was stopped`, {
        ...at,
        hint: 'Look for values that grow without end (doubling arrays or strings, huge ranges). The limit is expressionLimits.workerMemoryMb.',
      });
    case 'size':
      return resultTooLarge(excerpt, bound.what, bound.bytes, bound.limitBytes, at, bound.built ?? false);
  }
}

function resultTooLarge(excerpt: string, what: string, bytes: number, limitBytes: number, at: At, built = false): ExpressionError {
  const gave = what === 'result' ? 'gave a value of' : built ? `built, with ${what}, a value of` : `would build, with ${what}, a value of`;
  const size = Number.isFinite(bytes) ? `${bytes} bytes` : `more than ${limitBytes} bytes`;
  return new ExpressionError('expression.result-too-large', `Expression \`${excerpt}\` ${gave} ${size} (as JSON); an expression's value may take at most ${limitBytes} bytes`, {
    ...at,
    hint: 'Return only what the step needs (pick fields, $substring, fewer items). The limit is expressionLimits.maxResultBytes, set by the engine host.',
  });
}

/** The error for a value past `maxResultBytes` (`bytes` is Infinity when the count stopped at the limit). */
export function resultTooLargeError(source: string, pointer: string, bytes: number, limitBytes: number): ExpressionError {
  return resultTooLarge(excerptOf(source), 'result', bytes, limitBytes, { pointer, position: undefined });
}
