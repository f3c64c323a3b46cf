import { describe, expect, it } from 'vitest';
import { createKeyedLimiter } from '../src/index.js';
import { customerEvent, testEngine, workflow } from './fixtures.js';

/**
 * The most starts seen in any window of `intervalMs`. Tests measure windows somewhat shorter
 * than the limiter's interval: a start is recorded a moment after the limiter admits it, and a
 * GC pause on a loaded machine can stretch that moment.
 */
function busiestWindow(starts: number[], intervalMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= intervalMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('keyed rate and concurrency limiter', () => {
  it('keeps every window of a key within its limit', async () => {
    const limiter = createKeyedLimiter();
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, () =>
        limiter.schedule('ghl:location:1', { limit: 10, intervalMs: 100 }, async () => {
          starts.push(performance.now());
        }),
      ),
    );
    expect(starts).toHaveLength(25);
    expect(busiestWindow(starts, 80)).toBeLessThanOrEqual(10);
  });

  it('limits keys independently', async () => {
    const limiter = createKeyedLimiter();
    const order: string[] = [];
    const policy = { limit: 1, intervalMs: 1000 };
    await Promise.all([
      limiter.schedule('a', policy, async () => order.push('a1')),
      limiter.schedule('b', policy, async () => order.push('b1')),
    ]);
    expect(order.sort()).toEqual(['a1', 'b1']);
  });

  it('caps how many run at once for a key', async () => {
    const limiter = createKeyedLimiter();
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.schedule('k', { limit: 1000, intervalMs: 1, concurrency: 2 }, async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 3));
          inFlight -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('refuses a policy that makes no sense', () => {
    const limiter = createKeyedLimiter();
    expect(() => limiter.schedule('k', { limit: 0, intervalMs: 10 }, async () => 1)).toThrow('Expected `limit` to be a positive integer, got 0');
  });

  it('shares one limit between the steps of concurrent runs', async () => {
    const starts: number[] = [];
    const { engine } = testEngine({ call: { run: () => starts.push(performance.now()) } });
    const definition = workflow([
      { id: 'c', type: 'action', operation: 'shop.call', connection: 'main', rateLimit: { key: '"location:" & $event.data.companyId', limit: 3, intervalMs: 100 } },
    ]);
    await Promise.all(Array.from({ length: 9 }, (_, index) => engine.run(definition, customerEvent({ companyId: 'c1' }, `e${index}`))));
    expect(starts).toHaveLength(9);
    expect(busiestWindow(starts, 80)).toBeLessThanOrEqual(3);
  });
});
