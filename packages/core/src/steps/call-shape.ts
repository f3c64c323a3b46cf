import type { CallStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** `call` at design time: its input mapping; a workflow may not call itself directly (that would nest until the depth bound). */
export const callShape: StepShape<CallStep> = {
  type: 'call',
  nested: () => [],
  mappings: (step) => (step.input === undefined ? [] : [{ field: 'input', mapping: step.input, expression: false }]),
  validate(step, pointer, { workflowId }) {
    if (workflowId === undefined || step.workflow !== workflowId) return [];
    return [
      {
        pointer: `${pointer}/workflow`,
        code: 'call.self',
        message: `Step "${step.id}" calls workflow "${workflowId}", the workflow it is in`,
        suggestion: 'Call another workflow; a loop step repeats steps within one workflow.',
      },
    ];
  },
};
