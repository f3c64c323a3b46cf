import { readFile } from 'node:fs/promises';
import { createEngine } from '@flowline/core';
import { describe, expect, it } from 'vitest';
import { hostConnectors } from '../src/host-config.js';

const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
const workflowBlock = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((block) => block.includes('"trigger"'));

describe('the README', () => {
  it('shows a workflow that validates', () => {
    const definition = JSON.parse(workflowBlock ?? 'null') as unknown;
    const engine = createEngine({ connectors: hostConnectors({}), connections: { ghl: { connector: 'ghl' } } });
    expect(engine.validate(definition).problems).toEqual([]);
  });

  // In a dry run flowline.links.get answers its sample (found), so the known-contact path runs.
  it('shows a workflow that dry-runs to the requests it describes', async () => {
    const engine = createEngine({ connectors: hostConnectors({}), connections: { ghl: { connector: 'ghl' } }, config: { locationId: 'loc_1' } });
    const event = engine.catalog.describe('pushpress.customer.created')?.sample as { data: Record<string, unknown> };
    const run = await engine.run(JSON.parse(workflowBlock ?? 'null'), { trigger: 'pushpress.customer.created', payload: { ...event, data: { ...event.data, role: 'lead' } } }, { dryRun: true });
    expect(run.status).toBe('succeeded');
    expect(run.steps.filter((step) => step.request).map((step) => step.stepId)).toEqual(['link', 'update', 'followUp']);
  });
});
