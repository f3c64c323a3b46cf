import type { ValidationProblem } from '../definition/validation-problem.js';
import type { LoopStep } from '../generated/workflow.js';
import type { MappingField, StepShape } from './step-shape.js';

/** The hard bound of `maxIterations` (the schema says the same). */
export const MAX_LOOP_ITERATIONS = 1000;

/** The cursor's name inside the body, without `$`. */
export function cursorName(step: LoopStep): string {
  return typeof step.as === 'string' ? step.as : 'cursor';
}

/**
 * `loop` at design time: the cursor's `init` and `update` mappings and its `while`/`until`
 * conditions; its body runs as a machine of its own, once per iteration (as a forEach body does).
 * Exactly one of `while` and `until` ends it.
 */
export const loopShape: StepShape<LoopStep> = {
  type: 'loop',
  nested: (step) => [{ field: 'steps', steps: step.steps, inline: false }],
  mappings: (step) => {
    const fields: MappingField[] = [];
    if (step.init !== undefined) fields.push({ field: 'init', mapping: step.init, expression: false });
    if (step.update !== undefined) fields.push({ field: 'update', mapping: step.update, expression: false, afterBody: true });
    if (step.while !== undefined) fields.push({ field: 'while', mapping: step.while, expression: true });
    if (step.until !== undefined) fields.push({ field: 'until', mapping: step.until, expression: true, afterBody: true });
    return fields;
  },
  validate(step, pointer) {
    const problems: ValidationProblem[] = [];
    if (step.while === undefined && step.until === undefined) {
      problems.push({
        pointer,
        code: 'loop.no-condition',
        message: `Loop "${step.id}" has neither while nor until, so nothing ends it but maxIterations`,
        suggestion: 'Add "until", e.g. "=$not($exists($cursor.startAfterId))", or "while".',
      });
    } else if (step.while !== undefined && step.until !== undefined) {
      problems.push({ pointer: `${pointer}/until`, code: 'loop.two-conditions', message: `Loop "${step.id}" has both while and until`, suggestion: 'Keep one: while is checked before each iteration, until after it.' });
    }
    if (Array.isArray(step.steps) && step.steps.length === 0) {
      problems.push({ pointer: `${pointer}/steps`, code: 'loop.empty', message: `Loop "${step.id}" has no steps`, suggestion: 'Add the steps each iteration runs, e.g. the search for one page.' });
    }
    return problems;
  },
};
