import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { WorkflowDefinition } from '@flowline/core';
import { contacts, LOCATION_ID, startFlows } from '../support/flow-test-kit.js';

const definition = JSON.parse(readFileSync(new URL('./monthly-birthday-tags.workflow.json', import.meta.url), 'utf8')) as WorkflowDefinition;
/** The 1st of March 2026, 08:00 in Chicago (CST), as the schedule would give it. */
const TICK = { scheduledAt: '2026-03-01T14:00:00.000Z', localTime: '2026-03-01T08:00:00.000-06:00', cron: '0 8 1 * *', timeZone: 'America/Chicago', missed: 0 };

let stack: DemoStack;
beforeAll(async () => {
  // Seeding 230 contacts goes past GHL's 100 requests per 10 s: the limit is raised out of the way.
  stack = await startFlows({ flows: ['contact-sync'], sandbox: { rateLimit: { limit: 10_000 } } });
  stack.sandbox.reset();
  // 230 contacts (three pages of 100), every fifth born in March, the others in other months.
  for (let index = 0; index < 230; index++) {
    const month = index % 5 === 0 ? 3 : (index % 11) + 1 === 3 ? 4 : (index % 11) + 1;
    const created = await fetch(`${stack.sandbox.url}/contacts/`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-token', version: '2021-07-28', 'content-type': 'application/json' },
      body: JSON.stringify({ locationId: LOCATION_ID, email: `member${index}@example.com`, firstName: `Member${index}` }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    // GHL answers dateOfBirth as a string on reads, but its spec (and so the sandbox) types it as an object on writes: set it in the sandbox's live state.
    const { contact } = (await created.json()) as { contact: { id: string } };
    const record = stack.sandbox.state.locations.get(LOCATION_ID)?.contacts.get(contact.id) as Record<string, unknown> | undefined;
    if (!record) throw new Error(`contact ${contact.id} is not in the sandbox`);
    record['dateOfBirth'] = `1990-${String(month).padStart(2, '0')}-15`;
  }
}, 120_000);
afterAll(async () => {
  await stack.close();
});

describe('birthday sweep', () => {
  it('pages through every contact (3 pages) and tags the March birthdays, only them, on the 1st of March in the gym\'s time zone', async () => {
    const run = await stack.host.engine.run(definition, { trigger: 'flowline.schedule', id: `schedule:${definition.id}:${TICK.scheduledAt}`, payload: TICK });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('succeeded');
    expect(run.steps.find((step) => step.path === 'pages')?.output).toMatchObject({ iterations: 3 });
    const all = contacts(stack);
    expect(all).toHaveLength(230);
    const tagged = all.filter((contact) => ((contact['tags'] as string[] | undefined) ?? []).includes('birthday-march'));
    expect(tagged.map((contact) => contact['email']).sort()).toEqual(
      all.filter((contact) => String(contact['dateOfBirth']).slice(5, 7) === '03').map((contact) => contact['email']).sort(),
    );
    expect(tagged).toHaveLength(46);
  });
});
