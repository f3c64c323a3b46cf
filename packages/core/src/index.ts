export { FlowlineError, type FlowlineErrorOptions } from './errors/flowline-error.js';
export {
  ActionError,
  ERROR_CATEGORIES,
  NEVER_RETRIED,
  type ActionErrorOptions,
  type ErrorCategory,
} from './errors/action-error.js';
export { RetryAfterError } from './errors/retry-after-error.js';
export type { JsonSchema, OperationDescriptor, OperationKind } from './connectors/operation.js';
export type { ActionContext, ActionRequest, ConnectionConfig, Connector, Reconciliation } from './connectors/connector.js';
export { createKeyedLimiter, type KeyedLimiter, type LimitPolicy } from './limits/keyed-limiter.js';
export { Semaphore } from './limits/semaphore.js';
export { silentLogger, type Logger } from './runtime/logger.js';
export type * from './store/records.js';
export type { RunQuery, Store } from './store/store.js';
export type { EventSink, IdentifiedEvent, SubmitResult } from './runtime/event-sink.js';
export { createMemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export { createEngine, type CompletedRun, type Engine, type EngineOptions, type RunOptions } from './runtime/engine.js';
export type { RunEventName, RunEvents } from './runtime/run-events.js';
export type { RunContext, RunResult } from './runtime/run-context.js';
export { createCatalog, type Catalog, type CatalogQuery } from './catalog/catalog.js';
export { closestNames } from './catalog/closest-names.js';
export { validateWorkflow, type ValidateOptions } from './definition/validate-workflow.js';
export type { ValidationProblem, ValidationResult } from './definition/validation-problem.js';
export { workflowSchema } from './definition/workflow-schema.js';
export { ExpressionError } from './errors/expression-error.js';
export { PayloadError } from './errors/payload-error.js';
export { WorkflowValidationError } from './errors/workflow-validation-error.js';
export { ExpressionCompiler, type CompiledExpression, type ExpressionFunction } from './expressions/expression-compiler.js';
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './expressions/expression-limits.js';
export { parseJson } from './payload/parse-json.js';
export { findUnsafeKeys } from './payload/unsafe-keys.js';
export { resolveRetryPolicy, retryDelay, withRetry, type ResolvedRetryPolicy } from './runtime/retry-policy.js';
export type * from './generated/workflow.js';
export { BUILT_IN_CONNECTION, LINK_OPERATIONS } from './connectors/links-connector.js';
export type { DeadLetterQuery } from './store/store.js';
export { deadlineSignal, type DeadlineSignal } from './runtime/deadline-signal.js';
export { fromStoredJson, toStoredJson } from './store/stored-json.js';
