import type { Step } from '../generated/workflow.js';
import { actionStep } from './action-step.js';
import { callStep } from './call-step.js';
import { delayStep } from './delay-step.js';
import { failStep } from './fail-step.js';
import { forEachStep } from './for-each-step.js';
import { ifStep } from './if-step.js';
import { loopStep } from './loop-step.js';
import { setStep } from './set-step.js';
import type { StepKind } from './step-kind.js';
import { switchStep } from './switch-step.js';
import { succeedStep } from './succeed-step.js';

type KindRegistry = { readonly [Type in Step['type']]: StepKind<Extract<Step, { type: Type }>> };

/** Every step kind, by the `type` a definition names it with. A new kind is its shape (step-shapes.ts) and its module, one line each. */
export const STEP_KINDS: KindRegistry = {
  action: actionStep,
  if: ifStep,
  switch: switchStep,
  forEach: forEachStep,
  set: setStep,
  fail: failStep,
  succeed: succeedStep,
  loop: loopStep,
  call: callStep,
  delay: delayStep,
};

export function stepKind<S extends Step>(step: S): StepKind<S> {
  return STEP_KINDS[step.type] as unknown as StepKind<S>;
}
