import type { KeyedLimiter } from '../limits/keyed-limiter.js';
import type { Logger } from '../runtime/logger.js';
import type { OperationDescriptor } from './operation.js';

/**
 * A configured connection, named in workflows by `connection`. `settings` are non-secret and may
 * be shown to a workflow as `$config.connections.<name>`; `credentials` are secret and only the
 * connector reads them.
 */
export interface ConnectionConfig {
  readonly connector: string;
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly credentials?: Readonly<Record<string, unknown>>;
}

/** What a connector gets for one action call. */
export interface ActionContext {
  /** The tenant (gym) whose run this is: what a connector keys per-tenant state by (tokens, budgets). */
  readonly tenant: string;
  readonly connectionName: string;
  readonly connection: ConnectionConfig;
  /** Aborts on the step's timeout or when the run is stopped. */
  readonly signal: AbortSignal;
  /** The engine's shared keyed limiter (e.g. "100 calls per 10 s per GHL location"). */
  readonly limiter: KeyedLimiter;
  readonly logger: Logger;
  /** Stable across attempts and restarts of the same step of the same run, and across a retried run's attempts (`<id>~n`). */
  readonly idempotencyKey: string;
  /** 1 for the first attempt of this step in this run. */
  readonly attempt: number;
}

export interface ActionRequest {
  readonly operationId: string;
  readonly input: unknown;
}

/** What reconciliation found: the effect an earlier attempt had, or nothing. */
export type Reconciliation = { readonly found: true; readonly output: unknown } | { readonly found: false };

/**
 * A connector: the operations it offers and how to run its actions. Connectors throw
 * `ActionError` (or `RetryAfterError`) so the engine can classify and retry.
 */
export interface Connector {
  readonly name: string;
  readonly operations: readonly OperationDescriptor[];
  invoke(request: ActionRequest, context: ActionContext): Promise<unknown>;
  /**
   * Finds what an earlier attempt of this request may have created without its answer being
   * recorded (a contact by email or phone, a task or note by the marker `invoke` put in its body,
   * an appointment by contact and time), so it is not created twice. The engine calls it before
   * re-sending a request whose earlier attempt's outcome is unknown; `context.idempotencyKey` is
   * the same as that attempt's (also when the earlier attempt was another attempt of a retried run). Operations without a way to find their effect answer `{ found: false }`.
   */
  reconcile?(request: ActionRequest, context: ActionContext): Promise<Reconciliation>;
}
