import type { Catalog } from '../catalog/catalog.js';
import { FlowlineError } from '../errors/flowline-error.js';
import type { Mapping, WorkflowDefinition } from '../generated/workflow.js';
import { runNode, triggerNode } from './fixed-nodes.js';
import { existingDepth, pointerOf, pointerTokens } from './json-pointer.js';
import { schemaNode, sampleNode } from './schema-node.js';
import { entryState, fieldState, isStep, nestedLists, rootNodes, START, throughList, type FlowContext, type FlowState } from './scope-flow.js';
import { asPossible, type ScopeNode } from './scope-node.js';

export interface ScopeAtOptions {
  /** Where the trigger's payload schema and the actions' output schemas and samples come from. */
  readonly catalog: Catalog;
  /** The host's non-secret configuration: its keys and values are listed under `$config`. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** The host's templates, for `$use` in `set` values (the workflow's own come first). */
  readonly templates?: Readonly<Record<string, Mapping>>;
  /** Levels listed below each top name (`$event` is level 0); deeper values are marked `more`. Default 8. */
  readonly maxDepth?: number;
}

/** What is in scope at one point of a workflow. */
export interface ScopeAt {
  readonly pointer: string;
  /** `$event`, `$trigger`, `$config`, `$run`, `$steps`, `$vars`, then `$item`/`$index` inside a forEach body, `$cursor`/`$iteration` inside a loop and `$error` inside onError steps. */
  readonly names: readonly ScopeNode[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function eventNode(definition: WorkflowDefinition, options: ScopeAtOptions, maxDepth: number): ScopeNode {
  const id = isRecord(definition.trigger) && typeof definition.trigger.operation === 'string' ? definition.trigger.operation : undefined;
  const operation = id === undefined ? undefined : options.catalog.describe(id);
  const place = { name: '$event', path: '$event', certain: true, depth: 0 };
  if (!operation) return { ...place, type: 'any', description: 'The trigger\'s payload (the trigger operation is not in the catalog).' };
  const node = operation.input ? schemaNode(operation.input, operation.input, operation.sample, place, maxDepth) : sampleNode(operation.sample, place, maxDepth);
  return { ...node, title: operation.title, description: operation.description ?? 'The trigger\'s payload.' };
}

function configNode(config: Readonly<Record<string, unknown>> | undefined, maxDepth: number): ScopeNode {
  const description = 'The host\'s non-secret configuration.';
  if (config === undefined) return { name: '$config', path: '$config', type: 'object', certain: true, description: `${description} (Its keys are listed when options.config is given.)`, children: [] };
  return { ...sampleNode(config, { name: '$config', path: '$config', certain: true, depth: 0 }, maxDepth), description };
}

/** The state at the point `tokens` names inside a step list (the tokens after the list's own pointer). */
function stateIn(list: readonly unknown[], tokens: readonly string[], state: FlowState, context: FlowContext): FlowState {
  const [index, ...inside] = tokens;
  if (index === undefined) return state;
  const before = throughList(list, state, context, Number(index));
  const step = list[Number(index)];
  if (inside.length === 0 || !isStep(step)) return before;
  // A nested list's field is its pointer below the step: `then`, or a switch case's `cases/2/steps`.
  const nested = nestedLists(step).find((entry) => {
    const fieldTokens = entry.field.split('/');
    return fieldTokens.every((token, at) => inside[at] === token);
  });
  if (!nested) return inside[0] === undefined ? before : fieldState(step, inside[0], before, context);
  return stateIn(nested.steps, inside.slice(nested.field.split('/').length), entryState(step, nested.field, before, context), context);
}

/**
 * What is in scope at a point of a workflow, as a builder's data picker shows it: the trigger's
 * payload (`$event`, from the catalog's schema and sample), `$trigger`, `$config`, `$run`, the
 * outputs of the steps that certainly or possibly ran before the point (`$steps.<id>`), the
 * variables set so far (`$vars`), and `$item`/`$index` inside a forEach body and `$error` inside
 * onError steps. A value set on only some ways to the point (one branch of an `if`, a step that
 * may have failed) is marked as not certain.
 *
 * `pointer` is a JSON pointer into the definition, e.g. `/steps/3/input/body/title`; at a step or
 * inside it, the step's own output is not yet in scope. Inside `/trigger` only `$event`,
 * `$trigger` and `$config` are (the filter's names); inside `/templates` everything any step may
 * have set, none of it certain, as a template can be used anywhere. Throws a FlowlineError
 * (`scope.pointer-not-found`, `scope.bad-pointer`) when the pointer names nothing in the definition.
 */
export function scopeAt(definition: WorkflowDefinition, pointer: string, options: ScopeAtOptions): ScopeAt {
  if (!isRecord(definition)) {
    throw new FlowlineError('scope.bad-definition', 'The workflow definition is not an object', { pointer: '', hint: 'Give the workflow definition as parsed JSON.' });
  }
  const tokens = pointerTokens(pointer);
  const found = existingDepth(definition, tokens);
  if (found < tokens.length) {
    const nearest = pointerOf(tokens, found);
    throw new FlowlineError('scope.pointer-not-found', `Nothing is at ${pointer} in workflow "${String(definition.id)}" (it has nothing at ${pointerOf(tokens, found + 1)})`, {
      pointer,
      hint: `Give the pointer of a place in this definition, e.g. /steps/0/input; the nearest that exists is ${nearest === '' ? 'the whole workflow ("")' : nearest}.`,
    });
  }
  const maxDepth = options.maxDepth ?? 8;
  const event = eventNode(definition, options, maxDepth);
  const trigger = triggerNode(isRecord(definition.trigger) ? String(definition.trigger.operation) : '');
  const config = configNode(options.config, maxDepth);
  if (tokens[0] === 'trigger') return { pointer, names: [event, trigger, config] };

  const context: FlowContext = {
    catalog: options.catalog,
    templates: { ...options.templates, ...(isRecord(definition.templates) ? (definition.templates as Record<string, Mapping>) : {}) },
    maxDepth,
    fixed: [event, trigger, config, runNode(typeof definition.id === 'string' ? definition.id : undefined)],
  };
  const steps: readonly unknown[] = Array.isArray(definition.steps) ? definition.steps : [];
  if (tokens[0] === 'templates') {
    const end = throughList(steps, START, context);
    const names = rootNodes({ ...end, ended: false }, context).map((node) => (node.path === '$steps' || node.path === '$vars' ? { ...node, children: node.children?.map(asPossible) ?? [] } : node));
    return { pointer, names };
  }
  const state = tokens[0] === 'steps' ? stateIn(steps, tokens.slice(1), START, context) : START;
  return { pointer, names: rootNodes(state, context) };
}
