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
export type { ActionContext, ActionRequest, ConnectionConfig, Connector } from './connectors/connector.js';
export { createKeyedLimiter, type KeyedLimiter, type LimitPolicy } from './limits/keyed-limiter.js';
export { Semaphore } from './limits/semaphore.js';
export { silentLogger, type Logger } from './runtime/logger.js';
export type * from './store/records.js';
export type { RunQuery, Store } from './store/store.js';
export type { EventSink, IdentifiedEvent, SubmitResult } from './runtime/event-sink.js';
export { createMemoryStore } from './store/memory-store.js';
