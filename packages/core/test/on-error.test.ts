import { describe, expect, it } from 'vitest';
import { ActionError } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const failing = { run: () => { throw new ActionError('not_found', 'Contact not found', { status: 404 }); } };

describe('onError and idempotency', () => {
  it('continues after a failed step when onError is continue, exposing the error', async () => {
    const { engine, connector } = testEngine({ bad: failing, save: echo });
    const run = await engine.run(
      workflow([
        { id: 'bad', type: 'action', operation: 'shop.bad', connection: 'main', onError: 'continue' },
        { id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { why: '=$steps.bad.error.message' } },
      ]),
      customerEvent(),
    );
    expect(run.status).toBe('succeeded');
    expect(connector.calls.at(-1)?.input).toEqual({ why: 'Contact not found' });
    expect(run.steps[0]).toMatchObject({ status: 'failed', error: { category: 'not_found' } });
  });

  it('runs fallback steps with $error, then continues after the failed step', async () => {
    const { engine, connector } = testEngine({ bad: failing, save: echo });
    const run = await engine.run(
      workflow([
        { id: 'bad', type: 'action', operation: 'shop.bad', connection: 'main', onError: [{ id: 'fix', type: 'action', operation: 'shop.save', connection: 'main', input: { fallback: '=$error.category' } }] },
        { id: 'after', type: 'action', operation: 'shop.save', connection: 'main', input: { after: true } },
      ]),
      customerEvent(),
    );
    expect(run.status).toBe('succeeded');
    expect(connector.calls.filter((call) => call.operationId === 'shop.save').map((call) => call.input)).toEqual([{ fallback: 'not_found' }, { after: true }]);
  });

  it('fails the run by default, naming the step', async () => {
    const { engine } = testEngine({ bad: failing });
    const run = await engine.run(workflow([{ id: 'bad', type: 'action', operation: 'shop.bad', connection: 'main' }]), customerEvent());
    expect(run).toMatchObject({ status: 'failed', failedStep: 'bad', error: { code: 'action.not_found', message: 'Contact not found' } });
  });

  it('does an effect with an idempotency key once, however often the event comes', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const definition = workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { id: '=$event.data.id' }, idempotencyKey: '$event.data.id' }]);
    const first = await engine.run(definition, customerEvent());
    const second = await engine.run(definition, customerEvent());
    expect(connector.calls).toHaveLength(1);
    expect(second.steps[0]).toMatchObject({ status: 'skipped', reason: 'idempotent', output: { id: 'usr_1' } });
    expect(first.steps[0]?.status).toBe('succeeded');
  });

  it('fails a step whose idempotency key evaluates to nothing', async () => {
    const { engine } = testEngine({ save: echo });
    const run = await engine.run(workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', idempotencyKey: '$event.data.missing' }]), customerEvent());
    expect(run.error).toMatchObject({ code: 'step.empty-idempotency-key', pointer: '/steps/0/idempotencyKey' });
  });
});
