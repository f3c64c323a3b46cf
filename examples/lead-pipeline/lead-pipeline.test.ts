import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { ScenarioScript } from '@flowline/sandbox';
import { contacts, failedSince, location, play, prepare, startFlows } from '../support/flow-test-kit.js';

const HOUR = 3600;
/** Lena converts, Max stays a lead, Mo (an existing member) enrolls and later cancels. */
const SCRIPT: ScenarioScript = {
  name: 'lead-pipeline',
  companyId: 'client_sandbox',
  startAt: 0,
  customers: {
    lena: { first: 'Lena', last: 'Park', email: 'lena.park@example.com', phone: '+15125550111' },
    max: { first: 'Max', last: 'Reid', email: 'max.reid@example.com', phone: null },
    mo: { first: 'Mo', last: 'Diaz', email: 'mo.diaz@example.com', phone: '+15125550113', role: 'member', existing: true },
  },
  steps: [
    { at: 0, event: 'customer.created', customer: 'lena' },
    { at: 60, event: 'customer.created', customer: 'max' },
    { at: 120, event: 'enrollment.created', customer: 'mo', enrollment: 'mo_plan', planId: 'plan_unlimited_monthly' },
    { at: HOUR, event: 'customer.status.changed', customer: 'lena', role: 'member' },
    { at: HOUR + 5, event: 'enrollment.created', customer: 'lena', enrollment: 'lena_plan', planId: 'plan_unlimited_monthly' },
    { at: 5 * HOUR, event: 'enrollment.status.changed', customer: 'mo', enrollment: 'mo_plan', status: 'canceled' },
  ],
};

let stack: DemoStack;
beforeAll(async () => {
  stack = await startFlows({ flows: ['lead-pipeline'] });
});
afterAll(async () => {
  await stack.close();
});

/** Opportunities by contact email: status and stage. */
function pipeline(): Record<string, unknown> {
  const emails = new Map(contacts(stack).map((c) => [c['id'], c['email']]));
  return Object.fromEntries(
    location(stack).opportunities.map((o) => [String(emails.get(String(o['contactId']))), { status: o['status'], stage: o['pipelineStageId'], pipeline: o['pipelineId'] }]),
  );
}

const EXPECTED = {
  'lena.park@example.com': { status: 'won', stage: 'stg_member', pipeline: 'pip_membership_1' },
  'max.reid@example.com': { status: 'open', stage: 'stg_lead', pipeline: 'pip_membership_1' },
  'mo.diaz@example.com': { status: 'lost', stage: 'stg_cancelled', pipeline: 'pip_membership_1' },
};

describe('lead-pipeline', () => {
  it('opens an opportunity for a new lead, wins it on enrollment and loses it on cancellation', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, deliveries);
    expect(await failedSince(stack, since)).toEqual([]);
    expect(location(stack).opportunities).toHaveLength(3);
    expect(pipeline()).toEqual(EXPECTED);
  });

  it('ends in the same state when every delivery comes twice', async () => {
    const { deliveries } = prepare(stack, SCRIPT);
    await play(stack, deliveries, { duplicate: true });
    expect(location(stack).opportunities).toHaveLength(3);
    expect(pipeline()).toEqual(EXPECTED);
  });

  it('lets the newest event set the status when deliveries arrive in reverse (a late customer.created does not reopen a won deal)', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, [...deliveries].reverse());
    expect(await failedSince(stack, since)).toEqual([]);
    expect(location(stack).opportunities).toHaveLength(3);
    expect(pipeline()).toEqual(EXPECTED);
  });
});
