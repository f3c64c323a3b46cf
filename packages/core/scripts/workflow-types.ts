import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** Renders the TypeScript types of a workflow definition from its JSON Schema. */
export async function renderWorkflowTypes(schema: Record<string, unknown>, header: string): Promise<string> {
  return compile(schema as JSONSchema, 'WorkflowDefinition', {
    bannerComment: header,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 100 },
  });
}
