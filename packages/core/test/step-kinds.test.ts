import { describe, expect, it } from 'vitest';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

describe('step kinds', () => {
  it('runs an action with an object mapping: "=" strings are JSONata, the rest literal', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { email: '=$lowercase($trim($event.data.email))', source: 'PushPress', missing: '=$event.data.nothing' } }]),
      customerEvent(),
    );
    expect(run.status).toBe('succeeded');
    expect(connector.calls).toEqual([{ operationId: 'shop.save', input: { email: 'ann@example.com', source: 'PushPress' } }]);
    expect(run.steps.map((step) => [step.stepId, step.status])).toEqual([['save', 'succeeded']]);
  });

  it('gives later steps earlier outputs as $steps and variables as $vars', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([
        { id: 'name', type: 'set', var: 'fullName', value: '$event.data.firstName & " Smith"' },
        { id: 'first', type: 'action', operation: 'shop.save', connection: 'main', input: { n: '=$vars.fullName' } },
        { id: 'second', type: 'action', operation: 'shop.save', connection: 'main', input: { copy: '=$steps.first.n', region: '=$config.region' } },
      ]),
      customerEvent(),
      {},
    );
    expect(run.status).toBe('succeeded');
    expect(connector.calls[1]?.input).toEqual({ copy: 'Ann Smith' });
  });

  it('takes the then branch of an if and reports the else branch skipped', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([
        {
          id: 'check',
          type: 'if',
          condition: '$contains($event.data.email, "Example")',
          then: [{ id: 'yes', type: 'action', operation: 'shop.save', connection: 'main', input: { branch: 'then' } }],
          else: [{ id: 'no', type: 'action', operation: 'shop.save', connection: 'main', input: { branch: 'else' } }],
        },
        { id: 'after', type: 'action', operation: 'shop.save', connection: 'main', input: { after: true } },
      ]),
      customerEvent(),
    );
    expect(connector.calls.map((call) => call.input)).toEqual([{ branch: 'then' }, { after: true }]);
    expect(run.steps.find((step) => step.stepId === 'no')).toMatchObject({ status: 'skipped', reason: 'branch-not-taken' });
  });

  it('takes the else branch when the condition is false', async () => {
    const { engine, connector } = testEngine({ save: echo });
    await engine.run(
      workflow([
        {
          id: 'check',
          type: 'if',
          condition: '$event.data.firstName = "Bob"',
          then: [{ id: 'yes', type: 'action', operation: 'shop.save', connection: 'main', input: { branch: 'then' } }],
          else: [{ id: 'no', type: 'action', operation: 'shop.save', connection: 'main', input: { branch: 'else' } }],
        },
      ]),
      customerEvent(),
    );
    expect(connector.calls.map((call) => call.input)).toEqual([{ branch: 'else' }]);
  });

  it('runs forEach bodies per item with $item and $index, and outputs one object per item', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([
        { id: 'tags', type: 'forEach', over: '$event.data.tags', concurrency: 2, steps: [{ id: 'tag', type: 'action', operation: 'shop.save', connection: 'main', input: { tag: '=$item', at: '=$index' } }] },
        { id: 'count', type: 'set', var: 'n', value: '$count($steps.tags)' },
      ]),
      customerEvent(),
    );
    expect(run.status).toBe('succeeded');
    expect(connector.calls.map((call) => call.input)).toEqual([{ tag: 'a', at: 0 }, { tag: 'b', at: 1 }]);
    expect(run.steps.map((step) => step.path)).toEqual(expect.arrayContaining(['tags[0].tag', 'tags[1].tag']));
    expect(run.steps.find((step) => step.stepId === 'count')?.output).toBe(2);
  });

  it('respects a forEach concurrency limit', async () => {
    let inFlight = 0;
    let most = 0;
    const { engine } = testEngine({
      slow: {
        run: async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          return {};
        },
      },
    });
    const run = await engine.run(
      workflow([{ id: 'each', type: 'forEach', over: '[1..8]', concurrency: 3, steps: [{ id: 'call', type: 'action', operation: 'shop.slow', connection: 'main' }] }]),
      customerEvent(),
    );
    expect(run.status).toBe('succeeded');
    expect(most).toBe(3);
  });

  it('fails a forEach with more items than maxIterations', async () => {
    const { engine } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([{ id: 'each', type: 'forEach', over: '[1..5]', maxIterations: 4, steps: [{ id: 'call', type: 'action', operation: 'shop.save', connection: 'main' }] }]),
      customerEvent(),
    );
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'step.too-many-items', pointer: '/steps/0/over' });
  });

  it('ends the run at a fail step with its message and code', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([
        { id: 'stop', type: 'fail', message: '="No email for " & $event.data.id', code: 'no-email' },
        { id: 'never', type: 'action', operation: 'shop.save', connection: 'main' },
      ]),
      customerEvent(),
    );
    expect(run).toMatchObject({ status: 'failed', failedStep: 'stop', error: { code: 'no-email', message: 'No email for usr_1' } });
    expect(connector.calls).toEqual([]);
  });

  it('ends the run early at a succeed step with its output', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([
        { id: 'done', type: 'succeed', output: { id: '=$event.data.id', kept: true } },
        { id: 'never', type: 'action', operation: 'shop.save', connection: 'main' },
      ]),
      customerEvent(),
    );
    expect(run).toMatchObject({ status: 'succeeded', output: { id: 'usr_1', kept: true } });
    expect(connector.calls).toEqual([]);
  });

  it('uses named templates, extended by the keys beside $use', async () => {
    const { engine, connector } = testEngine({ save: echo });
    await engine.run(
      workflow(
        [
          { id: 'one', type: 'action', operation: 'shop.save', connection: 'main', input: { $use: 'contact', tag: 'first' } },
          { id: 'two', type: 'action', operation: 'shop.save', connection: 'main', input: { $use: 'contact' } },
        ],
        { templates: { contact: { email: '=$lowercase($trim($event.data.email))', name: '=$event.data.firstName' } } },
      ),
      customerEvent(),
    );
    expect(connector.calls.map((call) => call.input)).toEqual([
      { email: 'ann@example.com', name: 'Ann', tag: 'first' },
      { email: 'ann@example.com', name: 'Ann' },
    ]);
  });

  it('shares host templates between workflows', async () => {
    const { engine, connector } = testEngine({ save: echo }, { templates: { who: { id: '=$event.data.id' } } });
    await engine.run(workflow([{ id: 'one', type: 'action', operation: 'shop.save', connection: 'main', input: { $use: 'who' } }]), customerEvent());
    expect(connector.calls[0]?.input).toEqual({ id: 'usr_1' });
  });
});
