// Type-checked by test/consumer/packed-packages.test.ts with skipLibCheck: false, under
// moduleResolution node16 and bundler, against the installed tarballs' .d.ts files.
import { ActionError, createEngine, type CompletedRun, type Engine, type OperationDescriptor, type ValidationResult, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { allOperations, createGhlConnector, createPushPressConnector, type GhlConnector } from '@flowline/connectors';
import { createSqliteStore, type SqliteStore } from '@flowline/store-sqlite';
import { ExpressionCompiler, previewMapping, sampleScope, validateWorkflow, type MappingPreview } from '@flowline/core/design';
import { loadCatalog } from '@flowline/connectors/catalog';

const ghl: GhlConnector = createGhlConnector({ baseUrl: 'http://127.0.0.1:9' });
const store: SqliteStore = createSqliteStore({ path: ':memory:' });
const engine: Engine = createEngine({ connectors: [ghl, createPushPressConnector(), createTestConnector({ actions: {} })], store });

export const operations: readonly OperationDescriptor[] = allOperations;

export async function check(definition: WorkflowDefinition): Promise<CompletedRun | ValidationResult> {
  const result = engine.validate(definition);
  if (!result.valid) return result;
  return engine.run(definition, { trigger: definition.trigger.operation, payload: {} }, { dryRun: true });
}

export function isRetried(error: unknown): boolean {
  return error instanceof ActionError && error.category === 'rate_limited';
}

export async function designTime(definition: unknown, event: unknown): Promise<MappingPreview> {
  const catalog = await loadCatalog();
  const expressions = new ExpressionCompiler();
  const { problems } = validateWorkflow(definition, { catalog, expressions });
  if (problems.length > 0) throw new Error(problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('\n'));
  return previewMapping({ email: '=$event.data.email' }, { expressions, scope: sampleScope({ event }) });
}
