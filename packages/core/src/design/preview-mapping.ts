import { FlowlineError } from '../errors/flowline-error.js';
import type { ExpressionCompiler } from '../expressions/expression-compiler.js';
import { MappingCompiler, mappingParts, type Scope } from '../expressions/mapping.js';
import type { Mapping } from '../generated/workflow.js';

export interface MappingPreviewOptions {
  readonly expressions: ExpressionCompiler;
  /** What the mapping sees, e.g. from `sampleScope({ event: operation.sample })`. */
  readonly scope: Scope;
  /** Templates a `{"$use": name}` may name: the workflow's own, then the host's. */
  readonly templates?: Readonly<Record<string, Mapping>>;
  /** Where the mapping is in its workflow, e.g. `/steps/0/input`; the fields' pointers start there. Default ''. */
  readonly pointer?: string;
  /**
   * Whether a plain string at the top is an expression, as in a step's `input` (default true), or
   * only strings starting with `=` are, as in a `fail` step's message.
   */
  readonly topLevel?: boolean;
  /**
   * How long the whole preview may take, in ms (default: no limit but each expression's own).
   * Fields not reached in time are not evaluated, and say so: a server previewing for many users
   * gives each request a budget, not each expression.
   */
  readonly budgetMs?: number;
}

/** Why a field or the whole mapping has no value: a FlowlineError's code, message, hint and pointer. */
export interface PreviewError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly pointer?: string;
}

/** One expression of the mapping with its value, or why it has none. */
export type FieldPreview =
  | { readonly pointer: string; readonly source: string; readonly value: unknown }
  | { readonly pointer: string; readonly source: string; readonly error: PreviewError };

export interface MappingPreview {
  /** The mapping's value as a step would get it, when every part of it could be evaluated. */
  readonly value?: unknown;
  /** Why the mapping as a whole has no value (the first failure, or an unknown template). */
  readonly error?: PreviewError;
  /** Every expression in the mapping and in the templates it uses, in order, each with its value or error. */
  readonly fields: readonly FieldPreview[];
}

/**
 * Compiles a mapping and evaluates it against sample data, as a builder's preview: the whole
 * value, and each expression on its own, so one failing field does not hide the others. Nothing
 * throws for a bad expression or template; failures are in the result.
 */
export async function previewMapping(mapping: Mapping, options: MappingPreviewOptions): Promise<MappingPreview> {
  const pointer = options.pointer ?? '';
  const topLevel = options.topLevel ?? true;
  const templates = options.templates ?? {};
  const fields: FieldPreview[] = [];
  const seenTemplates = new Set<string>();
  const started = Date.now();
  const outOfTime = () => options.budgetMs !== undefined && Date.now() - started > options.budgetMs;
  const notEvaluated: PreviewError = { code: 'preview.out-of-time', message: `Not evaluated: the preview used up its ${String(options.budgetMs)} ms`, hint: 'Preview fewer fields at once, or make the slow expressions cheaper.' };

  const previewParts = async (part: Mapping, at: string, top: boolean): Promise<void> => {
    for (const found of mappingParts(part, at, top)) {
      if (found.kind === 'template') {
        const template = templates[found.name];
        if (template === undefined || seenTemplates.has(found.name)) continue;
        seenTemplates.add(found.name);
        await previewParts(template, `/templates/${found.name}`, true);
        continue;
      }
      if (outOfTime()) {
        fields.push({ pointer: found.pointer, source: found.source, error: notEvaluated });
        continue;
      }
      try {
        const expression = options.expressions.compile(found.source, found.pointer);
        const value = await expression.evaluate(options.scope.input, options.scope.bindings, found.pointer);
        fields.push({ pointer: found.pointer, source: found.source, value });
      } catch (error) {
        fields.push({ pointer: found.pointer, source: found.source, error: toPreviewError(error) });
      }
    }
  };
  await previewParts(mapping, pointer, topLevel);
  // The whole value fails where a field failed (the mapping compiles before it runs, so a syntax
  // error first): no need to evaluate it all again.
  const errors = fields.flatMap((field) => ('error' in field ? [field.error] : []));
  const failed = errors.find((error) => error.code === 'expression.syntax') ?? errors[0];
  if (failed) return { error: failed, fields };

  try {
    const evaluate = new MappingCompiler({ compiler: options.expressions, templates }).compile(mapping, pointer, topLevel);
    return { value: await evaluate(options.scope), fields };
  } catch (error) {
    return { error: toPreviewError(error), fields };
  }
}

function toPreviewError(error: unknown): PreviewError {
  if (error instanceof FlowlineError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.pointer === undefined ? {} : { pointer: error.pointer }),
    };
  }
  return { code: 'preview.failed', message: error instanceof Error ? error.message : String(error) };
}
