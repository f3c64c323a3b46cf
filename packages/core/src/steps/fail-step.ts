import type { FailStep } from '../generated/workflow.js';
import { failShape } from './fail-shape.js';
import type { StepKind } from './step-kind.js';

/** `fail`: ends the run as failed with a message (literal text, or `=` JSONata) and an optional code. */
export const failStep: StepKind<FailStep> = {
  ...failShape,
  prepare(step, pointer, { mappings }) {
    // Not top-level: a plain string is literal text, only strings starting with `=` are expressions (see fail-shape.ts).
    const message = mappings.compile(step.message, `${pointer}/message`, false);
    return {
      step,
      pointer,
      async execute({ scope }) {
        const text = await message(scope);
        return {
          outcome: {
            type: 'fail',
            error: {
              name: 'WorkflowFailure',
              code: step.code ?? 'workflow.failed',
              message: typeof text === 'string' ? text : JSON.stringify(text),
              pointer,
            },
          },
        };
      },
    };
  },
};
