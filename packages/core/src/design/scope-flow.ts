import type { Catalog } from '../catalog/catalog.js';
import type { ForEachStep, LoopStep, Mapping, Step } from '../generated/workflow.js';
import { STEP_SHAPES } from '../steps/step-shapes.js';
import { errorNode, failedStepNode } from './fixed-nodes.js';
import { mappingNode } from './mapping-node.js';
import { schemaNode, sampleNode } from './schema-node.js';
import { mergeBindings } from './scope-merge.js';
import { findNode, memberPath, repath, type ScopeNode } from './scope-node.js';

/** What a walk through a definition needs besides the steps. */
export interface FlowContext {
  readonly catalog: Catalog;
  readonly templates: Readonly<Record<string, Mapping>>;
  readonly maxDepth: number;
  /** `$event`, `$trigger`, `$config`, `$run`: the same everywhere in a run. */
  readonly fixed: readonly ScopeNode[];
}

/** What is set at one point of a run: step outputs, variables, forEach locals, and whether `$error` is bound. */
export interface FlowState {
  readonly steps: ReadonlyMap<string, ScopeNode>;
  readonly vars: ReadonlyMap<string, ScopeNode>;
  readonly locals: ReadonlyMap<string, ScopeNode>;
  readonly error: ScopeNode | undefined;
  /** No way leads past here (a `fail` or `succeed` came first). */
  readonly ended: boolean;
}

export const START: FlowState = { steps: new Map(), vars: new Map(), locals: new Map(), error: undefined, ended: false };

/** A list entry that looks enough like a step to follow (definitions being edited may be incomplete). */
export function isStep(value: unknown): value is Step {
  if (value === null || typeof value !== 'object') return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'string' && typeof type === 'string' && Object.hasOwn(STEP_SHAPES, type);
}

/** The step lists nested in a step, by field: `then`, `else`, `steps` (forEach) and `onError`; `inline` as in StepShape. */
export function nestedLists(step: Step): Array<{ field: string; steps: readonly unknown[]; inline: boolean }> {
  const lists = STEP_SHAPES[step.type].nested(step as never).filter((entry) => Array.isArray(entry.steps));
  const onError = 'onError' in step ? step.onError : undefined;
  return Array.isArray(onError) ? [...lists, { field: 'onError', steps: onError, inline: true }] : lists;
}

/** Every name in scope in a state, as a data picker lists them. */
export function rootNodes(state: FlowState, context: FlowContext): ScopeNode[] {
  const group = (name: string, description: string, children: Iterable<ScopeNode>): ScopeNode => ({ name, path: name, type: 'object', certain: true, description, children: [...children] });
  return [
    ...context.fixed,
    group('$steps', 'Outputs of the steps that ran before this point.', state.steps.values()),
    group('$vars', 'Variables bound by set steps.', state.vars.values()),
    ...state.locals.values(),
    ...(state.error ? [state.error] : []),
  ];
}

function withStep(state: FlowState, id: string, node: ScopeNode | undefined): FlowState {
  if (!node) return state;
  return { ...state, steps: new Map([...state.steps, [id, node]]) };
}

function merge(a: FlowState, b: FlowState): FlowState {
  if (a.ended) return b;
  if (b.ended) return a;
  return { ...a, steps: mergeBindings(a.steps, b.steps), vars: mergeBindings(a.vars, b.vars) };
}

const stepPath = (id: string) => memberPath('$steps', id);
const SIMPLE_PATH = /^\$[A-Za-z_]\w*(?:\.(?:[A-Za-z_]\w*|`[^`]+`))*$/;

/** The node a simple path expression (`$event.data.items`) names in a state, if it names one. */
function lookup(source: string, state: FlowState, context: FlowContext): ScopeNode | undefined {
  const path = source.replace(/^=/, '').trim();
  return SIMPLE_PATH.test(path) ? findNode(rootNodes(state, context), path) : undefined;
}

/** What `$steps.<id>` holds after the step succeeded. */
function outputNode(step: Step, state: FlowState, context: FlowContext, forEachBody?: FlowState): ScopeNode | undefined {
  const place = { name: step.id, path: stepPath(step.id), certain: true };
  const named = (node: ScopeNode, title: string | undefined): ScopeNode => ({
    ...node,
    ...(step.name ?? title ? { title: step.name ?? title } : {}),
    ...(step.description ? { description: step.description } : {}),
  });
  switch (step.type) {
    case 'action': {
      const operation = typeof step.operation === 'string' ? context.catalog.describe(step.operation) : undefined;
      if (!operation) return named({ ...place, type: 'any' }, undefined);
      const node = operation.output
        ? schemaNode(operation.output, operation.output, operation.sampleOutput, { ...place, depth: 1 }, context.maxDepth)
        : sampleNode(operation.sampleOutput, { ...place, depth: 1 }, context.maxDepth);
      return named({ ...node, description: operation.description ?? node.description ?? '' }, operation.title);
    }
    case 'if':
      return named({ ...place, type: 'boolean', description: 'Whether the condition was true (the then list ran).' }, undefined);
    case 'switch':
      return named({ ...place, type: 'any', nullable: true, description: 'The index of the case that ran (from 0), "default", or null when none did.' }, undefined);
    case 'delay': {
      const until: ScopeNode = { name: 'until', path: memberPath(place.path, 'until'), type: 'string', certain: true, description: 'The ISO time the delay waited for.' };
      return named({ ...place, type: 'object', description: 'When the delay went on.', children: [until] }, undefined);
    }
    case 'set':
      return named(mappingNode(step.value, place, { lookup: (source) => lookup(source, state, context), templates: context.templates }), undefined);
    case 'forEach': {
      const item = { name: '[0]', path: `${place.path}[0]`, type: 'object' as const, certain: false, description: 'The outputs of one item\'s steps.' };
      const own = [...(forEachBody?.steps ?? new Map<string, ScopeNode>())].filter(([id]) => !state.steps.has(id));
      const children = own.map(([id, node]) => repath(node, memberPath(item.path, id), id));
      return named({ ...place, type: 'array', description: 'One object per item, with that item\'s step outputs.', items: { ...item, children } }, undefined);
    }
    case 'call':
      return named({ ...place, type: 'any', description: `The output of workflow "${String(step.workflow)}": its succeed step's output, else its steps' outputs by id.` }, undefined);
    case 'loop': {
      const cursor = cursorNode(step, state, context, memberPath(place.path, 'cursor'), 'cursor');
      const iterations: ScopeNode = { name: 'iterations', path: memberPath(place.path, 'iterations'), type: 'integer', certain: true, description: 'How many iterations ran.' };
      return named({ ...place, type: 'object', description: 'The iterations that ran and the last cursor.', children: [iterations, cursor] }, undefined);
    }
    default:
      return undefined;
  }
}

/** A loop's cursor as its init mapping shapes it (any, without one). */
function cursorNode(step: LoopStep, state: FlowState, context: FlowContext, path: string, name: string): ScopeNode {
  const description = 'The loop\'s cursor: init at first, then what update made of it.';
  if (step.init === undefined) return { name, path, type: 'any', certain: true, description };
  const node = mappingNode(step.init, { name, path, certain: true }, { lookup: (source) => lookup(source, state, context), templates: context.templates });
  return { ...node, certain: true, description };
}

/** The state inside a loop body: `$cursor` (or `$<as>`) and `$iteration` bound, no `$error`. */
function loopBodyState(step: LoopStep, state: FlowState, context: FlowContext): FlowState {
  const name = `$${typeof step.as === 'string' ? step.as : 'cursor'}`;
  const iteration: ScopeNode = { name: '$iteration', path: '$iteration', type: 'integer', certain: true, description: 'The iteration, from 0.' };
  const locals = new Map([...state.locals, [name, cursorNode(step, state, context, name, name)], ['$iteration', iteration]]);
  return { ...state, locals, error: undefined };
}

/** The state inside a forEach body: `$item` (or `$<as>`) and `$index` bound, no `$error`. */
function bodyState(step: ForEachStep, state: FlowState, context: FlowContext): FlowState {
  const name = `$${step.as ?? 'item'}`;
  const over = typeof step.over === 'string' ? lookup(step.over, state, context) : undefined;
  const items = over?.items ?? (over && over.type !== 'array' ? over : undefined);
  const item: ScopeNode = items ? { ...repath(items, name, name), certain: true } : { name, path: name, type: 'any', certain: true };
  const index: ScopeNode = { name: '$index', path: '$index', type: 'integer', certain: true, description: 'The item\'s position, from 0.' };
  const locals = new Map([...state.locals, [name, { ...item, description: item.description ?? 'The item this run of the body is for.' }], ['$index', index]]);
  return { ...state, locals, error: undefined };
}

/**
 * The state a field of a step itself is evaluated in, when it differs from the state before the step:
 * a loop's `while` sees `$cursor` and `$iteration`, its `update` and `until` the iteration's steps too.
 */
export function fieldState(step: Step, field: string, state: FlowState, context: FlowContext): FlowState {
  if (step.type !== 'loop' || !['while', 'update', 'until'].includes(field)) return state;
  const inside = loopBodyState(step, state, context);
  return field === 'while' ? inside : throughList(Array.isArray(step.steps) ? step.steps : [], inside, context);
}

/** The state at the start of a step's nested list `field`. */
export function entryState(step: Step, field: string, state: FlowState, context: FlowContext): FlowState {
  if (field === 'onError') return { ...withStep(state, step.id, failedStepNode(step.id, stepPath(step.id))), error: errorNode('$error', '$error', true) };
  if (step.type === 'forEach') return bodyState(step, state, context);
  if (step.type === 'loop') return loopBodyState(step, state, context);
  const output = outputNode(step, state, context);
  if (step.type === 'if' && output) return withStep(state, step.id, { ...output, sample: field === 'then' });
  if (step.type === 'switch' && output) {
    const index = /^cases\/(\d+)\/steps$/.exec(field)?.[1];
    return withStep(state, step.id, { ...output, type: index === undefined ? 'string' : 'integer', nullable: false, sample: index === undefined ? 'default' : Number(index) });
  }
  return withStep(state, step.id, output);
}

/** The state after a list's first `count` steps (all of them by default). */
export function throughList(list: readonly unknown[], state: FlowState, context: FlowContext, count = list.length): FlowState {
  let at = state;
  for (const step of list.slice(0, count)) if (isStep(step)) at = afterStep(step, at, context);
  return at;
}

function afterSuccess(step: Step, state: FlowState, context: FlowContext): FlowState {
  if (step.type === 'if') {
    const then = throughList(Array.isArray(step.then) ? step.then : [], entryState(step, 'then', state, context), context);
    const otherwise = Array.isArray(step.else) ? throughList(step.else, entryState(step, 'else', state, context), context) : entryState(step, 'else', state, context);
    return merge(then, otherwise);
  }
  if (step.type === 'switch') {
    // Every case's list and the default, or, without a default, the way where no case was true.
    const lists = nestedLists(step);
    const ends = lists.map((entry) => throughList(entry.steps, entryState(step, entry.field, state, context), context));
    const output = outputNode(step, state, context);
    const none = Array.isArray(step.default) ? [] : [withStep(state, step.id, output && { ...output, sample: null })];
    const [first, ...rest] = [...ends, ...none];
    return first ? rest.reduce(merge, first) : withStep(state, step.id, output);
  }
  if (step.type === 'forEach') {
    const body = throughList(Array.isArray(step.steps) ? step.steps : [], bodyState(step, state, context), context);
    return withStep(state, step.id, outputNode(step, state, context, body));
  }
  if (step.type === 'loop') {
    throughList(Array.isArray(step.steps) ? step.steps : [], loopBodyState(step, state, context), context);
    return withStep(state, step.id, outputNode(step, state, context));
  }
  const output = outputNode(step, state, context);
  const after = withStep(state, step.id, output);
  if (step.type === 'set' && output && typeof step.var === 'string') {
    const name = memberPath('$vars', step.var);
    return { ...after, vars: new Map([...after.vars, [step.var, repath(output, name, step.var)]]) };
  }
  return after;
}

/** The state after a step, for the next step of its list: every way through it merged. */
export function afterStep(step: Step, state: FlowState, context: FlowContext): FlowState {
  if (state.ended) return state;
  if (step.type === 'fail' || step.type === 'succeed') return { ...state, ended: true };
  const succeeded = afterSuccess(step, state, context);
  const onError = 'onError' in step ? step.onError : undefined;
  if (onError === 'continue') return merge(succeeded, withStep(state, step.id, failedStepNode(step.id, stepPath(step.id))));
  if (Array.isArray(onError)) {
    const fallback = throughList(onError, entryState(step, 'onError', state, context), context);
    return merge(succeeded, { ...fallback, error: state.error });
  }
  return succeeded;
}
