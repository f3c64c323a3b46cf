import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_TYPES_URL, renderWorkflowTypes } from '../scripts/workflow-types.js';

describe('generated workflow types', () => {
  it('match schemas/workflow.schema.json (run `pnpm generate` when this fails)', async () => {
    const committed = await readFile(WORKFLOW_TYPES_URL, 'utf8');
    expect(committed === (await renderWorkflowTypes()), 'packages/core/src/generated/workflow.ts is stale: run `pnpm generate`').toBe(true);
  });
});
