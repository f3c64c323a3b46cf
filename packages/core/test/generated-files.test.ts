import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderWorkflowFiles } from '../scripts/workflow-files.js';

const files = await renderWorkflowFiles();
const repository = fileURLToPath(new URL('../../../', import.meta.url));
const named = files.map((file) => [fileURLToPath(file.url).slice(repository.length), file] as const);

describe('files generated from packages/core/schema/workflow.schema.json', () => {
  it('are the schema copy, the types, the schema module and the precompiled validator', () => {
    expect(named.map(([name]) => name)).toEqual([
      'schemas/workflow.schema.json',
      'packages/core/src/generated/workflow.ts',
      'packages/core/src/generated/workflow-schema.ts',
      'packages/core/src/generated/workflow-validator.ts',
    ]);
  });

  it.each(named)('%s is up to date (run `pnpm generate` when this fails)', async (name, file) => {
    const committed = await readFile(file.url, 'utf8');
    expect(committed === file.content, `${name} is stale: run \`pnpm generate\` and commit the result`).toBe(true);
  });

  it('give a validator that calls no require() and compiles nothing at run time', () => {
    const validator = files.at(-1)?.content ?? '';
    expect(validator).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });
});
