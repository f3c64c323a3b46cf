import { readFile } from 'node:fs/promises';
import { renderWorkflowTypes } from './workflow-types.js';
import { renderWorkflowValidator } from './workflow-validator.js';

/** The workflow format's one source of truth, written by hand. */
export const WORKFLOW_SCHEMA_URL = new URL('../schema/workflow.schema.json', import.meta.url);

/** One file `pnpm generate` writes, and what it must contain. */
export interface GeneratedFile {
  readonly url: URL;
  readonly content: string;
}

export const GENERATED_HEADER = `/* eslint-disable */
/**
 * DO NOT EDIT: generated from packages/core/schema/workflow.schema.json by packages/core/scripts/generate.ts.
 * Change the schema, then run \`pnpm generate\`.
 */`;

/**
 * Every file generated from the workflow schema:
 * - `schemas/workflow.schema.json`, an identical copy at the path workflows name as their `$schema`;
 * - `src/generated/workflow.ts`, the TypeScript types of a definition;
 * - `src/generated/workflow-schema.ts`, the schema as a module (no JSON import: plain Node 20 warns
 *   on import attributes, and the build copies no .json);
 * - `src/generated/workflow-validator.ts`, ajv's standalone validator, so no code is compiled at run time.
 */
export async function renderWorkflowFiles(): Promise<GeneratedFile[]> {
  const source = await readFile(WORKFLOW_SCHEMA_URL, 'utf8');
  const schema = JSON.parse(source) as Record<string, unknown>;
  return [
    { url: new URL('../../../schemas/workflow.schema.json', import.meta.url), content: source },
    { url: new URL('../src/generated/workflow.ts', import.meta.url), content: await renderWorkflowTypes(schema, GENERATED_HEADER) },
    { url: new URL('../src/generated/workflow-schema.ts', import.meta.url), content: renderSchemaModule(schema) },
    { url: new URL('../src/generated/workflow-validator.ts', import.meta.url), content: renderWorkflowValidator(schema, GENERATED_HEADER) },
  ];
}

function renderSchemaModule(schema: Record<string, unknown>): string {
  return `${GENERATED_HEADER}

/** The JSON Schema of a workflow definition (draft-07). */
export const workflowSchema = ${JSON.stringify(schema, null, 2)};
`;
}
