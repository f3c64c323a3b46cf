import { describe, expect, it } from 'vitest';
import { ActionError, RetryAfterError, resolveRetryPolicy, retryDelay, type RunEvents } from '../src/index.js';
import { customerEvent, testEngine, workflow } from './fixtures.js';

function flaky(failures: Error[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    run: () => {
      const failure = failures[calls];
      calls += 1;
      if (failure) throw failure;
      return { ok: true, calls };
    },
  };
}

describe('retries', () => {
  it('retries server errors with backoff and succeeds', async () => {
    const action = flaky([new ActionError('server', 'boom'), new ActionError('network', 'reset')]);
    const { engine } = testEngine({ call: action });
    const retrying: Array<RunEvents['step.retrying']> = [];
    engine.on('step.retrying', (event) => retrying.push(event));
    const run = await engine.run(workflow([{ id: 'c', type: 'action', operation: 'shop.call', connection: 'main', retry: { attempts: 3, initialDelayMs: 1, jitter: false } }]), customerEvent());
    expect(run.status).toBe('succeeded');
    expect(action.calls).toBe(3);
    expect(run.steps[0]).toMatchObject({ attempts: 3, status: 'succeeded' });
    expect(retrying.map((event) => [event.attempt, event.delayMs, event.error.category])).toEqual([
      [2, 1, 'server'],
      [3, 2, 'network'],
    ]);
  });

  it('waits at least as long as a Retry-After asks', async () => {
    const action = flaky([new RetryAfterError(40, 'slow down', { status: 429 })]);
    const { engine } = testEngine({ call: action });
    const delays: number[] = [];
    engine.on('step.retrying', (event) => delays.push(event.delayMs));
    const started = performance.now();
    const run = await engine.run(workflow([{ id: 'c', type: 'action', operation: 'shop.call', connection: 'main', retry: { attempts: 2, initialDelayMs: 1 } }]), customerEvent());
    expect(run.status).toBe('succeeded');
    expect(delays).toEqual([40]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });

  it('never retries validation-type errors, even when the policy lists them', async () => {
    const action = flaky([new ActionError('validation', 'email is not valid', { status: 422 })]);
    const { engine } = testEngine({ call: action });
    const run = await engine.run(
      workflow([{ id: 'c', type: 'action', operation: 'shop.call', connection: 'main', retry: { attempts: 5, initialDelayMs: 1, retryOn: ['validation', 'server'] } }]),
      customerEvent(),
    );
    expect(action.calls).toBe(1);
    expect(run).toMatchObject({ status: 'failed', error: { category: 'validation', status: 422 } });
  });

  it('does not retry categories the policy leaves out', async () => {
    const action = flaky([new ActionError('server', 'boom')]);
    const { engine } = testEngine({ call: action });
    const run = await engine.run(workflow([{ id: 'c', type: 'action', operation: 'shop.call', connection: 'main', retry: { attempts: 3, retryOn: ['network'] } }]), customerEvent());
    expect(action.calls).toBe(1);
    expect(run.status).toBe('failed');
  });

  it('gives up after the last attempt with the last error', async () => {
    const action = flaky([new ActionError('server', 'one'), new ActionError('server', 'two')]);
    const { engine } = testEngine({ call: action });
    const run = await engine.run(workflow([{ id: 'c', type: 'action', operation: 'shop.call', connection: 'main', retry: { attempts: 2, initialDelayMs: 1 } }]), customerEvent());
    expect(run).toMatchObject({ status: 'failed', failedStep: 'c', error: { message: 'two' } });
    expect(run.steps[0]?.attempts).toBe(2);
  });

  it('times out a slow attempt and retries it', async () => {
    let calls = 0;
    const { engine } = testEngine({
      slow: {
        run: async (_input, context) => {
          calls += 1;
          if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 1000));
          expect(context.signal.aborted).toBe(false);
          return { calls };
        },
      },
    });
    const run = await engine.run(workflow([{ id: 's', type: 'action', operation: 'shop.slow', connection: 'main', timeoutMs: 30, retry: { attempts: 2, initialDelayMs: 1 } }]), customerEvent());
    expect(run).toMatchObject({ status: 'succeeded', steps: [{ attempts: 2, output: { calls: 2 } }] });
  });

  it('computes exponential delays capped at maxDelayMs', () => {
    const policy = resolveRetryPolicy({ initialDelayMs: 100, factor: 3, maxDelayMs: 500, jitter: false });
    expect([1, 2, 3].map((attempt) => retryDelay(policy, attempt, new Error('x')))).toEqual([100, 300, 500]);
    const jittered = resolveRetryPolicy({ initialDelayMs: 100, jitter: true });
    expect(retryDelay(jittered, 1, new Error('x'), () => 0.5)).toBe(150);
  });
});
