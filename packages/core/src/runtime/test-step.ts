import { randomUUID } from 'node:crypto';
import { closestNames } from '../catalog/closest-names.js';
import { actionInputError } from '../definition/action-input-error.js';
import { FlowlineError } from '../errors/flowline-error.js';
import type { ErrorRecord } from '../store/records.js';
import { deadlineSignal } from './deadline-signal.js';
import { toErrorRecord } from './error-record.js';
import type { TenantRuntime } from './tenants/tenant-runtime.js';

/** One action, run live on its own with the input given (literal JSON: nothing is evaluated). */
export interface TestStepRequest {
  /** An action operation id, e.g. `ghl.contacts.search-contacts`. */
  readonly operation: string;
  /** The tenant's connection to run it with, by name. */
  readonly connection: string;
  readonly input: unknown;
  /** Gives up after this long (default 30 s). */
  readonly timeoutMs?: number;
}

export interface TestStepResult {
  readonly operation: string;
  readonly status: 'succeeded' | 'failed';
  readonly output?: unknown;
  readonly error?: ErrorRecord;
  readonly durationMs: number;
}

const problem = (code: string, message: string, pointer: string, hint: string) => new FlowlineError(code, message, { pointer, hint });

/**
 * Runs one action live with a tenant's connection, once: no run, no records, no retries, no
 * effect key shared with any run (a builder trying a step: it really calls the service). An
 * input that does not fit the operation's schema fails before anything is sent, as in a run.
 */
export async function testStep(tenant: TenantRuntime, request: TestStepRequest): Promise<TestStepResult> {
  const { services } = tenant;
  const operation = services.catalog.describe(request.operation);
  if (!operation || operation.kind !== 'action') {
    const actions = services.catalog.list({ kind: 'action' }).map((candidate) => candidate.id);
    throw problem('test-step.unknown-operation', `There is no action "${request.operation}"`, '/operation', `Did you mean ${closestNames(request.operation, actions).map((id) => `"${id}"`).join(' or ')}?`);
  }
  const connection = services.connections[request.connection];
  const connector = services.connectors.get(operation.connector);
  if (!connection || connection.connector !== operation.connector || !connector) {
    throw problem('test-step.unknown-connection', `Tenant "${tenant.id}" has no ${operation.connector} connection named "${request.connection}"`, '/connection', `Name one of its ${operation.connector} connections.`);
  }
  const started = services.now();
  const finished = (result: Omit<TestStepResult, 'operation' | 'durationMs'>): TestStepResult => ({ operation: operation.id, ...result, durationMs: services.now() - started });
  const invalid = actionInputError(operation, request.input);
  if (invalid) return finished({ status: 'failed', error: toErrorRecord(invalid, services.redact) });
  const deadline = deadlineSignal(undefined, request.timeoutMs ?? 30_000);
  try {
    const output = await connector.invoke(
      { operationId: operation.id, input: request.input },
      { tenant: tenant.id, connectionName: request.connection, connection, signal: deadline.signal, limiter: services.limiter, logger: services.logger, idempotencyKey: `test-step/${randomUUID()}`, attempt: 1 },
    );
    return finished({ status: 'succeeded', output });
  } catch (error) {
    return finished({ status: 'failed', error: toErrorRecord(error, services.redact) });
  } finally {
    deadline.dispose();
  }
}
