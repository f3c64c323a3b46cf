/**
 * An expression worker thread (started by expression-workers.ts): evaluates one expression at a
 * time with JSONata's built-ins and Flowline's, metered against `timeoutMs`, and answers with
 * the value (checked against `maxResultBytes` before it is copied back) or the failure. The
 * host ends the thread at the deadline when a single built-in call outlasts the meter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileBoundedJsonata, type BoundedJsonata } from '../bounded-jsonata.js';
import { BoundReached, describeFailure } from '../evaluation-failure.js';
import { EvaluationMeter } from '../evaluation-meter.js';
import { BUILT_IN_FUNCTIONS } from '../functions/built-in-functions.js';
import * as phoneLibrary from '../functions/phone-library.js';
import { providePhoneLibrary } from '../functions/to-e164.js';
import { jsonSizeWithin } from '../json-size.js';
import type { OffThreadOutcome } from '../off-thread.js';
import type { EvaluateMessage, ExpressionWorkerData, WorkerMessage } from './messages.js';
import { plainValue } from './plain-value.js';

if (!parentPort) throw new Error('worker-entry.ts runs in an expression worker thread; start it with createExpressionWorkers');
const host = parentPort;
const { limits } = workerData as ExpressionWorkerData;
providePhoneLibrary(phoneLibrary);

/** Compiled expressions by source; a workflow's expressions are few, but a long-lived thread sees many workflows. */
const compiled = new Map<string, BoundedJsonata>();
const MAX_COMPILED = 1_000;

function compile(source: string): BoundedJsonata {
  let expression = compiled.get(source);
  if (!expression) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    expression = compileBoundedJsonata(source, { maxDepth: limits.maxDepth, maxSequence: limits.maxSequence, functions: BUILT_IN_FUNCTIONS });
    compiled.set(source, expression);
  }
  return expression;
}

async function evaluate({ source, input, bindings }: EvaluateMessage): Promise<OffThreadOutcome> {
  try {
    const meter = new EvaluationMeter({ budgetMs: limits.timeoutMs, policy: 'run-to-deadline', maxResultBytes: limits.maxResultBytes });
    const value = await compile(source).evaluate(input, bindings, meter);
    const bytes = jsonSizeWithin(value, limits.maxResultBytes);
    if (bytes > limits.maxResultBytes) throw new BoundReached({ kind: 'size', what: 'result', bytes, limitBytes: limits.maxResultBytes });
    return { ok: true, value: plainValue(value) };
  } catch (thrown) {
    return { ok: false, failure: describeFailure(thrown) };
  }
}

host.on('message', (message: EvaluateMessage) => {
  void evaluate(message).then((outcome) => {
    try {
      host.postMessage({ kind: 'outcome', id: message.id, outcome } satisfies WorkerMessage);
    } catch (error) {
      // A value that cannot be copied to the host (a JSONata function).
      const failure = { message: `its value cannot be passed back from the worker thread (${error instanceof Error ? error.message : String(error)})` };
      host.postMessage({ kind: 'outcome', id: message.id, outcome: { ok: false, failure } } satisfies WorkerMessage);
    }
  });
});

host.postMessage({ kind: 'ready' } satisfies WorkerMessage);
