import type { SetStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** `set` at design time: the mapping whose value it binds. */
export const setShape: StepShape<SetStep> = {
  type: 'set',
  nested: () => [],
  mappings: (step) => [{ field: 'value', mapping: step.value, expression: false }],
};
