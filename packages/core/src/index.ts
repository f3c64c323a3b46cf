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
export type { RunPosition, RunQuery, Store, TenantExport, TenantRecord, TenantStore, WorkflowVersionRecord, WorkflowVersionState } from './store/store.js';
export { checkTenantId, DEFAULT_TENANT, isTenantId } from './tenants/tenant-id.js';
export { checkIsoTime, checkTimer, isFinishedStatus, RUN_STATUSES, WORKFLOW_VERSION_STATES } from './store/store-checks.js';
export type { ParkedDelivery, ParkedDeliveryInput, ParkedQuery } from './store/parked-delivery.js';
export type { EventSink, IdentifiedEvent, SubmitResult } from './runtime/event-sink.js';
export { createMemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export {
  createEngine,
  type AgainOptions,
  type CompletedRun,
  type Engine,
  type EngineOptions,
  type RemoveTenantOptions,
  type RunOptions,
  type RunPage,
  type RunPageQuery,
  type TenantRemoval,
  type TenantScope,
  type TenantSettings,
} from './runtime/engine.js';
export type { StoreRetryOptions } from './runtime/store-outage.js';
export { isStoreUnavailable, StoreUnavailableError, type StoreUnavailableReason } from './store/store-unavailable-error.js';
export type { RunEventName, RunEvents } from './runtime/run-events.js';
export type { TestStepRequest, TestStepResult } from './runtime/test-step.js';
export type { RunContext, RunResult } from './runtime/run-context.js';
export { createCatalog, type Catalog, type CatalogQuery } from './catalog/catalog.js';
export { closestNames } from './catalog/closest-names.js';
export { validateWorkflow, type ValidateOptions } from './definition/validate-workflow.js';
export { previewMapping, type FieldPreview, type MappingPreview, type MappingPreviewOptions, type PreviewError } from './design/preview-mapping.js';
export { sampleScope, type SampleScopeOptions } from './design/sample-scope.js';
export { scopeAt, type ScopeAt, type ScopeAtOptions } from './design/scope-at.js';
export type { ScopeNode, ScopeType } from './design/scope-node.js';
export type { ValidationProblem, ValidationResult } from './definition/validation-problem.js';
export { workflowSchema } from './definition/workflow-schema.js';
export { ExpressionError } from './errors/expression-error.js';
export { PayloadError } from './errors/payload-error.js';
export { WorkflowValidationError } from './errors/workflow-validation-error.js';
export { ExpressionCompiler, type CompiledExpression, type ExpressionCompilerOptions, type ExpressionFunction } from './expressions/expression-compiler.js';
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './expressions/expression-limits.js';
export { createExpressionWorkers, type ExpressionWorkerOptions } from './expressions/worker/expression-workers.js';
export type { OffThreadEvaluator, OffThreadEvaluatorFactory, OffThreadOutcome, OffThreadRequest } from './expressions/off-thread.js';
export { parseJson } from './payload/parse-json.js';
export { findUnsafeKeys } from './payload/unsafe-keys.js';
export { resolveRetryPolicy, retryDelay, withRetry, type ResolvedRetryPolicy } from './runtime/retry-policy.js';
export type * from './generated/workflow.js';
export { BUILT_IN_CONNECTION, LINK_OPERATIONS } from './connectors/link-operations.js';
export type { StartedRun } from './runtime/dispatch/manual-runs.js';
export { ENGINE_TRIGGERS, MANUAL_TRIGGER, SCHEDULE_TRIGGER, type ScheduleTick } from './connectors/engine-triggers.js';
export type { DeadLetterQuery, PendingTimerQuery } from './store/store.js';
export { deadlineSignal, type DeadlineSignal } from './runtime/deadline-signal.js';
export { fromStoredJson, toOptionalStoredJson, toStoredJson } from './store/stored-json.js';
export { encryptionKeyFromEnv, keyFingerprint, parseEncryptionKey, SECRET_KEY_ENV, type EncryptionKeyInput } from './store/secrets/encryption-key.js';
export { openSecret, sealSecret, type Sealed } from './store/secrets/secret-cipher.js';
export { createLeasedTokenStore, type ConnectorTokenStore, type TokensWithLeases, type TokenStoreAdapterOptions } from './store/leased-token-store.js';
