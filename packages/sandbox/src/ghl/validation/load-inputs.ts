import { loadOpenApiInputs } from './openapi-inputs.js';
import { loadOperationFileInputs } from './operation-files-inputs.js';
import { operationKey, type OperationInput, type OperationInputSet } from './operation-input.js';

/**
 * The request schemas the sandbox validates with: the generated per-operation files when they
 * exist (one source of truth with the connector), the OpenAPI documents for anything they do
 * not cover (the OAuth token endpoint, and everything before the files are generated).
 */
export function loadOperationInputs(openApiDir: string, operationSchemasDir: string): OperationInputSet {
  const openApi = loadOpenApiInputs(openApiDir);
  const byKey = new Map<string, OperationInput>(openApi.operations.map((op) => [operationKey(op.method, op.path), op]));
  const files = loadOperationFileInputs(operationSchemasDir, (method, path) => byKey.get(operationKey(method, path))?.versions ?? []);
  if (files === undefined) return openApi;
  for (const op of files.operations) byKey.set(operationKey(op.method, op.path), op);
  return {
    source: `${files.source}, falling back to ${openApi.source}`,
    operations: [...byKey.values()],
    sharedSchemas: openApi.sharedSchemas,
  };
}
