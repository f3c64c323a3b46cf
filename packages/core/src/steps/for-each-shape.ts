import type { ForEachStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** `forEach` at design time: the expression it walks, and its body, which runs as a machine of its own. */
export const forEachShape: StepShape<ForEachStep> = {
  type: 'forEach',
  nested: (step) => [{ field: 'steps', steps: step.steps, inline: false }],
  mappings: (step) => [{ field: 'over', mapping: step.over, expression: true }],
};
