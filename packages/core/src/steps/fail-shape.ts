import type { FailStep, Mapping } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/**
 * Whether a message is plain text: a string not starting with `=`. Unlike a step's `input`, where
 * a string is an expression, a `fail` message is literal text unless it starts with `=` (the
 * mark strings inside mappings carry), as the README says; fail-step.ts compiles it that way.
 */
function isLiteralMessage(message: Mapping): boolean {
  return typeof message === 'string' && !message.startsWith('=');
}

/** `fail` at design time: its message, literal text or `=` JSONata (or a mapping of such strings). */
export const failShape: StepShape<FailStep> = {
  type: 'fail',
  nested: () => [],
  // A literal message holds no expression, so there is nothing in it to check.
  mappings: (step) => (isLiteralMessage(step.message) ? [] : [{ field: 'message', mapping: step.message, expression: false }]),
};
