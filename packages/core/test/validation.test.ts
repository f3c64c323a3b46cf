import { describe, expect, it } from 'vitest';
import { WorkflowValidationError } from '../src/index.js';
import { echo, testEngine, workflow } from './fixtures.js';

const { engine } = testEngine({ save: echo, 'save-contact': echo });
const action = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'action', operation: 'shop.save', connection: 'main', ...extra });

function problemsOf(definition: unknown) {
  return engine.validate(definition).problems;
}

describe('workflow validation', () => {
  it('accepts a valid workflow', () => {
    expect(engine.validate(workflow([action('a')]))).toEqual({ valid: true, problems: [] });
  });

  it('reports every problem at once, each with a JSON pointer', () => {
    const problems = problemsOf({
      id: 'Bad Id',
      name: 'x',
      version: 0,
      trigger: { operation: 'shop.customer.created' },
      steps: [action('a', { extra: 1 }), { id: 'b', type: 'action', connection: 'main' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/id', code: 'schema.pattern' }),
        expect.objectContaining({ pointer: '/version', code: 'schema.minimum' }),
        expect.objectContaining({ pointer: '/steps/0/extra', code: 'schema.unknown-property' }),
        expect.objectContaining({ pointer: '/steps/1', code: 'schema.required', message: 'Missing required property "operation"' }),
      ]),
    );
  });

  it('suggests the closest operation ids for an unknown one', () => {
    const [problem] = problemsOf(workflow([action('a', { operation: 'shop.sav' })]));
    expect(problem).toMatchObject({ pointer: '/steps/0/operation', code: 'operation.unknown' });
    expect(problem?.suggestion).toContain('"shop.save"');
  });

  it('suggests the closest step type for an unknown one', () => {
    const problems = problemsOf(workflow([{ id: 'a', type: 'forEch', over: '[1]', steps: [action('b')] }]));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/0/type', code: 'schema.enum', suggestion: 'Did you mean "forEach"?' })]);
  });

  it('names only the missing type of a step without one (not every kind\'s demands), guessing "action" when it names an operation', () => {
    const problems = problemsOf(workflow([{ id: 'a', operation: 'shop.save', connection: 'main' }, { id: 'b', condition: 'true', then: [action('c')] }]));
    expect(problems).toEqual([
      { pointer: '/steps/0', code: 'schema.required', message: expect.stringMatching(/^Missing required property "type": the step's kind, one of "action", "if", .*"forEach"/), suggestion: 'It names an operation: did you mean "type": "action"?' },
      { pointer: '/steps/1', code: 'schema.required', message: expect.stringMatching(/^Missing required property "type"/) },
    ]);
  });

  it('refuses an action used as a trigger and a trigger used as a step', () => {
    const problems = problemsOf(workflow([action('a', { operation: 'shop.customer.created' })], { trigger: { operation: 'shop.save' } }));
    expect(problems.map((problem) => [problem.pointer, problem.code])).toEqual([
      ['/trigger/operation', 'operation.not-a-trigger'],
      ['/steps/0/operation', 'operation.not-an-action'],
    ]);
  });

  it('refuses duplicate step ids, naming where the first one is', () => {
    const problems = problemsOf(workflow([action('a'), { id: 'c', type: 'if', condition: 'true', then: [action('a')] }]));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/1/then/0/id', code: 'step.duplicate-id', message: 'Step id "a" is already used at /steps/0' })]);
  });

  it('refuses references to steps that cannot have run yet', () => {
    const problems = problemsOf(
      workflow([
        action('a', { input: { x: '=$steps.b.id' } }),
        action('b'),
        { id: 'loop', type: 'forEach', over: '[1,2]', steps: [action('inner', { input: { ok: '=$steps.a.id' } })] },
        action('c', { input: { bad: '=$steps.inner.id', typo: '=$steps.bb' } }),
      ]),
    );
    expect(problems.map((problem) => [problem.pointer, problem.code])).toEqual([
      ['/steps/0/input/x', 'reference.not-yet-run'],
      ['/steps/3/input/bad', 'reference.inside-for-each'],
      ['/steps/3/input/typo', 'reference.unknown-step'],
    ]);
    expect(problems[2]?.suggestion).toBe('Did you mean $steps.b?');
  });

  it('lets onError steps read the failed step and if branches read earlier steps', () => {
    expect(
      problemsOf(
        workflow([
          action('a', { onError: [action('fallback', { input: { why: '=$steps.a.error.message' } })] }),
          { id: 'check', type: 'if', condition: '$exists($steps.a)', then: [action('t')], else: [action('e', { input: { prior: '=$steps.check' } })] },
          action('last', { input: { t: '=$steps.t', e: '=$steps.e' } }),
        ]),
      ),
    ).toEqual([]);
  });

  it('reports JSONata syntax errors with their position', () => {
    const problems = problemsOf(workflow([action('a', { input: { x: '=$event.data.(' } })], { trigger: { operation: 'shop.customer.created', filter: '$event.data.id = ' } }));
    expect(problems).toEqual([
      expect.objectContaining({ pointer: '/trigger/filter', code: 'expression.syntax' }),
      expect.objectContaining({ pointer: '/steps/0/input/x', code: 'expression.syntax' }),
    ]);
    expect(problems[1]?.message).toMatch(/at character \d+/);
  });

  it('refuses regular expressions that cannot run in linear time', () => {
    const problems = problemsOf(workflow([action('a', { input: { x: '=$match($event.data.email, /(a)\\1/)' } })]));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/0/input/x', code: 'expression.regex' })]);
  });

  it('refuses a connection that is not configured, listing those that are', () => {
    const problems = problemsOf(workflow([action('a', { connection: 'other' })]));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/0/connection', code: 'connection.unknown', suggestion: 'Configured connections: flowline, main' })]);
  });

  it('refuses unknown templates with the closest name', () => {
    const problems = problemsOf(workflow([action('a', { input: { $use: 'contactt' } })], { templates: { contact: { a: 1 } } }));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/0/input/$use', code: 'template.unknown', suggestion: 'Did you mean "contact"?' })]);
  });

  it('refuses prototype-polluting keys in a definition', () => {
    const definition = JSON.parse('{"id":"wf","name":"x","version":1,"trigger":{"operation":"shop.customer.created"},"steps":[{"id":"a","type":"action","operation":"shop.save","connection":"main","input":{"__proto__":{"polluted":true}}}]}') as unknown;
    const problems = problemsOf(definition);
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/0/input/__proto__', code: 'definition.unsafe-key' })]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses to deploy an invalid workflow with a typed error carrying every problem', () => {
    expect(() => engine.deploy(workflow([action('a', { operation: 'nope' }), action('a')]))).toThrowError(WorkflowValidationError);
    try {
      engine.deploy(workflow([action('a', { operation: 'nope' }), action('a')]));
    } catch (error) {
      expect((error as WorkflowValidationError).problems).toHaveLength(2);
    }
  });

  it('refuses a definition that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual([expect.objectContaining({ pointer: '', code: 'schema.type' })]);
  });
});
