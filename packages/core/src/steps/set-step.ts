import type { SetStep } from '../generated/workflow.js';
import { setShape } from './set-shape.js';
import type { StepKind } from './step-kind.js';

/** `set`: binds `$vars.<var>` to a mapping's value; the value is also the step's output. */
export const setStep: StepKind<SetStep> = {
  ...setShape,
  prepare(step, pointer, { mappings }) {
    const value = mappings.compile(step.value, `${pointer}/value`);
    return {
      step,
      pointer,
      async execute({ scope }) {
        const output = await value(scope);
        return { outcome: { type: 'next', output, vars: { [step.var]: output } } };
      },
    };
  },
};
