import jsonata from 'jsonata';
import { BoundReached } from './evaluation-failure.js';
import type { EvaluationMeter } from './evaluation-meter.js';
import { jsonSizeWithin } from './json-size.js';

/**
 * JSONata's built-in functions, each wrapped so that a call is metered like a step of the
 * evaluation, and refused or moved before it starts when it would build too much or run too long.
 *
 * A single built-in call cannot be interrupted: `$pad("", 100000000)` once ran for seconds and
 * took gigabytes before any time check. So each call first charges the time since the last step
 * (a `$map` over a built-in is metered per item), then:
 * - a call that would build a string or JSON text past `maxResultBytes` (`$pad`'s width, `$join`'s
 *   parts, `$string`'s and `$clone`'s JSON, `$formatNumber`'s picture, `&`) fails with a size
 *   bound before building it; a string result past it fails after;
 * - a call whose inputs make it slow (long strings, regular expressions, `$sort` without a
 *   comparator and `$distinct`, which are quadratic in JSONata 2.2) is estimated from them
 *   (figures measured on JSONata 2.2.2, rounded up) and the meter decides: move it to a worker,
 *   refuse it, or let it run to the worker's deadline.
 */

/** A JSONata function value as JSONata defines it. */
interface JsonataFunction {
  readonly _jsonata_function: true;
  readonly implementation: (...args: unknown[]) => unknown;
  readonly signature?: unknown;
}

/** The `this` JSONata calls a built-in with (for `applyNativeFunction`, without `input`). */
interface Focus {
  readonly environment?: { readonly base?: { lookup(name: string): unknown } };
}

/** The binding that carries an evaluation's meter: a name no JSONata expression can spell (it has a space). */
export const METER_BINDING = ' flowline meter';

/** The function a rewritten `a & b` calls (see bounded-jsonata.ts): a name no expression can spell or shadow. */
export const CONCAT_FUNCTION = ' flowline concat';

/** JSONata 2.2's built-ins (`$now` and `$millis` are bound per expression and cost nothing). */
const BUILT_IN_NAMES = [
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter', 'lowercase',
  'uppercase', 'length', 'trim', 'pad', 'match', 'contains', 'replace', 'split', 'join', 'formatNumber', 'formatBase',
  'formatInteger', 'parseInteger', 'number', 'floor', 'ceil', 'round', 'abs', 'sqrt', 'power', 'random', 'boolean',
  'not', 'map', 'zip', 'filter', 'single', 'reduce', 'sift', 'keys', 'lookup', 'append', 'exists', 'spread', 'merge',
  'reverse', 'each', 'error', 'assert', 'type', 'sort', 'shuffle', 'distinct', 'base64encode', 'base64decode', 'encodeUrlComponent', 'encodeUrl',
  'decodeUrlComponent', 'decodeUrl', 'eval', 'toMillis', 'fromMillis', 'clone',
] as const;

type BuiltInName = (typeof BUILT_IN_NAMES)[number];

/** Milliseconds per unit of input, from JSONata 2.2.2 on the development VM, rounded up. */
const MS = {
  /** A character through a native string method (`$uppercase`, `$substring`, `$trim`). */
  nativeChar: 0.000_02,
  /** A character JSONata walks itself (`$length`, `$pad`, `$base64encode`, URL coding, string `$replace`). */
  walkedChar: 0.000_4,
  /** A character a regular expression scans on RE2 (`$match`, `$replace`, `$split`, `$contains`). */
  regexChar: 0.001,
  /** A byte of JSON text through `$string`'s replacer or `$clone`. */
  jsonByte: 0.000_5,
  /** A character of a `$formatNumber` picture. */
  pictureChar: 0.002_5,
  /** An item of an array through an array built-in (`$sum`, `$reverse`, `$append`, `$zip`). */
  item: 0.000_5,
  /** A key of an object through `$spread`, `$keys`, `$merge`, `$lookup`. */
  key: 0.005,
  /** A pair of items `$distinct` compares (it compares every new item with those kept). */
  distinctPair: 0.000_03,
  /** `$sort` without a comparator, per item squared (its merge sort copies arrays at every level). */
  sortSquare: 0.000_05,
  /** `$eval`, per character and per character squared (its parser rescans). */
  evalChar: 0.001,
  evalSquare: 0.000_000_5,
} as const;

/** What a guard learns and decides about one call. */
interface CallCheck {
  /** The call would build this many bytes (at least): past the limit it is refused. */
  builds(bytes: number): void;
  /** Its estimated time, for the meter. */
  takes(ms: number): void;
  /** The JSON size of `value`, counted up to the most that could still pass (the size limit, and what the time left allows at `msPerByte`). */
  jsonSize(value: unknown, msPerByte: number): number;
}

type Guard = (args: readonly unknown[], check: CallCheck) => void;

const text = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
const items = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
/** A regular expression reaches a built-in as a JSONata matcher function. */
const isPattern = (value: unknown): boolean => typeof value === 'function' || (value !== null && typeof value === 'object');

/** Keys of an object, or of the objects in an array, counted up to `enough`. */
function keyCount(value: unknown, enough: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (!Array.isArray(value)) return Object.keys(value).length;
  let total = value.length;
  for (const item of value) {
    if (total > enough) break;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) total += Object.keys(item).length;
  }
  return total;
}

const nativeString: Guard = ([str], check) => check.takes(text(str) * MS.nativeChar);
const walkedString: Guard = ([str], check) => check.takes(text(str) * MS.walkedChar);
const regexOrNative = (perChar: number): Guard => ([str, pattern], check) => check.takes(text(str) * (isPattern(pattern) ? MS.regexChar : perChar));
const byKeys: Guard = ([value], check) => check.takes(keyCount(value, 1_000_000) * MS.key);
const json: Guard = ([value], check) => {
  if (value === null || typeof value !== 'object') return;
  const bytes = check.jsonSize(value, MS.jsonByte);
  check.builds(bytes);
  check.takes(bytes * MS.jsonByte);
};

const GUARDS: Partial<Readonly<Record<BuiltInName, Guard>>> = {
  string: json,
  clone: json,
  substring: nativeString,
  substringBefore: nativeString,
  substringAfter: nativeString,
  lowercase: nativeString,
  uppercase: nativeString,
  trim: nativeString,
  length: walkedString,
  base64encode: walkedString,
  base64decode: walkedString,
  encodeUrlComponent: walkedString,
  encodeUrl: walkedString,
  decodeUrlComponent: walkedString,
  decodeUrl: walkedString,
  parseInteger: walkedString,
  pad: ([str, width, char], check) => {
    const length = Math.max(text(str), Math.abs(Math.trunc(typeof width === 'number' ? width : 0)));
    // JSONata pads to `width` characters, whatever the length of `char`.
    check.builds(length);
    check.takes(length * (MS.walkedChar + text(char) * MS.nativeChar));
  },
  join: ([strs, separator], check) => {
    const parts = Array.isArray(strs) ? strs : [];
    const chars = parts.reduce<number>((sum, part) => sum + text(part), 0) + Math.max(parts.length - 1, 0) * text(separator);
    check.builds(chars);
    check.takes(chars * MS.nativeChar + parts.length * MS.item);
  },
  formatNumber: ([, picture, options], check) => {
    const longestOption = options !== null && typeof options === 'object' ? Math.max(1, ...Object.values(options).map(text)) : 1;
    // At most the picture and a double's 330 digits, each maybe followed by a separator option.
    check.builds((text(picture) + 330) * longestOption);
    check.takes(text(picture) * MS.pictureChar);
  },
  formatInteger: ([, picture], check) => {
    check.builds(text(picture));
    check.takes(text(picture) * MS.walkedChar);
  },
  match: ([str], check) => check.takes(text(str) * MS.regexChar),
  contains: regexOrNative(MS.nativeChar),
  split: regexOrNative(MS.nativeChar),
  replace: regexOrNative(MS.walkedChar),
  eval: ([source], check) => check.takes(text(source) * MS.evalChar + text(source) ** 2 * MS.evalSquare),
  distinct: ([values], check) => check.takes((items(values) ** 2 / 2) * MS.distinctPair),
  sort: ([values, comparator], check) => {
    // A comparator is a lambda or a built-in: its calls are metered steps. Without one, nothing is.
    if (comparator === undefined) check.takes(items(values) ** 2 * MS.sortSquare);
    else check.takes(items(values) * MS.item);
  },
  spread: byKeys,
  keys: byKeys,
  merge: byKeys,
  lookup: byKeys,
};

/** Any other built-in: its string and array arguments, at a native rate. */
const DEFAULT_GUARD: Guard = (args, check) => {
  let ms = 0;
  for (const arg of args) ms += text(arg) * MS.nativeChar + items(arg) * MS.item;
  check.takes(ms);
};

function meterOf(focus: unknown): EvaluationMeter | undefined {
  const meter = (focus as Focus | undefined)?.environment?.base?.lookup(METER_BINDING);
  return meter === undefined ? undefined : (meter as EvaluationMeter);
}

/** What a guard reports to, for one call at a time (guards are synchronous, so one serves every call). */
class Check implements CallCheck {
  meter: EvaluationMeter | undefined;
  what = '';
  estimateMs = 0;

  builds(bytes: number): void {
    const limitBytes = (this.meter as EvaluationMeter).maxResultBytes;
    if (bytes > limitBytes) throw new BoundReached({ kind: 'size', what: this.what, bytes, limitBytes });
  }

  takes(ms: number): void {
    this.estimateMs += ms;
  }

  jsonSize(value: unknown, msPerByte: number): number {
    const meter = this.meter as EvaluationMeter;
    const limitBytes = meter.maxResultBytes;
    const affordable = meter.policy === 'move' ? Math.max(0, meter.budgetMs - meter.spentMs) / msPerByte : Number.POSITIVE_INFINITY;
    const size = jsonSizeWithin(value, Math.min(limitBytes, affordable));
    // Past what the time left allows, but maybe not past the size limit: the time estimate moves it.
    return size === Number.POSITIVE_INFINITY && affordable < limitBytes ? affordable + 1 : size;
  }
}

const CHECK = new Check();

/** Runs `guard` for a call of `what` under `meter`, then lets the meter decide on its estimate. */
function checkCall(meter: EvaluationMeter, what: string, guard: Guard, args: readonly unknown[]): void {
  CHECK.meter = meter;
  CHECK.what = what;
  CHECK.estimateMs = 0;
  guard(args, CHECK);
  meter.beforeCall(what, CHECK.estimateMs);
}

function checkResult(meter: EvaluationMeter, what: string, result: unknown): void {
  if (typeof result === 'string' && result.length > meter.maxResultBytes) {
    throw new BoundReached({ kind: 'size', what, bytes: result.length, limitBytes: meter.maxResultBytes, built: true });
  }
}

function guarded(name: string, original: JsonataFunction, guard: Guard): JsonataFunction {
  const implementation = original.implementation;
  const what = `$${name}`;
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const meter = meterOf(this);
    if (!meter) return implementation.apply(this, args);
    checkCall(meter, what, guard, args);
    const result = implementation.apply(this, args);
    if (result instanceof Promise) return result.then((value: unknown) => (checkResult(meter, what, value), value));
    checkResult(meter, what, result);
    return result;
  };
  // JSONata reads a native function's arity from `length`, and for partial application its parameter names from its source.
  Object.defineProperty(wrapper, 'length', { value: implementation.length });
  Object.defineProperty(wrapper, 'toString', { value: () => implementation.toString() });
  return { ...original, implementation: wrapper };
}

/** `a & b`: JSONata's string concatenation (`$string` of each side), guarded like a built-in. */
function concatenation(stringOf: (value: unknown) => string): JsonataFunction {
  const guard: Guard = (args, check) => {
    let chars = 0;
    for (const side of args) {
      if (typeof side === 'string') chars += side.length;
      else if (side !== null && typeof side === 'object') {
        const bytes = check.jsonSize(side, MS.jsonByte);
        check.takes(bytes * MS.jsonByte);
        chars += bytes;
      }
    }
    check.builds(chars);
  };
  const implementation = function (this: unknown, lhs: unknown, rhs: unknown): string {
    const meter = meterOf(this);
    if (meter) {
      if (typeof lhs === 'string' && typeof rhs === 'string') {
        // The usual case, checked without the general guard.
        CHECK.meter = meter;
        CHECK.what = '&';
        CHECK.builds(lhs.length + rhs.length);
        meter.step();
        return lhs.concat(rhs);
      }
      checkCall(meter, '&', guard, [lhs, rhs]);
    }
    try {
      return (lhs === undefined ? '' : stringOf(lhs)).concat(rhs === undefined ? '' : stringOf(rhs));
    } catch (thrown) {
      if (thrown !== null && typeof thrown === 'object') Object.assign(thrown, { token: '&' });
      throw thrown;
    }
  };
  return { _jsonata_function: true, implementation: implementation as (...args: unknown[]) => unknown };
}

export interface GuardedFunctions {
  /** Bindings that replace JSONata's built-ins in an expression. */
  readonly builtIns: Readonly<Record<string, JsonataFunction>>;
  /** What a rewritten `&` calls. */
  readonly concat: JsonataFunction;
}

let guardedFunctions: GuardedFunctions | undefined;

/** The guarded built-ins (made once per thread, from JSONata's own). */
export function guardedBuiltIns(): GuardedFunctions {
  if (guardedFunctions) return guardedFunctions;
  const originals = jsonataBuiltIns();
  const builtIns = Object.fromEntries(BUILT_IN_NAMES.map((name) => [name, guarded(name, originals[name], GUARDS[name] ?? DEFAULT_GUARD)]));
  const stringOf = originals.string.implementation as (value: unknown) => string;
  guardedFunctions = { builtIns, concat: concatenation(stringOf) };
  return guardedFunctions;
}

/**
 * JSONata's own built-in function values. JSONata does not export them; they live in its static
 * environment, which an evaluation hook can read: the hook runs synchronously when an evaluation
 * starts. JSONata is pinned (2.2.2); a test checks every name is found.
 */
function jsonataBuiltIns(): Readonly<Record<BuiltInName, JsonataFunction>> {
  const probe = jsonata('0');
  let found: Partial<Record<BuiltInName, unknown>> | undefined;
  probe.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, (_node: unknown, _input: unknown, environment: { lookup(name: string): unknown }) => {
    found ??= Object.fromEntries(BUILT_IN_NAMES.map((name) => [name, environment.lookup(name)]));
  });
  probe.evaluate(undefined).catch(() => undefined);
  const missing = BUILT_IN_NAMES.filter((name) => {
    const value = found?.[name] as Partial<JsonataFunction> | undefined;
    return value?._jsonata_function !== true || typeof value.implementation !== 'function';
  });
  if (missing.length > 0) {
    throw new Error(`JSONata's built-ins ${missing.map((name) => `$${name}`).join(', ')} were not found: this JSONata is not the version Flowline expects (2.2.2)`);
  }
  return found as Record<BuiltInName, JsonataFunction>;
}
