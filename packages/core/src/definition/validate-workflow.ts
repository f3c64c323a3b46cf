import type { Catalog } from '../catalog/catalog.js';
import { closestNames } from '../catalog/closest-names.js';
import { BUILT_IN_CONNECTION } from '../connectors/link-operations.js';
import type { ConnectionConfig } from '../connectors/connector.js';
import { ExpressionError } from '../errors/expression-error.js';
import type { ExpressionCompiler, ExpressionNode } from '../expressions/expression-compiler.js';
import { childPointer, mappingParts } from '../expressions/mapping.js';
import { Re2Regex } from '../expressions/re2-regex.js';
import type { Mapping, Step, Trigger, WorkflowDefinition } from '../generated/workflow.js';
import { findUnsafeKeys } from '../payload/unsafe-keys.js';
import { STEP_SHAPES, stepShape } from '../steps/step-shapes.js';
import { engineTriggerProblems } from './engine-trigger-problems.js';
import { inputProblems } from './input-problems.js';
import { schemaProblems } from './schema-problems.js';
import type { ValidationProblem, ValidationResult } from './validation-problem.js';
import { workflowValidator } from './workflow-schema.js';
import { capped, sizeProblem } from './definition-size.js';

export interface ValidateOptions {
  readonly catalog: Catalog;
  readonly expressions: ExpressionCompiler;
  /** When given, every step's connection must be one of these. */
  readonly connections?: Readonly<Record<string, ConnectionConfig>>;
  /** Templates the host offers to every workflow. */
  readonly templates?: Readonly<Record<string, Mapping>>;
}

interface StepSite {
  readonly pointer: string;
  /** The forEach whose body holds the step, if any. */
  readonly insideForEach: string | undefined;
}

/**
 * Checks a workflow definition and returns every problem at once: the JSON Schema, then what a
 * schema cannot say (unknown operations with the closest ids, kinds, connections, duplicate step
 * ids, JSONata syntax, references to steps that cannot have run yet, templates, and each action's
 * input against its operation's input schema where its values are known before the run).
 */
export function validateWorkflow(definition: unknown, options: ValidateOptions): ValidationResult {
  const tooLarge = sizeProblem(definition);
  if (tooLarge) return { valid: false, problems: [tooLarge] };
  const problems: ValidationProblem[] = [];
  const unsafe = findUnsafeKeys(definition);
  for (const pointer of unsafe) {
    problems.push({ pointer, code: 'definition.unsafe-key', message: `The key "${pointer.split('/').at(-1)}" is not allowed in a workflow`, suggestion: 'Rename it.' });
  }
  const validate = workflowValidator();
  if (!validate(definition)) problems.push(...schemaProblems(validate.errors ?? []));
  if (definition !== null && typeof definition === 'object' && !Array.isArray(definition) && unsafe.length === 0) {
    problems.push(...semanticProblems(definition as Partial<WorkflowDefinition>, options));
  }
  return { valid: problems.length === 0, problems: capped(problems) };
}

function isStep(value: unknown): value is Step {
  return value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' && Object.hasOwn(STEP_SHAPES, (value as { type?: unknown }).type as string);
}

function stepLists(step: Step): Array<{ field: string; steps: readonly Step[]; inline: boolean }> {
  const lists = stepShape(step).nested(step).filter((entry) => Array.isArray(entry.steps));
  const onError = 'onError' in step ? step.onError : undefined;
  return Array.isArray(onError) ? [...lists, { field: 'onError', steps: onError, inline: true }] : lists;
}

function semanticProblems(definition: Partial<WorkflowDefinition>, options: ValidateOptions): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { catalog } = options;
  // The engine's own connection (links) is always there, as the engine adds it to every host's connections.
  const connections = options.connections && { [BUILT_IN_CONNECTION]: { connector: 'flowline' }, ...options.connections };
  const templates = { ...options.templates, ...(isRecord(definition.templates) ? definition.templates : {}) };

  const trigger = definition.trigger;
  if (isRecord(trigger) && typeof trigger.operation === 'string') {
    const operation = catalog.describe(trigger.operation);
    if (!operation) {
      const closest = catalog.suggest(trigger.operation, 'trigger');
      problems.push({
        pointer: '/trigger/operation',
        code: 'operation.unknown',
        message: `There is no trigger "${trigger.operation}"`,
        ...(closest.length ? { suggestion: `Did you mean ${closest.map((id) => `"${id}"`).join(', ')}?` } : {}),
      });
    } else if (operation.kind !== 'trigger') {
      problems.push({
        pointer: '/trigger/operation',
        code: 'operation.not-a-trigger',
        message: `"${trigger.operation}" is an action; a workflow must start from a trigger`,
        suggestion: 'Call it from an action step, and pick a trigger from the catalog.',
      });
    }
    if (typeof trigger.filter === 'string') problems.push(...expressionProblems(trigger.filter, '/trigger/filter', options, new Set(), new Map()));
    problems.push(...engineTriggerProblems(trigger as Partial<Trigger>));
  }

  if (isRecord(definition.templates)) {
    for (const [name, template] of Object.entries(definition.templates)) {
      problems.push(...mappingProblems(template, `/templates/${name}`, true, options, undefined, new Map(), templates));
    }
  }

  if (!Array.isArray(definition.steps)) return problems;

  // Where every step id is defined (the first definition wins; later ones are duplicates).
  const sites = new Map<string, StepSite>();
  const collect = (list: readonly unknown[], pointer: string, insideForEach: string | undefined) => {
    list.forEach((step, index) => {
      if (!isStep(step)) return;
      const at = childPointer(pointer, index);
      const first = sites.get(step.id);
      if (first) {
        problems.push({ pointer: `${at}/id`, code: 'step.duplicate-id', message: `Step id "${step.id}" is already used at ${first.pointer}`, suggestion: 'Give every step its own id.' });
      } else {
        sites.set(step.id, { pointer: at, insideForEach });
      }
      for (const nested of stepLists(step)) collect(nested.steps, `${at}/${nested.field}`, nested.inline ? insideForEach : step.id);
    });
  };
  collect(definition.steps, '/steps', undefined);

  const walk = (list: readonly unknown[], pointer: string, before: ReadonlySet<string>): Set<string> => {
    const available = new Set(before);
    list.forEach((step, index) => {
      if (!isStep(step)) return;
      const at = childPointer(pointer, index);
      const shape = stepShape(step);
      if (shape.validate && hasRequiredStrings(step)) problems.push(...shape.validate(step, at, { catalog, connections, ...(typeof definition.id === 'string' ? { workflowId: definition.id } : {}) }));
      if (step.type === 'action' && typeof step.operation === 'string') {
        const operation = catalog.describe(step.operation);
        if (operation?.kind === 'action' && operation.input !== undefined) {
          problems.push(...inputProblems(operation.input, step.input, `${at}/input`, { expressions: options.expressions, templates }));
        }
      }
      const fields = shape.mappings(step);
      for (const field of fields.filter((one) => !one.afterBody)) {
        problems.push(...mappingProblems(field.mapping, `${at}/${field.field}`, true, options, available, sites, templates, field.expression));
      }
      const after = new Set<string>();
      const body = new Set<string>();
      for (const nested of stepLists(step)) {
        // Inline lists (if branches, onError fallbacks) start after the step has recorded its output.
        const inner = walk(nested.steps, `${at}/${nested.field}`, nested.inline ? new Set([...available, step.id]) : available);
        if (nested.inline) for (const id of inner) after.add(id);
        else if (nested.field !== 'onError') for (const id of inner) body.add(id);
      }
      // A loop's update and until see the iteration's own steps.
      for (const field of fields.filter((one) => one.afterBody)) {
        problems.push(...mappingProblems(field.mapping, `${at}/${field.field}`, true, options, new Set([...available, ...body]), sites, templates, field.expression));
      }
      available.add(step.id);
      for (const id of after) available.add(id);
    });
    return available;
  };
  walk(definition.steps, '/steps', new Set());
  return problems;
}

function isRecord(value: unknown): value is Record<string, never> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasRequiredStrings(step: Step): boolean {
  return step.type !== 'action' || (typeof step.operation === 'string' && typeof step.connection === 'string');
}

function mappingProblems(
  mapping: Mapping,
  pointer: string,
  topLevel: boolean,
  options: ValidateOptions,
  available: ReadonlySet<string> | undefined,
  sites: ReadonlyMap<string, StepSite>,
  templates: Readonly<Record<string, Mapping>>,
  expressionOnly = false,
): ValidationProblem[] {
  if (expressionOnly && typeof mapping !== 'string') return [];
  const problems: ValidationProblem[] = [];
  for (const part of mappingParts(mapping, pointer, topLevel)) {
    if (part.kind === 'template') {
      if (!Object.hasOwn(templates, part.name)) {
        const closest = closestNames(part.name, Object.keys(templates), 1);
        problems.push({
          pointer: part.pointer,
          code: 'template.unknown',
          message: `No template named "${part.name}"`,
          ...(closest[0] ? { suggestion: `Did you mean "${closest[0]}"?` } : {}),
        });
      }
      continue;
    }
    problems.push(...expressionProblems(part.source, part.pointer, options, available, sites));
  }
  return problems;
}

function expressionProblems(
  source: string,
  pointer: string,
  options: ValidateOptions,
  available: ReadonlySet<string> | undefined,
  sites: ReadonlyMap<string, StepSite>,
): ValidationProblem[] {
  let ast: ExpressionNode;
  try {
    ast = options.expressions.compile(source, pointer).ast;
  } catch (error) {
    if (error instanceof ExpressionError) {
      return [{ pointer, code: error.code, message: error.message, ...(error.hint ? { suggestion: error.hint } : {}) }];
    }
    throw error;
  }
  const problems: ValidationProblem[] = [];
  for (const node of walkAst(ast)) {
    if ((node.type as string) === 'regex' && node.value instanceof RegExp) {
      const failure = Re2Regex.check(node.value);
      if (failure) {
        problems.push({
          pointer,
          code: 'expression.regex',
          message: `The regular expression /${node.value.source}/ cannot run safely: ${failure}`,
          suggestion: 'Look-around and back-references are not supported; rewrite without them.',
        });
      }
    }
    const referenced = stepReference(node);
    if (referenced === undefined || available === undefined || available.has(referenced)) continue;
    const site = sites.get(referenced);
    if (!site) {
      const closest = closestNames(referenced, sites.keys(), 1);
      problems.push({
        pointer,
        code: 'reference.unknown-step',
        message: `$steps.${referenced} refers to a step that does not exist`,
        ...(closest[0] ? { suggestion: `Did you mean $steps.${closest[0]}?` } : {}),
      });
    } else if (site.insideForEach !== undefined) {
      problems.push({
        pointer,
        code: 'reference.inside-for-each',
        message: `$steps.${referenced} is inside forEach "${site.insideForEach}" and has no single value here`,
        suggestion: `Use $steps.${site.insideForEach}[index].${referenced}, or move this mapping into the forEach.`,
      });
    } else {
      problems.push({
        pointer,
        code: 'reference.not-yet-run',
        message: `$steps.${referenced} cannot have run before this point (it is at ${site.pointer})`,
        suggestion: 'Only steps that come earlier on the way to this one can be referenced.',
      });
    }
  }
  return problems;
}

/** The step id of a `$steps.<id>` path node. */
function stepReference(node: ExpressionNode): string | undefined {
  if ((node.type as string) !== 'path' || !Array.isArray(node.steps)) return undefined;
  const [first, second] = node.steps;
  if (first?.type === 'variable' && first.value === 'steps' && second?.type === 'name' && typeof second.value === 'string') return second.value;
  return undefined;
}

function* walkAst(node: unknown): Generator<ExpressionNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walkAst(item);
    return;
  }
  if (node === null || typeof node !== 'object' || node instanceof RegExp) return;
  const candidate = node as ExpressionNode;
  if (typeof candidate.type === 'string') yield candidate;
  for (const value of Object.values(node)) {
    if (value !== null && typeof value === 'object') yield* walkAst(value);
  }
}
