import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import { dayAtTheGym, playScenario, type ScenarioScript, type ScenarioStep } from '@flowline/sandbox';
import { comparableState, contacts, failedSince, location, play, prepare, startAtFor, startFlows } from './support/flow-test-kit.js';

/** The five flows together, over a whole seeded day (every story: leads, trials, classes, no-shows, waitlists, cancellations, conversions). */
const DAY = dayAtTheGym({ seed: 11, customers: 14 });

let stack: DemoStack;
beforeAll(async () => {
  stack = await startFlows({ sandbox: { rateLimit: { windowMs: 1000 } } });
});
afterAll(async () => {
  await stack.close();
});

/** One start time for every play, so two plays of the day send the same times (only ids differ). */
const START_AT = startAtFor(Math.max(...DAY.steps.map((step) => step.at)));

async function playDay(options: { duplicate?: boolean; shuffle?: number } = {}): Promise<unknown> {
  const { deliveries, since } = prepare(stack, DAY, START_AT);
  const report = await play(stack, deliveries, options);
  expect(report.failed).toBe(0);
  expect(await failedSince(stack, since)).toEqual([]);
  return comparableState(stack);
}

describe('a day at the gym through all five flows', () => {
  it('gives the same GHL state when the day is played twice over (every delivery duplicated)', async () => {
    const once = await playDay();
    expect(contacts(stack).length).toBeGreaterThan(Object.keys(DAY.customers).length / 2);
    const twice = await playDay({ duplicate: true });
    expect(twice).toEqual(once);
  });

  it('gives the same GHL state when the day arrives shuffled', async () => {
    const inOrder = await playDay();
    const shuffled = await playDay({ shuffle: 42 });
    expect(shuffled).toEqual(inOrder);
  });

  it('changes nothing for deliveries with a forged signature', async () => {
    const { deliveries, since } = prepare(stack, DAY);
    const refused = await playScenario({ url: stack.host.webhookUrl, secret: 'forged-secret', deliveries });
    await stack.host.engine.idle();
    expect(refused.sent.map((s) => s.status)).toEqual(deliveries.map(() => 401));
    expect(contacts(stack)).toEqual([]);
    expect(location(stack).opportunities).toEqual([]);
    expect(stack.sandbox.dump().requests.total).toBe(0);
    expect((await stack.host.engine.listRuns()).filter((run) => run.queuedAt >= since)).toEqual([]);
  });
});

describe('a burst of 1,000 events for one location', () => {
  const customers = 20;
  const burst: ScenarioScript = {
    name: 'burst',
    companyId: 'client_sandbox',
    startAt: 0,
    customers: Object.fromEntries(
      Array.from({ length: customers }, (_, i) => [`m${i}`, { first: `Member${i}`, last: 'Burst', email: `member${i}@example.com`, phone: null, role: 'member', existing: true }]),
    ),
    steps: Array.from({ length: 1000 }, (_, i): ScenarioStep => ({ at: i, event: 'checkin.created', customer: `m${i % customers}`, classId: 'cls_0600_wod', className: 'WOD' })),
  };

  it('finishes with zero 429s: the GHL client paces itself by the rate-limit headers (window shortened to 250 ms)', { timeout: 180_000 }, async () => {
    const burstStack = await startFlows({ flows: ['note-sync'], sandbox: { rateLimit: { limit: 100, windowMs: 250 } }, concurrency: 16 });
    try {
      const { deliveries, since } = prepare(burstStack, burst);
      const report = await play(burstStack, deliveries, { concurrency: 16 });
      expect(report.accepted).toBe(1000);
      expect(await failedSince(burstStack, since)).toEqual([]);
      const dump = burstStack.sandbox.dump();
      expect(dump.requests.rateLimited).toBe(0);
      const notes = (location(burstStack).contacts as Array<{ notes: unknown[] }>).reduce((n, c) => n + c.notes.length, 0);
      expect(notes).toBe(1000);
      expect(contacts(burstStack)).toHaveLength(customers);
    } finally {
      await burstStack.close();
    }
  });
});
