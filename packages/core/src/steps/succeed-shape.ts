import type { SucceedStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** `succeed` at design time: its optional output mapping. */
export const succeedShape: StepShape<SucceedStep> = {
  type: 'succeed',
  nested: () => [],
  mappings: (step) => (step.output === undefined ? [] : [{ field: 'output', mapping: step.output, expression: false }]),
};
