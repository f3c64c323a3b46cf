import type { FailStep } from '../generated/workflow.js';
import type { StepKind } from './step-kind.js';

/** `fail`: ends the run as failed with a message (literal, or `=` JSONata) and an optional code. */
export const failStep: StepKind<FailStep> = {
  type: 'fail',
  nested: () => [],
  mappings: (step) => [{ field: 'message', mapping: step.message, expression: false }],
  prepare(step, pointer, { mappings }) {
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
