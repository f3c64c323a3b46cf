import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { ScenarioScript } from '@flowline/sandbox';
import type { RunRecord, WorkflowDefinition } from '@flowline/core';
import { contactByEmail, failedSince, play, prepare, startFlows } from '../support/flow-test-kit.js';

const HOUR = 3600;
const DAY = 86_400;
const definition = JSON.parse(readFileSync(new URL('./appointment-noshowed.workflow.json', import.meta.url), 'utf8')) as WorkflowDefinition;
const CHAIN = definition.id;

/**
 * Nina and Omar each miss a personal-training session; Nina has booked another one for later
 * (appointment-sync keeps both in GHL), Omar has not.
 */
const SCRIPT: ScenarioScript = {
  name: 'no-show-chain',
  companyId: 'client_sandbox',
  startAt: 0,
  customers: {
    nina: { first: 'Nina', last: 'Holt', email: 'nina.holt@example.com', phone: '+15125550121', role: 'member', existing: true },
    omar: { first: 'Omar', last: 'Vance', email: 'omar.vance@example.com', phone: '+15125550122', role: 'member', existing: true },
  },
  steps: [
    { at: 0, event: 'appointment.scheduled', customer: 'nina', appointment: 'nina_pt', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: HOUR },
    { at: 60, event: 'appointment.scheduled', customer: 'omar', appointment: 'omar_pt', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: HOUR },
    { at: 120, event: 'appointment.scheduled', customer: 'nina', appointment: 'nina_pt_again', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: 3 * DAY },
    { at: HOUR + 20 * 60, event: 'appointment.noshowed', customer: 'nina', appointment: 'nina_pt' },
    { at: HOUR + 21 * 60, event: 'appointment.noshowed', customer: 'omar', appointment: 'omar_pt' },
  ],
};

let stack: DemoStack;
beforeAll(async () => {
  stack = await startFlows({ flows: ['appointment-sync'] });
});
afterAll(async () => {
  await stack.close();
});

async function chainRuns(status?: RunRecord['status']): Promise<RunRecord[]> {
  return stack.host.engine.listRuns({ workflowId: CHAIN, ...(status === undefined ? {} : { status }) });
}

describe('no-show chain', () => {
  it('waits three days after each no-show, durably: the runs are listed as waiting until then', async () => {
    await stack.host.engine.publish(definition);
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, deliveries);
    expect(await failedSince(stack, since)).toEqual([]);
    const waiting = await chainRuns('waiting');
    expect(waiting).toHaveLength(2);
    for (const run of waiting) {
      const waitMs = Date.parse(run.waitingUntil ?? '') - Date.parse(run.startedAt ?? '');
      expect(waitMs).toBeGreaterThanOrEqual(3 * DAY * 1000);
      expect(waitMs).toBeLessThan(3 * DAY * 1000 + 60_000);
    }
    // No task yet: nothing after the delay has run.
    expect(contactByEmail(stack, 'omar.vance@example.com').tasks).toEqual([]);
    for (const run of waiting) await stack.host.engine.cancel(run.id);
  });

  it('three days on (here: a second), creates a call task for the customer who did not rebook, and none for the one who did', async () => {
    // The same flow with a one-second wait stands in for three days.
    await stack.host.engine.publish({ ...definition, version: 2, steps: [{ ...definition.steps[0], for: 'PT1S' }, ...definition.steps.slice(1)] } as WorkflowDefinition);
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, deliveries);
    for (const until = Date.now() + 20_000; (await chainRuns('succeeded')).filter((run) => run.queuedAt >= since).length < 2; ) {
      if (Date.now() > until) throw new Error(`the chain runs did not end: ${JSON.stringify(await chainRuns())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await failedSince(stack, since)).toEqual([]);
    expect(contactByEmail(stack, 'nina.holt@example.com').tasks).toEqual([]);
    expect(contactByEmail(stack, 'omar.vance@example.com').tasks).toEqual([
      expect.objectContaining({ title: 'Call: missed Personal Training three days ago, not rebooked', completed: false }),
    ]);
  });
});
