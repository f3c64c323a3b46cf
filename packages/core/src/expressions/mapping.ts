import type { Mapping } from '../generated/workflow.js';
import { FlowlineError } from '../errors/flowline-error.js';
import type { ExpressionCompiler } from './expression-compiler.js';

/** What a mapping sees: `$` is the trigger payload, the rest are `$name` bindings. */
export interface Scope {
  readonly input: unknown;
  readonly bindings: Readonly<Record<string, unknown>>;
}

export type MappingEvaluator = (scope: Scope) => Promise<unknown>;

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
      return () => Promise.resolve(mapping);
    }
    if (typeof mapping === 'string') {
      const expression = this.#options.compiler.compile(mapping, pointer);
      return (scope) => expression.evaluate(scope.input, scope.bindings, pointer);
    }
    if (Array.isArray(mapping)) {
      const items = mapping.map((item, index) => this.compile(item, childPointer(pointer, index), false));
      return async (scope) => {
        const values = await Promise.all(items.map((item) => item(scope)));
        return values.filter((value) => value !== undefined);
      };
    }
    return this.#compileObject(mapping as Record<string, Mapping>, pointer);
  }

  #compileObject(mapping: Readonly<Record<string, Mapping>>, pointer: string): MappingEvaluator {
    const base = typeof mapping[TEMPLATE_KEY] === 'string' ? this.#template(mapping[TEMPLATE_KEY], childPointer(pointer, TEMPLATE_KEY)) : undefined;
    const fields = Object.entries(mapping)
      .filter(([key]) => key !== TEMPLATE_KEY)
      .map(([key, value]) => [key, this.compile(value, childPointer(pointer, key), false)] as const);
    return async (scope) => {
      const result: Record<string, unknown> = {};
      if (base) {
        const inherited = await base(scope);
        if (inherited !== null && typeof inherited === 'object' && !Array.isArray(inherited)) {
          for (const [key, value] of Object.entries(inherited)) defineField(result, key, value);
        } else if (fields.length === 0) {
          return inherited;
        }
      }
      const values = await Promise.all(fields.map(([, evaluate]) => evaluate(scope)));
      fields.forEach(([key], index) => defineField(result, key, values[index]));
      return result;
    };
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
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
