import { FlowlineError } from '../errors/flowline-error.js';
import type { Scope } from '../expressions/mapping.js';
import { buildScope } from '../expressions/scope.js';
import type { LoopStep } from '../generated/workflow.js';
import { isoTime } from '../runtime/iso-time.js';
import type { RunContext } from '../runtime/run-context.js';
import type { RunServices } from '../runtime/run-services.js';
import { cursorName, loopShape } from './loop-shape.js';
import type { StepKind } from './step-kind.js';
import { isTruthy } from './truthiness.js';

/** Where a loop is: iterations done and the cursor for the next one. */
interface LoopCheckpoint {
  readonly iterations: number;
  readonly cursor: unknown;
  /** The condition ended the loop after the last iteration (only the loop's own record was left to write). */
  readonly done: boolean;
}

/** The key of a loop's checkpoint in the store's effect records: one per run and loop path. */
function checkpointKey(context: RunContext, path: string): string {
  return `loop/${context.runId}/${path}`;
}

async function readCheckpoint(services: RunServices, context: RunContext, path: string): Promise<LoopCheckpoint | undefined> {
  // A fresh run cannot have been here before; a resumed one may have stopped mid-loop.
  if (context.dryRun || services.freshRuns.has(context.runId)) return undefined;
  const record = await services.store.getIdempotency(checkpointKey(context, path));
  const output = record?.output as Partial<LoopCheckpoint> | undefined;
  return output && typeof output.iterations === 'number' ? { iterations: output.iterations, cursor: output.cursor, done: output.done === true } : undefined;
}

/**
 * `loop`: a paging loop. The cursor starts as `init`; each iteration runs `steps` (a machine of its
 * own, as a forEach body) with `$cursor` (or `$<as>`) and `$iteration` bound, then the cursor
 * becomes `update` (which sees the iteration's `$steps`). `while` is checked before an iteration,
 * `until` after it (with the new cursor). A loop that would run more than `maxIterations` times
 * fails. After each iteration the iterations done and the cursor are saved (a checkpoint in the
 * run's effect records), so a run resumed after a crash goes on with the iteration it was in, its
 * done steps recognised by their paths (`<id>[<iteration>].<step>`). Output: `{ iterations, cursor }`.
 */
export const loopStep: StepKind<LoopStep> = {
  ...loopShape,
  prepare(step, pointer, { mappings, expressions, prepareBody }) {
    const init = step.init === undefined ? undefined : mappings.compile(step.init, `${pointer}/init`);
    const update = step.update === undefined ? undefined : mappings.compile(step.update, `${pointer}/update`);
    const whileCondition = step.while === undefined ? undefined : expressions.compile(step.while, `${pointer}/while`);
    const untilCondition = step.until === undefined ? undefined : expressions.compile(step.until, `${pointer}/until`);
    const runBody = prepareBody(step.steps, `${pointer}/steps`);
    const name = cursorName(step);
    return {
      step,
      pointer,
      async execute({ context, scope, path, signal, services }) {
        const within = (iteration: number, cursor: unknown, steps: RunContext['steps'] = context.steps): RunContext => ({
          ...context,
          steps,
          locals: { ...context.locals, [name]: cursor, iteration },
          error: null,
          result: null,
        });
        const scopeOf = (inner: RunContext): Scope => buildScope(inner, services.config);
        const checkpoint = await readCheckpoint(services, context, path);
        let iterations = checkpoint?.iterations ?? 0;
        let cursor: unknown = checkpoint ? checkpoint.cursor : init ? await init(scope) : {};
        if (checkpoint?.done) return { outcome: { type: 'next', output: { iterations, cursor } } };
        for (;;) {
          signal.throwIfAborted();
          if (whileCondition && !isTruthy(await whileCondition.evaluate(scope.input, scopeOf(within(iterations, cursor)).bindings, `${pointer}/while`))) break;
          if (iterations >= step.maxIterations) {
            throw new FlowlineError('step.loop-limit', `Loop "${step.id}" ran ${step.maxIterations} iterations and its condition still asks for more`, {
              pointer: `${pointer}/maxIterations`,
              hint: 'Check that update moves the cursor and that the condition ends the loop, or raise maxIterations (at most 1000).',
            });
          }
          const result = await runBody({ ...within(iterations, cursor), pathPrefix: `${path}[${iterations}].` }, signal, services);
          if (result.status === 'failed' && result.error) return { outcome: { type: 'error', error: result.error } };
          const after = within(iterations, cursor, { ...context.steps, ...result.steps });
          if (update) cursor = await update(scopeOf(after));
          const done = untilCondition ? isTruthy(await untilCondition.evaluate(scope.input, scopeOf(within(iterations, cursor, after.steps)).bindings, `${pointer}/until`)) : false;
          iterations += 1;
          if (!context.dryRun) {
            const saved: LoopCheckpoint = { iterations, cursor, done };
            await services.store.putIdempotency({ key: checkpointKey(context, path), runId: context.runId, path, state: 'done', output: saved, recordedAt: isoTime(services.now()) });
          }
          if (done) break;
        }
        return { outcome: { type: 'next', output: { iterations, cursor } } };
      },
    };
  },
};
