import type { SucceedStep } from '../generated/workflow.js';
import { succeedShape } from './succeed-shape.js';
import type { StepKind } from './step-kind.js';

/** `succeed`: ends the run (or, inside a forEach body, the item) successfully, with an optional output. */
export const succeedStep: StepKind<SucceedStep> = {
  ...succeedShape,
  prepare(step, pointer, { mappings }) {
    const output = step.output === undefined ? undefined : mappings.compile(step.output, `${pointer}/output`);
    return {
      step,
      pointer,
      async execute({ scope }) {
        return { outcome: { type: 'succeed', output: output ? await output(scope) : undefined } };
      },
    };
  },
};
