import { FlowlineError } from '../errors/flowline-error.js';
import type { ForEachStep } from '../generated/workflow.js';
import { Semaphore } from '../limits/semaphore.js';
import type { ErrorRecord } from '../store/records.js';
import { forEachShape } from './for-each-shape.js';
import type { StepKind } from './step-kind.js';

const DEFAULT_MAX_ITERATIONS = 1000;

function asItems(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * `forEach`: runs its `steps` once per item of a JSONata array, at most `concurrency` at once.
 * Inside, `$item` (or `$<as>`) and `$index` are bound and `$steps` holds the item's own steps.
 * The output is one object per item with that item's step outputs. The first failing item
 * fails the step (no new items start); `succeed` inside the body ends just that item.
 */
export const forEachStep: StepKind<ForEachStep> = {
  ...forEachShape,
  prepare(step, pointer, { expressions, prepareBody }) {
    const over = expressions.compile(step.over, `${pointer}/over`);
    const runBody = prepareBody(step.steps, `${pointer}/steps`);
    const name = step.as ?? 'item';
    const limit = step.maxIterations ?? DEFAULT_MAX_ITERATIONS;
    return {
      step,
      pointer,
      async execute({ context, scope, path, signal, services }) {
        const items = asItems(await over.evaluate(scope.input, scope.bindings, `${pointer}/over`));
        if (items.length > limit) {
          throw new FlowlineError('step.too-many-items', `forEach "${step.id}" got ${items.length} items, more than its limit of ${limit}`, {
            pointer: `${pointer}/over`,
            hint: 'Raise maxIterations, or filter the array in the expression.',
          });
        }
        const semaphore = new Semaphore(step.concurrency ?? 1);
        const results: Array<Readonly<Record<string, unknown>>> = new Array(items.length);
        let failure: ErrorRecord | undefined;
        await Promise.all(
          items.map((item, index) =>
            semaphore.run(async () => {
              if (failure || signal.aborted) return;
              const result = await runBody(
                {
                  ...context,
                  locals: { ...context.locals, [name]: item, index },
                  pathPrefix: `${path}[${index}].`,
                  error: null,
                  result: null,
                },
                signal,
                services,
              );
              results[index] = result.steps;
              if (result.status === 'failed') failure ??= result.error;
            }),
          ),
        );
        if (failure) return { outcome: { type: 'error', error: failure } };
        signal.throwIfAborted();
        return { outcome: { type: 'next', output: results } };
      },
    };
  },
};
