import type { SwitchCase, SwitchStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** The cases of a switch being edited: a definition may be incomplete at design time, so anything not a case is left out (keeping indexes). */
export function switchCases(step: SwitchStep): Array<{ readonly index: number; readonly case: SwitchCase }> {
  const cases: readonly unknown[] = Array.isArray(step.cases) ? step.cases : [];
  return cases.flatMap((entry, index) => (entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? [{ index, case: entry as SwitchCase }] : []));
}

/** The nested-list field of a case's steps, as its pointer below the step says it: `cases/2/steps`. */
export function caseField(index: number): string {
  return `cases/${index}/steps`;
}

/** The field of the default steps. */
export const DEFAULT_FIELD = 'default';

/**
 * `switch` at design time: each case's `when` condition, and the case lists and `default`, all
 * inline states of the run (as an `if`'s branches are). A nested list's field is its pointer below
 * the step, so validation and scopeAt name `/steps/n/cases/i/steps/j` as they name `/steps/n/then/j`.
 */
export const switchShape: StepShape<SwitchStep> = {
  type: 'switch',
  nested: (step) => [
    ...switchCases(step).map(({ index, case: entry }) => ({ field: caseField(index), steps: entry.steps, inline: true })),
    ...(step.default ? [{ field: DEFAULT_FIELD, steps: step.default, inline: true }] : []),
  ],
  mappings: (step) => switchCases(step).map(({ index, case: entry }) => ({ field: `cases/${index}/when`, mapping: entry.when, expression: true })),
};
