import type jsonata from 'jsonata';

/**
 * Most mapping expressions are a field path, a string function of one, a concatenation, a
 * comparison or a small array: `$lowercase($trim($event.data.email))`. JSONata evaluates them
 * through async frames and sequences, which costs more than the rest of a run. This module turns
 * such an expression's AST into plain functions that give JSONata's exact result for the values
 * they understand: plain objects on a path, and scalars elsewhere. For anything else (an array
 * met on a path, an argument of the wrong type, a value JSONata would reject) they return
 * `NOT_DIRECT`, and the expression is evaluated by JSONata itself, errors and all. An expression
 * using anything outside this subset is never compiled here.
 *
 * These functions have no loops over data and no regular expressions: their work is bounded by
 * the size of the expression, so they need no time limit.
 */

/** The parts of a JSONata AST node read here (jsonata's typings leave out `path` and `condition` nodes). */
interface Node {
  readonly type: string;
  readonly value?: unknown;
  readonly steps?: readonly Node[];
  readonly lhs?: Node;
  readonly rhs?: Node;
  readonly procedure?: Node;
  readonly arguments?: readonly Node[];
  readonly expressions?: readonly Node[];
  readonly condition?: Node;
  readonly then?: Node;
  readonly else?: Node;
}

type Bindings = Readonly<Record<string, unknown>>;

export const NOT_DIRECT: unique symbol = Symbol('flowline.not-direct');
/** The expression's value, or `NOT_DIRECT` when JSONata must evaluate it. */
type Result = unknown;
export type DirectEvaluator = (input: unknown, bindings: Bindings) => Result;

export interface DirectOptions {
  /** JSONata's `stack` limit; an expression that could come near it is left to JSONata. */
  readonly maxDepth: number;
  /** JSONata's `sequence` limit; an array constructor that could reach it is left to JSONata. */
  readonly maxSequence: number;
  /** Host-registered function names, which take precedence over JSONata's own. */
  readonly registeredFunctions: ReadonlySet<string>;
}

/** Keys a node may carry besides its structure; any other (predicates, stages, grouping, ...) means JSONata. */
const PLAIN_KEYS = new Set(['type', 'value', 'position']);

const hasOwn = (target: object, key: string): boolean => Object.prototype.hasOwnProperty.call(target, key);

/** JSONata's `isFunction` test, which also marks its own function and lambda objects. */
function isJsonataFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown } | null | undefined;
  return marked !== null && marked !== undefined && (marked._jsonata_function === true || marked._jsonata_lambda === true);
}

/** A value JSONata treats as one item whose fields can be looked up: an object, not an array or function. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isJsonataFunction(value);
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** JSONata's effective boolean value of a scalar or undefined; `NOT_DIRECT` for anything else. */
function toBoolean(value: unknown): boolean | typeof NOT_DIRECT {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value !== 0 : Number.isNaN(value) ? false : NOT_DIRECT;
  return NOT_DIRECT;
}

/** JSONata's `$string` of a scalar (numbers to 15 significant digits); `NOT_DIRECT` for anything else. */
function toText(value: Scalar): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number.isInteger(value) ? value : Number(value.toPrecision(15)));
  return String(value);
}

type StringFunction = (text: string) => string;

/** JSONata's `$trim`: runs of space, tab, CR and LF become one space, then one leading and one trailing space go. */
function trim(text: string): string {
  let result = text.replace(/[ \t\n\r]+/g, ' ');
  if (result.startsWith(' ')) result = result.slice(1);
  if (result.endsWith(' ')) result = result.slice(0, -1);
  return result;
}

const STRING_FUNCTIONS: Readonly<Record<string, StringFunction>> = {
  lowercase: (text) => text.toLowerCase(),
  uppercase: (text) => text.toUpperCase(),
  trim,
};

/** One-argument JSONata functions of a scalar, by name. Each returns `NOT_DIRECT` where JSONata would differ or throw. */
const FUNCTIONS: Readonly<Record<string, (value: unknown) => Result>> = {
  ...Object.fromEntries(
    Object.entries(STRING_FUNCTIONS).map(([name, apply]) => [
      name,
      (value: unknown) => (value === undefined ? undefined : typeof value === 'string' ? apply(value) : NOT_DIRECT),
    ]),
  ),
  exists: (value) => value !== undefined,
  string: (value) => (value === undefined ? undefined : isScalar(value) ? toText(value) : NOT_DIRECT),
  boolean: (value) => (value === undefined ? undefined : toBoolean(value)),
};

class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/** The structural children a node of this type may have; other keys (set to something) make it unsupported. */
function checkKeys(node: Node, structure: readonly string[]): void {
  for (const [key, value] of Object.entries(node)) {
    if (value !== undefined && !PLAIN_KEYS.has(key) && !structure.includes(key)) unsupported();
  }
}

/**
 * Compiles `ast` to a direct evaluator, or returns undefined when the expression uses anything
 * outside the subset (or could come near JSONata's depth or sequence limits).
 */
export function compileDirect(ast: jsonata.ExprNode, options: DirectOptions): DirectEvaluator | undefined {
  const compiler = new DirectCompiler(options);
  try {
    const evaluator = compiler.node(ast as unknown as Node, 1);
    return compiler.deepest * 2 + 2 <= options.maxDepth ? evaluator : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class DirectCompiler {
  /** The deepest evaluation nesting seen, counted as JSONata counts `evaluate` calls (roughly). */
  deepest = 0;
  readonly #options: DirectOptions;

  constructor(options: DirectOptions) {
    this.#options = options;
  }

  node(node: Node, depth: number): DirectEvaluator {
    this.deepest = Math.max(this.deepest, depth);
    switch (node.type) {
      case 'string':
      case 'number':
      case 'value':
        return this.#literal(node);
      case 'variable':
        return this.#variable(node);
      case 'path':
        return this.#path(node, depth);
      case 'function':
        return this.#call(node, depth);
      case 'binary':
        return this.#binary(node, depth);
      case 'unary':
        return this.#arrayConstructor(node, depth);
      case 'condition':
        return this.#condition(node, depth);
      case 'block':
        return this.#parenthesized(node, depth);
      default:
        return unsupported();
    }
  }

  #literal(node: Node): DirectEvaluator {
    checkKeys(node, []);
    const value: unknown = node.value;
    if (!isScalar(value)) unsupported();
    return () => value;
  }

  /** `$name` alone: the binding's value as it is; `$` is the input. */
  #variable(node: Node): DirectEvaluator {
    checkKeys(node, []);
    const name = node.value as string;
    if (name === '') return (input) => (Array.isArray(input) ? NOT_DIRECT : input);
    return (_input, bindings) => (hasOwn(bindings, name) ? bindings[name] : NOT_DIRECT);
  }

  /** `$name.a.b` or `a.b`: field lookups through plain objects; an array on the way means JSONata. */
  #path(node: Node, depth: number): DirectEvaluator {
    checkKeys(node, ['steps']);
    const steps = node.steps ?? [];
    const [first, ...rest] = steps;
    if (!first) unsupported();
    for (const step of steps) checkKeys(step, []);
    if (rest.some((step) => step.type !== 'name')) unsupported();
    if (first.type !== 'name' && first.type !== 'variable') unsupported();
    this.deepest = Math.max(this.deepest, depth + 1);
    const names = (first.type === 'name' ? steps : rest).map((step) => step.value as string);
    const start: DirectEvaluator =
      first.type === 'name' ? (input) => input
      : first.value === '' ? (input) => (Array.isArray(input) ? NOT_DIRECT : input)
      : (_input, bindings) => (hasOwn(bindings, first.value as string) ? bindings[first.value as string] : NOT_DIRECT);
    return (input, bindings) => {
      let value = start(input, bindings);
      for (const name of names) {
        if (value === NOT_DIRECT) return value;
        if (value === undefined || value === null) return undefined;
        if (!isPlainRecord(value)) return typeof value === 'object' || typeof value === 'function' ? NOT_DIRECT : undefined;
        value = hasOwn(value, name) ? value[name] : undefined;
      }
      return isJsonataFunction(value) ? NOT_DIRECT : value;
    };
  }

  /** `$name(arg)` for a few one-argument built-ins, unless a binding or host function shadows the name. */
  #call(node: Node, depth: number): DirectEvaluator {
    checkKeys(node, ['arguments', 'procedure']);
    const procedure = node.procedure;
    const args = node.arguments ?? [];
    if (!procedure || procedure.type !== 'variable' || args.length !== 1 || !args[0]) unsupported();
    checkKeys(procedure, []);
    const name = procedure.value as string;
    const apply = hasOwn(FUNCTIONS, name) && !this.#options.registeredFunctions.has(name) ? FUNCTIONS[name] : undefined;
    if (!apply) unsupported();
    const argument = this.node(args[0], depth + 1);
    return (input, bindings) => {
      if (hasOwn(bindings, name)) return NOT_DIRECT;
      const value = argument(input, bindings);
      return value === NOT_DIRECT ? value : apply(value);
    };
  }

  #binary(node: Node, depth: number): DirectEvaluator {
    checkKeys(node, ['lhs', 'rhs']);
    if (!node.lhs || !node.rhs) unsupported();
    const lhs = this.node(node.lhs, depth + 1);
    const rhs = this.node(node.rhs, depth + 1);
    switch (node.value) {
      case '&':
        return both(lhs, rhs, (left, right) => {
          if ((left !== undefined && !isScalar(left)) || (right !== undefined && !isScalar(right))) return NOT_DIRECT;
          return (left === undefined ? '' : toText(left)) + (right === undefined ? '' : toText(right));
        });
      case '=':
      case '!=': {
        const equal = node.value === '=';
        return both(lhs, rhs, (left, right) => {
          if (left === undefined || right === undefined) return false;
          if (!isScalar(left) || !isScalar(right)) return NOT_DIRECT;
          return (left === right) === equal;
        });
      }
      case '<':
      case '<=':
      case '>':
      case '>=':
        return both(lhs, rhs, comparison(node.value));
      case 'and':
      case 'or': {
        const stopOn = node.value === 'or';
        return (input, bindings) => {
          const left = toBoolean(lhs(input, bindings));
          if (left === NOT_DIRECT || left === stopOn) return left;
          return toBoolean(rhs(input, bindings));
        };
      }
      default:
        return unsupported();
    }
  }

  /** `[a, b]`: defined items in order; a nested `[...]` stays an array, any other array value means JSONata (it flattens). */
  #arrayConstructor(node: Node, depth: number): DirectEvaluator {
    checkKeys(node, ['expressions']);
    const expressions = node.expressions ?? [];
    if (node.value !== '[' || expressions.length >= this.#options.maxSequence) unsupported();
    const items = expressions.map((item) => ({ evaluate: this.node(item, depth + 1), nested: item.type === 'unary' && item.value === '[' }));
    return (input, bindings) => {
      const result: unknown[] = [];
      for (const item of items) {
        const value = item.evaluate(input, bindings);
        if (value === NOT_DIRECT) return value;
        if (value === undefined) continue;
        if (Array.isArray(value) && !item.nested) return NOT_DIRECT;
        result.push(value);
      }
      return result;
    };
  }

  /** `(expression)`: one expression in parentheses is that expression; a block of several is JSONata's. */
  #parenthesized(node: Node, depth: number): DirectEvaluator {
    checkKeys(node, ['expressions']);
    const [only, ...others] = node.expressions ?? [];
    if (!only || others.length > 0) unsupported();
    return this.node(only, depth + 1);
  }

  #condition(node: Node, depth: number): DirectEvaluator {
    checkKeys(node, ['condition', 'then', 'else']);
    if (!node.condition || !node.then) unsupported();
    const condition = this.node(node.condition, depth + 1);
    const then = this.node(node.then, depth + 1);
    const otherwise = node.else ? this.node(node.else, depth + 1) : undefined;
    return (input, bindings) => {
      const test = toBoolean(condition(input, bindings));
      if (test === NOT_DIRECT) return test;
      if (test) return then(input, bindings);
      return otherwise ? otherwise(input, bindings) : undefined;
    };
  }
}

function both(lhs: DirectEvaluator, rhs: DirectEvaluator, combine: (left: unknown, right: unknown) => Result): DirectEvaluator {
  return (input, bindings) => {
    const left = lhs(input, bindings);
    if (left === NOT_DIRECT) return left;
    const right = rhs(input, bindings);
    if (right === NOT_DIRECT) return right;
    return combine(left, right);
  };
}

/** JSONata's `<`-family: undefined on either side gives undefined; otherwise two numbers or two strings, or JSONata's error. */
function comparison(op: string): (left: unknown, right: unknown) => Result {
  return (left, right) => {
    const leftComparable = left === undefined || typeof left === 'string' || typeof left === 'number';
    const rightComparable = right === undefined || typeof right === 'string' || typeof right === 'number';
    if (!leftComparable || !rightComparable) return NOT_DIRECT;
    if (left === undefined || right === undefined) return undefined;
    if (typeof left !== typeof right) return NOT_DIRECT;
    const a = left as string | number;
    const b = right as string | number;
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  };
}
