import type { IfStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** `if` at design time: its condition, and its `then` and `else` lists, both inline states of the run. */
export const ifShape: StepShape<IfStep> = {
  type: 'if',
  nested: (step) => [
    { field: 'then', steps: step.then, inline: true },
    ...(step.else ? [{ field: 'else', steps: step.else, inline: true }] : []),
  ],
  mappings: (step) => [{ field: 'condition', mapping: step.condition, expression: true }],
};
