import type { Mapping } from '../generated/workflow.js';
import { FlowlineError } from '../errors/flowline-error.js';
import type { ExpressionCompiler, MaybePromise } from './expression-compiler.js';

/** What a mapping sees: `$` is the trigger payload, the rest are `$name` bindings. */
export interface Scope {
  readonly input: unknown;
  readonly bindings: Readonly<Record<string, unknown>>;
}

/** The mapped value: at once when every expression in it was evaluated directly, else a promise. */
export type MappingEvaluator = (scope: Scope) => MaybePromise<unknown>;

/** Evaluates every part, then combines their values, without a promise unless a part needed one. */
function allThen<T>(evaluators: readonly MappingEvaluator[], scope: Scope, combine: (values: readonly unknown[]) => T): MaybePromise<T> {
  const values = evaluators.map((evaluate) => evaluate(scope));
  return values.some((value) => value instanceof Promise) ? Promise.all(values).then(combine) : combine(values);
}

export const TEMPLATE_KEY = '$use';

/** Appends one reference token to a JSON pointer (RFC 6901 escaping). */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

export type MappingPart =
  | { readonly kind: 'expression'; readonly pointer: string; readonly source: string }
  | { readonly kind: 'template'; readonly pointer: string; readonly name: string };

/**
 * Walks a mapping and yields its expressions and template references with their pointers.
 * A string at the top of a mapping is an expression; deeper, only strings starting with `=` are.
 */
export function* mappingParts(mapping: Mapping, pointer: string, topLevel = true): Generator<MappingPart> {
  if (typeof mapping === 'string') {
    if (topLevel || mapping.startsWith('=')) yield { kind: 'expression', pointer, source: mapping };
    return;
  }
  if (Array.isArray(mapping)) {
    for (const [index, item] of mapping.entries()) yield* mappingParts(item, childPointer(pointer, index), false);
    return;
  }
  if (mapping !== null && typeof mapping === 'object') {
    for (const [key, value] of Object.entries(mapping)) {
      if (key === TEMPLATE_KEY) {
        if (typeof value === 'string') yield { kind: 'template', pointer: childPointer(pointer, key), name: value };
        continue;
      }
      yield* mappingParts(value, childPointer(pointer, key), false);
    }
  }
}

export interface MappingCompilerOptions {
  readonly compiler: ExpressionCompiler;
  /** Named templates: the workflow's own first, then the host's. */
  readonly templates: Readonly<Record<string, Mapping>>;
}

function isLiteral(mapping: Mapping, topLevel: boolean): boolean {
  return mappingParts(mapping, '', topLevel).next().done === true;
}

/** Compiles mappings into evaluators; shares compiled templates between the steps of a workflow. */
export class MappingCompiler {
  readonly #options: MappingCompilerOptions;
  readonly #templates = new Map<string, MappingEvaluator>();
  readonly #compiling = new Set<string>();

  constructor(options: MappingCompilerOptions) {
    this.#options = options;
  }

  compile(mapping: Mapping, pointer: string, topLevel = true): MappingEvaluator {
    if (isLiteral(mapping, topLevel)) {
      return () => mapping;
    }
    if (typeof mapping === 'string') {
      const expression = this.#options.compiler.compile(mapping, pointer);
      return (scope) => expression.evaluate(scope.input, scope.bindings, pointer);
    }
    if (Array.isArray(mapping)) {
      const items = mapping.map((item, index) => this.compile(item, childPointer(pointer, index), false));
      return (scope) => allThen(items, scope, (values) => values.filter((value) => value !== undefined));
    }
    return this.#compileObject(mapping as Record<string, Mapping>, pointer);
  }

  #compileObject(mapping: Readonly<Record<string, Mapping>>, pointer: string): MappingEvaluator {
    const base = typeof mapping[TEMPLATE_KEY] === 'string' ? this.#template(mapping[TEMPLATE_KEY], childPointer(pointer, TEMPLATE_KEY)) : undefined;
    const keys = Object.keys(mapping).filter((key) => key !== TEMPLATE_KEY);
    const fields = keys.map((key) => this.compile(mapping[key] as Mapping, childPointer(pointer, key), false));
    const build = (inherited: unknown, values: readonly unknown[]): unknown => {
      const result: Record<string, unknown> = {};
      if (base) {
        if (inherited !== null && typeof inherited === 'object' && !Array.isArray(inherited)) {
          for (const [key, value] of Object.entries(inherited)) defineField(result, key, value);
        } else if (keys.length === 0) {
          return inherited;
        }
      }
      keys.forEach((key, index) => defineField(result, key, values[index]));
      return result;
    };
    if (!base) return (scope) => allThen(fields, scope, (values) => build(undefined, values));
    return (scope) => allThen([base, ...fields], scope, ([inherited, ...values]) => build(inherited, values));
  }

  #template(name: string, pointer: string): MappingEvaluator {
    const compiled = this.#templates.get(name);
    if (compiled) return compiled;
    const template = this.#options.templates[name];
    if (template === undefined) {
      throw new FlowlineError('definition.unknown-template', `No template named "${name}"`, {
        pointer,
        hint: `Define it under /templates/${name}, or use one of: ${Object.keys(this.#options.templates).join(', ') || '(none defined)'}`,
      });
    }
    if (this.#compiling.has(name)) {
      throw new FlowlineError('definition.template-cycle', `Template "${name}" uses itself`, { pointer });
    }
    this.#compiling.add(name);
    try {
      const evaluator = this.compile(template, `/templates/${name}`);
      this.#templates.set(name, evaluator);
      return evaluator;
    } finally {
      this.#compiling.delete(name);
    }
  }
}

/** Sets an own property (never the prototype, even for `__proto__`); drops undefined values. */
function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  // Only `__proto__` reaches the prototype by assignment; any other key becomes an own property.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
