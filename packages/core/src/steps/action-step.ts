import type { ActionContext } from '../connectors/connector.js';
import { actionInputError } from '../definition/action-input-error.js';
import { ActionError } from '../errors/action-error.js';
import { FlowlineError } from '../errors/flowline-error.js';
import type { ActionStep } from '../generated/workflow.js';
import { deadlineSignal } from '../runtime/deadline-signal.js';
import { toErrorRecord } from '../runtime/error-record.js';
import { errorCategory, resolveRetryPolicy, withRetry } from '../runtime/retry-policy.js';
import { actionShape } from './action-shape.js';
import type { StepExecution, StepKind } from './step-kind.js';
import type { IdempotencyRecord, StepRecord } from '../store/records.js';
import type { ErrorCategory } from '../errors/action-error.js';
import { isoTime } from '../runtime/iso-time.js';
import { firstAttemptId } from '../runtime/run-id.js';
import { testEntry } from '../runtime/test-run.js';

/** Failures after which a request may or may not have been applied. */
const UNKNOWN_OUTCOME: ReadonlySet<ErrorCategory> = new Set(['network', 'timeout', 'server']);


/** Rejects with a `timeout` ActionError when the attempt's signal fires, even if the connector ignores it. */
function bounded<T>(task: Promise<T>, signal: AbortSignal, timeoutMs: number | undefined, request: string): Promise<T> {
  if (timeoutMs === undefined) return task;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      const reason: unknown = signal.reason;
      reject(
        reason instanceof DOMException && reason.name === 'TimeoutError'
          ? new ActionError('timeout', `${request} did not answer within ${timeoutMs} ms`, { request, hint: 'Raise the step\'s timeoutMs, or check the service.' })
          : reason,
      );
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    task.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** What a step's record says about its effect: done (with its output) when it succeeded, or was skipped as already done. */
function effectOfStepRecord(record: StepRecord | undefined): EarlierEffect | undefined {
  if (!record) return undefined;
  if (record.status === 'succeeded' || (record.status === 'skipped' && (record.reason === 'idempotent' || record.reason === 'reconciled'))) {
    return { state: 'done', output: record.output };
  }
  return undefined;
}

/**
 * What an earlier attempt of this effect left, if one may have happened:
 * - `done`, with the output to reuse;
 * - `unknown`: a request may have been sent without its answer being recorded, so the connector
 *   looks for its result before sending it again;
 * - undefined: nothing was sent before.
 *
 * An effect under the step's own key is found by its effect record (`pending` before the request,
 * `done` after). An effect keyed by its place in the run has no record of its own: the step's
 * record, written after its answer, says it was done. A run that cannot have been attempted before
 * (fresh) has nothing to look for; any other run may have sent a write whose step has no record
 * yet (it was cut off before its answer was recorded), so such a write is `unknown`. Reads are
 * simply repeated.
 */
async function earlierEffect(execution: StepExecution, effectKey: string, ownKey: boolean, writes: boolean): Promise<EarlierEffect | undefined> {
  const { context, services, path } = execution;
  const { store } = services;
  if (ownKey) return toEarlierEffect(await store.getIdempotency(effectKey));
  if (services.freshRuns.has(context.runId)) return undefined;
  if (writes) {
    const done = effectOfStepRecord((await store.listSteps(context.runId)).find((step) => step.path === path)) ?? (await effectOfEarlierAttempts(execution));
    if (done) return done;
  }
  // Effect records under the run's own keys, written by versions before step records stood for them.
  const recorded = toEarlierEffect(await store.getIdempotency(effectKey));
  return recorded ?? (writes ? { state: 'unknown' } : undefined);
}

/** The effect a retried run's earlier attempts had at this step's path (the newest attempt that did it). */
async function effectOfEarlierAttempts({ context, services, path }: StepExecution): Promise<EarlierEffect | undefined> {
  const seen = new Set<string>();
  for (let runId = context.retryOf; runId !== undefined && !seen.has(runId); runId = (await services.store.getRun(runId))?.retryOf) {
    seen.add(runId);
    const done = effectOfStepRecord((await services.store.listSteps(runId)).find((step) => step.path === path));
    if (done) return done;
  }
  return undefined;
}

type EarlierEffect = { readonly state: 'done'; readonly output: unknown } | { readonly state: 'unknown' };

function toEarlierEffect(record: IdempotencyRecord | undefined): EarlierEffect | undefined {
  if (!record) return undefined;
  return record.state === 'pending' ? { state: 'unknown' } : { state: 'done', output: record.output };
}

/** `action`: calls one catalog operation through its connector, with retries, timeout, rate limit and idempotency. */
export const actionStep: StepKind<ActionStep> = {
  ...actionShape,
  prepare(step, pointer, { mappings, expressions, catalog }) {
    const operation = catalog.describe(step.operation);
    if (!operation) throw new FlowlineError('operation.unknown', `There is no operation "${step.operation}"`, { pointer: `${pointer}/operation` });
    const input = step.input === undefined ? undefined : mappings.compile(step.input, `${pointer}/input`);
    const idempotencyKey = step.idempotencyKey === undefined ? undefined : expressions.compile(step.idempotencyKey, `${pointer}/idempotencyKey`);
    const rateKey = step.rateLimit?.key === undefined ? undefined : expressions.compile(step.rateLimit.key, `${pointer}/rateLimit/key`);
    const policy = resolveRetryPolicy(step.retry);
    const requestName = operation.http ? `${operation.http.method} ${operation.http.path}` : operation.id;
    // Reads can be repeated freely; anything else is an effect that must happen once.
    const writes = operation.http?.method.toUpperCase() !== 'GET';

    async function evaluateKey(execution: StepExecution): Promise<string | undefined> {
      if (!idempotencyKey) return undefined;
      const { scope } = execution;
      const key = await idempotencyKey.evaluate(scope.input, scope.bindings, `${pointer}/idempotencyKey`);
      if (key === undefined || key === null || key === '') {
        throw new FlowlineError('step.empty-idempotency-key', `The idempotency key of step "${step.id}" evaluated to nothing`, {
          pointer: `${pointer}/idempotencyKey`,
          hint: 'Build the key from fields every event has, e.g. the event id.',
        });
      }
      return `${execution.context.workflowId}/${step.id}/${typeof key === 'string' ? key : JSON.stringify(key)}`;
    }

    return {
      step,
      pointer,
      async execute(execution) {
        const { context, scope, services, signal, path } = execution;
        const built = input ? await input(scope) : {};
        const key = idempotencyKey ? await evaluateKey(execution) : undefined;
        if (context.dryRun) {
          // The connector checks the input before it sends anything: a dry run fails where that check would.
          const invalid = actionInputError(operation, built);
          if (invalid) return { outcome: { type: 'error', error: toErrorRecord(invalid, services.redact) }, attempts: 1, input: built };
          // A test run's mock stands in for the sample answer (e.g. a link not found yet).
          const mock = testEntry(context.test?.mocks, path, step.id);
          return {
            outcome: { type: 'next', output: mock ? mock.value : (operation.sampleOutput ?? null) },
            ...(mock ? { test: { mocked: true } } : {}),
            input: built,
            request: {
              operation: operation.id,
              connection: step.connection,
              ...(operation.http ? { method: operation.http.method, path: operation.http.path } : {}),
              input: built,
              ...(key === undefined ? {} : { idempotencyKey: key }),
            },
          };
        }
        const { store } = services;
        // Every effect has a key: the step's own idempotency key, else its place in the run (the
        // same for every attempt of a retried run, so a connector reconciles an earlier attempt's write).
        const effectKey = key ?? `run/${firstAttemptId(context.runId)}/${path}`;
        const previous = await earlierEffect(execution, effectKey, key !== undefined, writes);
        if (previous?.state === 'done') {
          return { outcome: { type: 'next', output: previous.output }, input: built, skipped: 'idempotent' };
        }
        const connection = services.connections[step.connection];
        const connector = services.connectors.get(operation.connector);
        if (!connection || !connector) {
          throw new ActionError('validation', connection ? `No connector "${operation.connector}" is installed` : `No connection named "${step.connection}" is configured`, {
            pointer: `${pointer}/connection`,
            hint: 'Give the engine the connector and a connection of that name.',
          });
        }
        // A step's own key may be shared with other runs, so its effect is recorded in the store's
        // effect records, before the request (`pending`) and after it. An effect keyed by its place
        // in the run is recorded by the step's record alone (see `earlierEffect`).
        const record = (state: 'pending' | 'done', output: unknown) =>
          store.putIdempotency({ key: effectKey, runId: context.runId, path, state, output, recordedAt: isoTime(services.now()) });
        let outcomeUnknown = previous?.state === 'unknown';
        if (key !== undefined && writes && !outcomeUnknown) await record('pending', null);
        const rateLimit = step.rateLimit;
        const limiterKey = rateLimit
          ? String(rateKey ? await rateKey.evaluate(scope.input, scope.bindings, `${pointer}/rateLimit/key`) : `${operation.connector}:${step.connection}`)
          : undefined;
        let attempts = 0;
        let reconciled = false;
        const request = { operationId: operation.id, input: built };
        const attempt = async (number: number) => {
          attempts = number;
          const deadline = step.timeoutMs === undefined ? undefined : deadlineSignal(signal, step.timeoutMs);
          const attemptSignal = deadline?.signal ?? signal;
          const actionContext: ActionContext = {
            tenant: services.tenant,
            connectionName: step.connection,
            connection,
            signal: attemptSignal,
            limiter: services.limiter,
            logger: services.logger,
            idempotencyKey: effectKey,
            attempt: number,
          };
          try {
            if (outcomeUnknown && writes && connector.reconcile) {
              const found = await connector.reconcile(request, actionContext);
              if (found.found) {
                reconciled = true;
                return found.output;
              }
            }
            const call = () => bounded(connector.invoke(request, actionContext), attemptSignal, step.timeoutMs, requestName);
            return await (rateLimit && limiterKey !== undefined ? services.limiter.schedule(`step:${services.tenant}:${limiterKey}`, rateLimit, call) : call());
          } catch (error) {
            // The request may have reached the service: look before sending it again.
            if (UNKNOWN_OUTCOME.has(errorCategory(error))) outcomeUnknown = true;
            throw error;
          } finally {
            deadline?.dispose();
          }
        };
        let output: unknown;
        try {
          output = await withRetry(attempt, policy, { signal, onRetry: execution.retrying });
        } catch (error) {
          return { outcome: { type: 'error', error: toErrorRecord(error, services.redact) }, attempts, input: built };
        }
        if (key !== undefined) await record('done', output);
        return { outcome: { type: 'next', output }, attempts, input: built, ...(reconciled ? { skipped: 'reconciled' } : {}) };
      },
    };
  },
};
