import { describe, expect, it } from 'vitest';
import { ActionError, type RunEventName } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

describe('run events and dry runs', () => {
  it('emits run and step events in order, with timings', async () => {
    const { engine } = testEngine({ save: echo });
    const seen: Array<[RunEventName, Record<string, unknown>]> = [];
    for (const name of ['run.queued', 'run.started', 'run.succeeded', 'step.started', 'step.succeeded', 'step.skipped'] as const) {
      engine.on(name, (event) => seen.push([name, event as unknown as Record<string, unknown>]));
    }
    const run = await engine.run(
      workflow([
        { id: 'check', type: 'if', condition: 'false', then: [{ id: 'no', type: 'action', operation: 'shop.save', connection: 'main' }] },
        { id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { a: 1 } },
      ]),
      customerEvent(),
    );
    expect(seen.map(([name, event]) => `${name}${event['stepId'] ? `:${String(event['stepId'])}` : ''}`)).toEqual([
      'run.queued',
      'run.started',
      'step.started:check',
      'step.skipped:no',
      'step.succeeded:check',
      'step.started:save',
      'step.succeeded:save',
      'run.succeeded',
    ]);
    for (const [, event] of seen) expect(event).toMatchObject({ runId: run.id, workflowId: 'wf', at: expect.stringMatching(/^\d{4}-/) });
    expect(seen.find(([name]) => name === 'step.succeeded')?.[1]).toMatchObject({ durationMs: expect.any(Number), attempts: 1 });
    expect(seen.at(-1)?.[1]).toMatchObject({ durationMs: expect.any(Number) });
  });

  it('emits step.failed and run.failed with the error, and no secret anywhere', async () => {
    const { engine } = testEngine({
      leak: { run: () => { throw new ActionError('credentials', 'token sk_live_supersecret_123 was refused', { status: 401, details: { header: 'Bearer sk_live_supersecret_123' } }); } },
    });
    const events: unknown[] = [];
    engine.on('step.failed', (event) => events.push(event));
    engine.on('run.failed', (event) => events.push(event));
    const run = await engine.run(workflow([{ id: 'l', type: 'action', operation: 'shop.leak', connection: 'main' }]), customerEvent());
    expect(events).toHaveLength(2);
    const everything = JSON.stringify({ events, run, stored: await engine.getRun(run.id) });
    expect(everything).not.toContain('sk_live_supersecret_123');
    expect(everything).toContain('[redacted]');
    expect(run.error).toMatchObject({ category: 'credentials', status: 401 });
  });

  it('dry-runs actions: nothing is called, the request each would send is recorded', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(
      workflow([
        { id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { email: '=$trim($event.data.email)' }, idempotencyKey: '$event.data.id' },
        { id: 'use', type: 'set', var: 'x', value: '$steps.save.dry' },
      ]),
      customerEvent(),
      { dryRun: true },
    );
    expect(connector.calls).toEqual([]);
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(run.steps[0]).toMatchObject({
      request: { operation: 'shop.save', connection: 'main', input: { email: 'Ann@Example.com' }, idempotencyKey: 'wf/save/usr_1' },
      output: { dry: true },
    });
    expect(run.steps[1]?.output).toBe(true);
  });
});
