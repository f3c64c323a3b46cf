import jsonata from 'jsonata';
import { CONCAT_FUNCTION, METER_BINDING, guardedBuiltIns } from './built-in-guards.js';
import { startMetering, type EvaluationMeter } from './evaluation-meter.js';
import { Re2Regex } from './re2-regex.js';

/** A JSONata function offered to every expression, e.g. `$toE164`. */
export interface ExpressionFunction {
  readonly implementation: (...args: never[]) => unknown;
  /** JSONata signature, e.g. `<s-s?:s>`. */
  readonly signature?: string;
}

export interface BoundedJsonataOptions {
  readonly maxDepth: number;
  readonly maxSequence: number;
  /** Functions besides JSONata's own, by name (without `$`); they win over JSONata's. */
  readonly functions: Readonly<Record<string, ExpressionFunction>>;
}

/** One JSONata expression whose evaluations are metered (see evaluation-meter.ts and built-in-guards.ts). */
export interface BoundedJsonata {
  /** The expression as parsed, for validation and the direct evaluator (the evaluated one is rewritten). */
  readonly ast: jsonata.ExprNode;
  /** JSONata's value, or what JSONata (or a bound) threw, unchanged. */
  evaluate(input: unknown, bindings: Readonly<Record<string, unknown>>, meter: EvaluationMeter): Promise<unknown>;
}

/**
 * Compiles `source` with JSONata's depth and sequence bounds, RE2 for regular expressions, the
 * guarded built-ins and a hook that meters every step. JSONata's own timeout is not used: it is
 * a wall clock from the start of an evaluation, so evaluations running at the same time would be
 * charged for each other. Throws JSONata's syntax error as JSONata throws it.
 */
export function compileBoundedJsonata(source: string, options: BoundedJsonataOptions): BoundedJsonata {
  const jsonataOptions = { stack: options.maxDepth, sequence: options.maxSequence, RegexEngine: Re2Regex as unknown as RegExpConstructor };
  const expression = jsonata(source, jsonataOptions);
  const evaluated = expression.ast();
  // `&` is rewritten in the evaluated tree; readers get the tree as parsed.
  const ast = hasConcatenation(evaluated) ? copyTree(evaluated) : evaluated;
  rewriteConcatenations(evaluated);
  const { builtIns, concat } = guardedBuiltIns();
  for (const [name, definition] of Object.entries(builtIns)) expression.assign(name, definition);
  expression.assign(CONCAT_FUNCTION, concat);
  for (const [name, fn] of Object.entries(options.functions)) {
    expression.registerFunction(name, fn.implementation as (...args: unknown[]) => unknown, fn.signature);
  }
  expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, meterStep);
  return {
    ast,
    evaluate(input, bindings, meter) {
      startMetering();
      // JSONata takes the first step of an evaluation before `evaluate` returns: meterStep binds the meter then.
      starting = meter;
      try {
        return expression.evaluate(input, bindings as Record<string, unknown>);
      } finally {
        starting = undefined;
      }
    },
  };
}

/** The meter of the evaluation being started (see `evaluate` above). */
let starting: EvaluationMeter | undefined;

/** JSONata's entry hook, run at every step: charges it to the evaluation's meter (bound in the evaluation's own frame at its first step). */
function meterStep(_node: unknown, _input: unknown, environment: JsonataFrame): void {
  const base = environment.base;
  if (!base) return;
  if (starting) {
    base.bind(METER_BINDING, starting);
    starting = undefined;
  }
  (base.lookup(METER_BINDING) as EvaluationMeter | undefined)?.step();
}

/** What the hook reads of a JSONata environment: `base` is the evaluation's own frame. */
interface JsonataFrame {
  readonly base?: { bind(name: string, value: unknown): void; lookup(name: string): unknown };
}

interface MutableNode {
  type: string;
  value?: unknown;
  position?: number;
  lhs?: unknown;
  rhs?: unknown;
  procedure?: unknown;
  arguments?: unknown[];
}

/** Every node object of a tree (once each), children before their parents are done with. */
function* nodesOf(root: unknown): Generator<object> {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || next instanceof RegExp || seen.has(next)) continue;
    seen.add(next);
    for (const value of Object.values(next)) if (value !== null && typeof value === 'object') pending.push(value);
    yield next;
  }
}

function hasConcatenation(root: jsonata.ExprNode): boolean {
  for (const node of nodesOf(root)) if (isConcatenation(node)) return true;
  return false;
}

/** A copy of the tree's plain objects and arrays (shared ones stay shared); anything else (a RegExp, a parsed signature's functions) is kept. */
function copyTree<T>(root: T): T {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      copies.set(value, items);
      for (const item of value) items.push(copy(item));
      return items;
    }
    if (prototype !== Object.prototype && prototype !== null) return value;
    const fields: Record<string, unknown> = {};
    copies.set(value, fields);
    for (const [key, field] of Object.entries(value)) fields[key] = copy(field);
    return fields;
  };
  return copy(root) as T;
}

/**
 * Turns every `a & b` into a call of the guarded concatenation (`$string` of each side, as
 * JSONata's `&` does), so that it is metered and bounded like a built-in: JSONata's own `&`
 * turns an object into JSON text without any check.
 */
function rewriteConcatenations(root: jsonata.ExprNode): void {
  for (const next of nodesOf(root)) {
    const node = next as MutableNode;
    if (node.type === 'apply' && isConcatenation(node.rhs)) {
      // `x ~> f(...)` passes x to a call on its right: keep the call a value there (JSONata then finds no function, as before).
      node.rhs = { type: 'block', expressions: [node.rhs], position: (node.rhs as MutableNode).position };
    }
    if (isConcatenation(node)) {
      node.type = 'function';
      node.value = '(';
      node.procedure = { type: 'variable', value: CONCAT_FUNCTION, position: node.position };
      node.arguments = [node.lhs, node.rhs];
      delete node.lhs;
      delete node.rhs;
    }
  }
}

function isConcatenation(node: unknown): node is MutableNode {
  return node !== null && typeof node === 'object' && (node as MutableNode).type === 'binary' && (node as MutableNode).value === '&';
}
