/**
 * `@flowline/core/design`: what a builder needs at design time, safe in a browser. Definition
 * checks, the catalog, name hints and mapping previews, with no Node built-in and nothing of the
 * runtime (engine, machines, stores, retries) in its import graph; the workflow schema's
 * validator is precompiled, so it also runs under a Content-Security-Policy without 'unsafe-eval'.
 */
export { validateWorkflow, type ValidateOptions } from '../definition/validate-workflow.js';
export type { ValidationProblem, ValidationResult } from '../definition/validation-problem.js';
export { workflowSchema } from '../definition/workflow-schema.js';
export type * from '../generated/workflow.js';

export { createCatalog, type Catalog, type CatalogQuery } from '../catalog/catalog.js';
export { closestNames } from '../catalog/closest-names.js';
export type { JsonSchema, OperationDescriptor, OperationKind } from '../connectors/operation.js';
export type { ConnectionConfig } from '../connectors/connector.js';
export { BUILT_IN_CONNECTION, LINK_OPERATIONS } from '../connectors/link-operations.js';
export { ENGINE_TRIGGERS, MANUAL_TRIGGER, SCHEDULE_TRIGGER, type ScheduleTick } from '../connectors/engine-triggers.js';

export {
  ExpressionCompiler,
  type CompiledExpression,
  type ExpressionCompilerOptions,
  type ExpressionFunction,
} from '../expressions/expression-compiler.js';
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from '../expressions/expression-limits.js';
export type { Scope } from '../expressions/mapping.js';
export { previewMapping, type FieldPreview, type MappingPreview, type MappingPreviewOptions, type PreviewError } from './preview-mapping.js';
export { sampleScope, type SampleScopeOptions } from './sample-scope.js';
export { scopeAt, type ScopeAt, type ScopeAtOptions } from './scope-at.js';
export type { ScopeNode, ScopeType } from './scope-node.js';

export { FlowlineError, type FlowlineErrorOptions } from '../errors/flowline-error.js';
export { ExpressionError, type ExpressionErrorOptions } from '../errors/expression-error.js';
