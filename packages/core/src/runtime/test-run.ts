import { closestNames } from '../catalog/closest-names.js';
import { FlowlineError } from '../errors/flowline-error.js';
import { childPointer } from '../expressions/mapping.js';
import type { Step, WorkflowDefinition } from '../generated/workflow.js';
import type { ChosenBranch, RunTest } from '../store/records.js';
import { stepShape } from '../steps/step-shapes.js';

/** What a test run may set: a mocked output per action step, a chosen branch per `if` or `switch` step (both by step id or path). */
export interface TestRunOptions {
  readonly dryRun?: boolean;
  readonly mocks?: Readonly<Record<string, unknown>>;
  readonly branches?: Readonly<Record<string, ChosenBranch>>;
}

/** Every step of a definition by id, with its pointer (nested lists and onError steps included). */
function stepsById(definition: WorkflowDefinition): Map<string, { step: Step; pointer: string }> {
  const found = new Map<string, { step: Step; pointer: string }>();
  const visit = (list: readonly Step[], pointer: string) => {
    list.forEach((step, index) => {
      const at = childPointer(pointer, index);
      if (!found.has(step.id)) found.set(step.id, { step, pointer: at });
      for (const nested of stepShape(step).nested(step)) visit(nested.steps, `${at}/${nested.field}`);
      if ('onError' in step && Array.isArray(step.onError)) visit(step.onError, `${at}/onError`);
    });
  };
  visit(definition.steps, '/steps');
  return found;
}

/** The step a key of `mocks` or `branches` names: a step id, or a path such as `members[2].notify`. */
function stepOfKey(key: string): string {
  return key.replace(/\[\d+\]/g, '').split('.').at(-1) ?? key;
}

/** Why `value` is no branch `step` can take in a test run, with what to choose instead; undefined when it is one. */
function branchRefusal(step: Step, value: unknown): { message: string; hint: string } | undefined {
  if (step.type === 'if') {
    return value === 'then' || value === 'else' ? undefined : { message: `not "then" or "else"`, hint: 'Choose "then" or "else".' };
  }
  if (step.type === 'switch') {
    const count = Array.isArray(step.cases) ? step.cases.length : 0;
    const choices = `a case index from 0 to ${count - 1}${step.default ? ' or "default"' : ''}`;
    if (value === 'default') return step.default ? undefined : { message: `"default", but switch "${step.id}" has no default steps`, hint: `Choose ${choices}.` };
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count) return undefined;
    return { message: `not ${choices}`, hint: `Choose ${choices}.` };
  }
  return undefined;
}

function check(definition: WorkflowDefinition, option: 'mocks' | 'branches', entries: Readonly<Record<string, unknown>>, kinds: ReadonlyArray<Step['type']>): void {
  const steps = stepsById(definition);
  for (const [key, value] of Object.entries(entries)) {
    const at = childPointer(`/${option}`, key);
    const site = steps.get(stepOfKey(key));
    if (!site) {
      const closest = closestNames(stepOfKey(key), steps.keys());
      throw new FlowlineError('run.test-unknown-step', `The run option ${option} names "${key}", which is no step of workflow "${definition.id}"`, {
        pointer: at,
        hint: closest.length ? `Did you mean ${closest.map((id) => `"${id}"`).join(', ')}?` : 'Name a step by its id, or by its path inside a forEach (e.g. each[0].notify).',
      });
    }
    if (!kinds.includes(site.step.type)) {
      throw new FlowlineError('run.test-wrong-step', `The run option ${option} names "${key}", a ${site.step.type} step; ${option === 'mocks' ? 'only action and call steps can be mocked' : 'only if and switch steps have a branch to choose'}`, {
        pointer: site.pointer,
        hint: option === 'mocks' ? 'Mock the action steps whose answers the later steps depend on.' : 'Name an if or a switch step.',
      });
    }
    const refusal = option === 'branches' ? branchRefusal(site.step, value) : undefined;
    if (refusal) {
      throw new FlowlineError('run.test-bad-branch', `The branch chosen for "${key}" is ${JSON.stringify(value)}, ${refusal.message}`, { pointer: at, hint: refusal.hint });
    }
  }
}

/**
 * Checks a run's test options against its workflow, and gives what its record carries. Mocks and
 * chosen branches are for dry runs only: a live run would act on outputs that never happened.
 */
export function testOfRun(definition: WorkflowDefinition, options: TestRunOptions): RunTest | undefined {
  const { mocks, branches } = options;
  if (mocks === undefined && branches === undefined) return undefined;
  if (!options.dryRun) {
    throw new FlowlineError('run.test-needs-dry-run', `Mocked outputs and chosen branches are for dry runs only; workflow "${definition.id}" would run live`, {
      pointer: mocks !== undefined ? '/mocks' : '/branches',
      hint: 'Pass dryRun: true with mocks or branches.',
    });
  }
  if (mocks !== undefined) check(definition, 'mocks', mocks, ['action', 'call']);
  if (branches !== undefined) check(definition, 'branches', branches, ['if', 'switch']);
  return { ...(mocks === undefined ? {} : { mocks }), ...(branches === undefined ? {} : { branches }) };
}

/** The entry of `entries` for a step: by its path (e.g. `members[2].notify`) first, then by its id. */
export function testEntry<T>(entries: Readonly<Record<string, T>> | undefined, path: string, id: string): { readonly value: T } | undefined {
  if (entries === undefined) return undefined;
  if (Object.hasOwn(entries, path)) return { value: entries[path] as T };
  if (Object.hasOwn(entries, id)) return { value: entries[id] as T };
  return undefined;
}
