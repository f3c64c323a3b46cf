import { readFile } from 'node:fs/promises';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

export const WORKFLOW_SCHEMA_URL = new URL('../../../schemas/workflow.schema.json', import.meta.url);
export const WORKFLOW_TYPES_URL = new URL('../src/generated/workflow.ts', import.meta.url);

const HEADER = `/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/workflow.schema.json by packages/core/scripts/generate.ts.
 * Change the schema, then run \`pnpm generate\`.
 */`;

/** Renders the TypeScript types of a workflow definition from its JSON Schema. */
export async function renderWorkflowTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(WORKFLOW_SCHEMA_URL, 'utf8')) as JSONSchema;
  return compile(schema, 'WorkflowDefinition', {
    bannerComment: HEADER,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 100 },
  });
}
