import type { Step } from '../generated/workflow.js';
import { actionShape } from './action-shape.js';
import { callShape } from './call-shape.js';
import { delayShape } from './delay-shape.js';
import { failShape } from './fail-shape.js';
import { forEachShape } from './for-each-shape.js';
import { ifShape } from './if-shape.js';
import { loopShape } from './loop-shape.js';
import { setShape } from './set-shape.js';
import type { StepShape } from './step-shape.js';
import { switchShape } from './switch-shape.js';
import { succeedShape } from './succeed-shape.js';

type ShapeRegistry = { readonly [Type in Step['type']]: StepShape<Extract<Step, { type: Type }>> };

/** Every step kind's design-time shape, by the `type` a definition names it with (the runtime kinds are in step-kinds.ts). */
export const STEP_SHAPES: ShapeRegistry = {
  action: actionShape,
  if: ifShape,
  switch: switchShape,
  forEach: forEachShape,
  set: setShape,
  fail: failShape,
  succeed: succeedShape,
  loop: loopShape,
  call: callShape,
  delay: delayShape,
};

export function stepShape<S extends Step>(step: S): StepShape<S> {
  return STEP_SHAPES[step.type] as unknown as StepShape<S>;
}
