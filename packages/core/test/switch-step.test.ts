import { describe, expect, it } from 'vitest';
import { createMemoryStore, FlowlineError, type CompletedRun, type StepRecord } from '../src/index.js';
import { createCatalog, scopeAt, type ScopeNode, type WorkflowDefinition } from '../src/design/index.js';
import { catalogOperations } from '../../connectors/src/catalog/catalog-operations.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const save = (id: string, input: Record<string, unknown> = { at: id }) => ({ id, type: 'action', operation: 'shop.save', connection: 'main', input });
const set = (id: string, name: string, value: unknown) => ({ id, type: 'set', var: name, value });

/** A switch on the customer's first name (Ann in customerEvent): cases Bob, Ann, then anything. */
const byName = (extra: Record<string, unknown> = {}) => ({
  id: 'route',
  type: 'switch',
  cases: [
    { when: '$event.data.firstName = "Bob"', steps: [save('bob')] },
    { when: '$event.data.firstName = "Ann"', steps: [save('ann'), save('annAgain')] },
    { when: 'true', steps: [save('anyone')] },
  ],
  default: [save('nobody')],
  ...extra,
});

const step = (run: CompletedRun, id: string): StepRecord | undefined => run.steps.find((record) => record.stepId === id);

async function refusal(promise: Promise<unknown>): Promise<FlowlineError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(FlowlineError);
  return error as FlowlineError;
}

describe('switch: running', () => {
  it('runs the steps of the first case whose condition is true, then the step after the switch', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(workflow([byName(), save('after')]), customerEvent());
    expect(run.status).toBe('succeeded');
    expect(connector.calls.map((call) => call.input)).toEqual([{ at: 'ann' }, { at: 'annAgain' }, { at: 'after' }]);
  });

  it('outputs the index of the case that ran, as $steps.<id>', async () => {
    const { engine } = testEngine({ save: echo });
    const run = await engine.run(workflow([byName(), set('which', 'which', '$steps.route')]), customerEvent());
    expect(step(run, 'route')).toMatchObject({ status: 'succeeded', output: 1 });
    expect(step(run, 'which')?.output).toBe(1);
  });

  it('does not evaluate the conditions after the first true one', async () => {
    const { engine } = testEngine({ save: echo });
    const definition = workflow([{ id: 'route', type: 'switch', cases: [{ when: 'true', steps: [save('first')] }, { when: '$error("never evaluated")', steps: [save('second')] }] }]);
    const run = await engine.run(definition, customerEvent());
    expect(run.status).toBe('succeeded');
    expect(step(run, 'route')?.output).toBe(0);
  });

  it('runs the default steps when no condition is true, and outputs "default"', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(workflow([byName({ cases: [{ when: '$event.data.firstName = "Bob"', steps: [save('bob')] }] })]), customerEvent());
    expect(connector.calls.map((call) => call.input)).toEqual([{ at: 'nobody' }]);
    expect(step(run, 'route')?.output).toBe('default');
  });

  it('goes on with the next step, outputting null, when no condition is true and there is no default', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const definition = workflow([{ id: 'route', type: 'switch', cases: [{ when: 'false', steps: [save('never')] }] }, save('after')]);
    const run = await engine.run(definition, customerEvent());
    expect(run.status).toBe('succeeded');
    expect(connector.calls.map((call) => call.input)).toEqual([{ at: 'after' }]);
    expect(step(run, 'route')?.output).toBeNull();
    expect(step(run, 'never')).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
  });

  it('reports the first step of every case not taken, and of the default, as skipped', async () => {
    const { engine } = testEngine({ save: echo });
    const run = await engine.run(workflow([byName()]), customerEvent());
    for (const id of ['bob', 'anyone', 'nobody']) expect(step(run, id), id).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
    expect(step(run, 'ann')?.status).toBe('succeeded');
  });

  it('takes JSONata truthiness as an if does: a non-empty string or array is true, 0 and "" are not', async () => {
    const { engine } = testEngine({ save: echo });
    const definition = workflow([{ id: 'route', type: 'switch', cases: [{ when: '0', steps: [save('zero')] }, { when: '""', steps: [save('empty')] }, { when: '$event.data.tags', steps: [save('tags')] }] }]);
    expect(step(await engine.run(definition, customerEvent()), 'route')?.output).toBe(2);
  });

  it('fails the step when a condition fails, at the condition\'s pointer, and its onError applies', async () => {
    const { engine } = testEngine({ save: echo });
    const failing = { id: 'route', type: 'switch', cases: [{ when: 'false', steps: [save('a')] }, { when: '$number("x") > 1', steps: [save('b')] }] };
    const failed = await engine.run(workflow([failing]), customerEvent());
    expect(failed).toMatchObject({ status: 'failed', failedStep: 'route', error: { code: 'expression.evaluation', pointer: '/steps/0/cases/1/when' } });
    const continued = await engine.run(workflow([{ ...failing, onError: 'continue' }, save('after')]), customerEvent());
    expect(continued.status).toBe('succeeded');
    expect(step(continued, 'after')?.status).toBe('succeeded');
  });

  it('ends the run from inside a case with succeed or fail', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const ending = (type: 'succeed' | 'fail') => workflow([{ id: 'route', type: 'switch', cases: [{ when: 'true', steps: [{ id: 'end', type, ...(type === 'fail' ? { message: 'stopped' } : {}) }] }] }, save('after')]);
    expect((await engine.run(ending('succeed'), customerEvent())).status).toBe('succeeded');
    expect((await engine.run(ending('fail'), customerEvent())).status).toBe('failed');
    expect(connector.calls).toEqual([]);
  });

  it('runs inside a forEach body, per item', async () => {
    const { engine } = testEngine({ save: echo });
    const definition = workflow([{ id: 'each', type: 'forEach', over: '$event.data.tags', steps: [{ id: 'route', type: 'switch', cases: [{ when: '$item = "a"', steps: [save('isA')] }], default: [save('notA')] }] }]);
    const run = await engine.run(definition, customerEvent());
    expect(run.steps.filter((record) => record.stepId === 'route').map((record) => [record.path, record.output])).toEqual([['each[0].route', 0], ['each[1].route', 'default']]);
  });

  it('resumes a run that stopped inside a case from its snapshot, without evaluating the conditions or redoing the case\'s earlier steps', async () => {
    const store = createMemoryStore();
    const definition = workflow([byName(), save('after')]);
    let started!: () => void;
    const annAgainStarted = new Promise<void>((resolve) => (started = resolve));
    const hanging = {
      run: (input: unknown) => {
        if ((input as { at?: string }).at === 'annAgain') {
          started();
          return new Promise(() => {});
        }
        return input;
      },
    };
    const crashed = testEngine({ save: hanging }, { store });
    crashed.engine.deploy(definition);
    void crashed.engine.submit({ ...customerEvent(), id: 'evt-1' });
    await annAgainStarted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [unfinished] = await store.listRuns({ status: 'running' });
    expect(unfinished).toBeDefined();

    const restarted = testEngine({ save: echo }, { store });
    restarted.engine.deploy(definition);
    const [resumed] = await restarted.engine.resume();
    expect(resumed).toMatchObject({ id: unfinished?.id, status: 'succeeded' });
    expect(restarted.connector.calls.map((call) => call.input)).toEqual([{ at: 'annAgain' }, { at: 'after' }]);
    const steps = await store.listSteps(unfinished?.id as string);
    expect(steps.filter((record) => record.stepId === 'route')).toHaveLength(1);
  });
});

describe('switch: validation, with pointers', () => {
  const { engine } = testEngine({ save: echo });
  const problemsOf = (definition: unknown) => engine.validate(definition).problems;

  it('accepts a switch with cases and a default', () => {
    expect(problemsOf(workflow([byName()]))).toEqual([]);
  });

  it('points at the condition of a case with a JSONata syntax error', () => {
    const definition = workflow([byName({ cases: [{ when: 'true', steps: [save('a')] }, { when: '$event.data.(', steps: [save('b')] }] })]);
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ pointer: '/steps/0/cases/1/when', code: 'expression.syntax' })]);
  });

  it('reports a step id used in two cases, at the second', () => {
    const definition = workflow([byName({ cases: [{ when: 'true', steps: [save('same')] }, { when: 'false', steps: [save('same')] }] })]);
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ pointer: '/steps/0/cases/1/steps/0/id', code: 'step.duplicate-id' })]);
  });

  it('reports a step id of a case used again after the switch', () => {
    expect(problemsOf(workflow([byName(), save('ann')]))).toEqual([expect.objectContaining({ pointer: '/steps/1/id', code: 'step.duplicate-id' })]);
  });

  it('lets the steps after the switch read the steps of its cases, and the cases read the switch\'s output, as an if\'s branches', () => {
    const definition = workflow([byName({ default: [save('nobody', { which: '=$steps.route' })] }), save('after', { ann: '=$steps.ann', nobody: '=$steps.nobody', which: '=$steps.route' })]);
    expect(problemsOf(definition)).toEqual([]);
  });

  it('refuses a reference from one case to a step of another, which cannot have run', () => {
    const definition = workflow([byName({ cases: [{ when: 'true', steps: [save('first')] }, { when: 'true', steps: [save('second', { x: '=$steps.first' })] }] })]);
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ pointer: '/steps/0/cases/1/steps/0/input/x', code: 'reference.not-yet-run' })]);
  });

  it('refuses a condition that reads the switch\'s own output or a step of its cases', () => {
    const definition = workflow([byName({ cases: [{ when: '$steps.route = 0', steps: [save('a')] }, { when: '$exists($steps.a)', steps: [save('b')] }] })]);
    expect(problemsOf(definition)).toEqual([
      expect.objectContaining({ pointer: '/steps/0/cases/0/when', code: 'reference.not-yet-run' }),
      expect.objectContaining({ pointer: '/steps/0/cases/1/when', code: 'reference.not-yet-run' }),
    ]);
  });

  it('points at what the schema refuses: no cases, no case, a case without a condition or steps, an unknown member', () => {
    expect(problemsOf(workflow([{ id: 'route', type: 'switch' }]))).toEqual([expect.objectContaining({ pointer: '/steps/0', code: 'schema.required', message: expect.stringContaining('"cases"') })]);
    expect(problemsOf(workflow([{ id: 'route', type: 'switch', cases: [] }]))).toEqual([expect.objectContaining({ pointer: '/steps/0/cases', code: 'schema.minItems' })]);
    expect(problemsOf(workflow([{ id: 'route', type: 'switch', cases: [{ steps: [save('a')] }] }]))).toEqual([expect.objectContaining({ pointer: '/steps/0/cases/0', code: 'schema.required', message: expect.stringContaining('"when"') })]);
    expect(problemsOf(workflow([{ id: 'route', type: 'switch', cases: [{ when: 'true', steps: [] }] }]))).toEqual([expect.objectContaining({ pointer: '/steps/0/cases/0/steps', code: 'schema.minItems' })]);
    expect(problemsOf(workflow([{ id: 'route', type: 'switch', cases: [{ when: 'true', then: [save('a')], steps: [save('b')] }] }]))).toEqual([expect.objectContaining({ pointer: '/steps/0/cases/0/then', code: 'schema.unknown-property' })]);
  });

  it('checks what it can of a switch being edited, whose cases are not all cases yet', () => {
    const problems = problemsOf(workflow([{ id: 'route', type: 'switch', cases: [null, { when: '$event.data.(', steps: [save('a')] }] }]));
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/steps/0/cases/1/when', code: 'expression.syntax' })]));
  });
});

describe('switch: test runs choose a case', () => {
  const { engine } = testEngine({ save: echo });

  it('runs the case chosen by its index in a dry run, without evaluating the conditions, and records that it was chosen', async () => {
    const run = await engine.run(workflow([byName({ cases: [{ when: '$error("not evaluated")', steps: [save('first')] }, { when: 'true', steps: [save('second')] }] })]), customerEvent(), { dryRun: true, branches: { route: 0 } });
    expect(run.status).toBe('succeeded');
    expect(step(run, 'route')).toMatchObject({ output: 0, test: { branch: 0 } });
    expect(step(run, 'first')?.status).toBe('succeeded');
    expect(step(run, 'second')).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
  });

  it('runs the default steps when "default" is chosen', async () => {
    const run = await engine.run(workflow([byName()]), customerEvent(), { dryRun: true, branches: { route: 'default' } });
    expect(step(run, 'route')).toMatchObject({ output: 'default', test: { branch: 'default' } });
    expect(step(run, 'nobody')?.status).toBe('succeeded');
    expect(step(run, 'ann')?.status).toBe('skipped');
  });

  it('refuses a case index the switch does not have, naming the choices', async () => {
    const error = await refusal(engine.run(workflow([byName()]), customerEvent(), { dryRun: true, branches: { route: 3 } }));
    expect(error).toMatchObject({ code: 'run.test-bad-branch', pointer: '/branches/route' });
    expect(error.hint).toBe('Choose a case index from 0 to 2 or "default".');
  });

  it('refuses "default" for a switch without default steps, and then or else for a switch', async () => {
    const withoutDefault = workflow([{ id: 'route', type: 'switch', cases: [{ when: 'true', steps: [save('a')] }] }]);
    expect(await refusal(engine.run(withoutDefault, customerEvent(), { dryRun: true, branches: { route: 'default' } }))).toMatchObject({ code: 'run.test-bad-branch', message: expect.stringContaining('has no default steps') });
    expect(await refusal(engine.run(withoutDefault, customerEvent(), { dryRun: true, branches: { route: 'then' } }))).toMatchObject({ code: 'run.test-bad-branch', hint: 'Choose a case index from 0 to 0.' });
  });

  it('refuses a case index for an if step', async () => {
    const definition = workflow([{ id: 'check', type: 'if', condition: 'true', then: [save('a')] }]);
    expect(await refusal(engine.run(definition, customerEvent(), { dryRun: true, branches: { check: 0 } }))).toMatchObject({ code: 'run.test-bad-branch', pointer: '/branches/check' });
  });
});

describe('switch: scopeAt', () => {
  const catalog = createCatalog(catalogOperations);
  const linkGet = (id: string) => ({ id, type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'n', from: '=$event.data.id' } });
  const definition = (steps: unknown[]) => ({ id: 'scope', name: 'Scope', version: 1, trigger: { operation: 'pushpress.customer.created' }, steps }) as unknown as WorkflowDefinition;
  const find = (names: readonly ScopeNode[], path: string): ScopeNode | undefined => {
    for (const node of names) {
      if (node.path === path) return node;
      const inner = find([...(node.children ?? []), ...(node.items ? [node.items] : [])], path);
      if (inner) return inner;
    }
    return undefined;
  };
  const flow = definition([
    linkGet('before'),
    {
      id: 'route',
      type: 'switch',
      cases: [
        { when: '$steps.before.found', steps: [set('a', 'every', 1), set('onlyFirst', 'some', true), linkGet('inFirst')] },
        { when: 'true', steps: [set('b', 'every', 2), linkGet('inSecond')] },
      ],
      default: [set('c', 'every', 3)],
    },
    linkGet('after'),
  ]);

  it('gives the steps before the switch, and not its own output, at a case\'s condition', () => {
    const { names } = scopeAt(flow, '/steps/1/cases/1/when', { catalog });
    expect(find(names, '$steps')?.children?.map((node) => node.name)).toEqual(['before']);
  });

  it('gives the switch\'s output inside a case, as the index of that case', () => {
    const { names } = scopeAt(flow, '/steps/1/cases/1/steps/1/input', { catalog });
    expect(find(names, '$steps.route')).toMatchObject({ type: 'integer', certain: true, sample: 1 });
    expect(find(names, '$steps.b')).toMatchObject({ certain: true });
    expect(find(names, '$steps.a')).toBeUndefined();
    expect(find(names, '$steps.before.found')).toMatchObject({ type: 'boolean', certain: true });
  });

  it('gives "default" as the switch\'s output inside the default steps', () => {
    const { names } = scopeAt(flow, '/steps/1/default/0/value', { catalog });
    expect(find(names, '$steps.route')).toMatchObject({ type: 'string', sample: 'default' });
  });

  it('after the switch, makes what every way sets certain and what one case sets possible', () => {
    const { names } = scopeAt(flow, '/steps/2/input', { catalog });
    expect(find(names, '$vars.every')).toMatchObject({ type: 'integer', certain: true });
    expect(find(names, '$vars.some')).toMatchObject({ certain: false });
    expect(find(names, '$steps.inFirst')).toMatchObject({ certain: false });
    expect(find(names, '$steps.inSecond.found')).toMatchObject({ certain: false });
    // A case index or "default": never null, as there is a default.
    expect(find(names, '$steps.route')).toMatchObject({ type: 'any', certain: true });
    expect(find(names, '$steps.route')?.nullable).toBeFalsy();
  });

  it('after a switch without default, makes a variable every case sets only possible: no case may have run', () => {
    const withoutDefault = definition([{ id: 'route', type: 'switch', cases: [{ when: 'true', steps: [set('a', 'every', 1)] }, { when: 'false', steps: [set('b', 'every', 2)] }] }, linkGet('after')]);
    const { names } = scopeAt(withoutDefault, '/steps/1/input', { catalog });
    expect(find(names, '$vars.every')).toMatchObject({ certain: false });
    expect(find(names, '$steps.route')).toMatchObject({ certain: true, nullable: true });
  });
});
