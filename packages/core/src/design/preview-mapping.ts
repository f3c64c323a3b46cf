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

  const previewParts = async (part: Mapping, at: string, top: boolean): Promise<void> => {
    for (const found of mappingParts(part, at, top)) {
      if (found.kind === 'template') {
        const template = templates[found.name];
        if (template === undefined || seenTemplates.has(found.name)) continue;
        seenTemplates.add(found.name);
        await previewParts(template, `/templates/${found.name}`, true);
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
