import { FlowlineError } from '../errors/flowline-error.js';
import type { SwitchStep } from '../generated/workflow.js';
import { testEntry } from '../runtime/test-run.js';
import type { StepKind } from './step-kind.js';
import { DEFAULT_FIELD, caseField, switchShape } from './switch-shape.js';
import { isTruthy } from './truthiness.js';

/** Which list a switch ran: a case's index, `default`, or none (no case was true and there is no default). */
export type SwitchChoice = number | typeof DEFAULT_FIELD | null;

/**
 * `switch`: tries the cases' `when` conditions in order (JSONata truthiness, as `if`) and runs the
 * steps of the first true one, else `default` (when given); every other list is reported skipped.
 * Its output (`$steps.<id>`) is the index of the case that ran, `"default"`, or null. Conditions
 * after the first true one are not evaluated. In a test run (a dry run) a chosen case index or
 * `"default"` is taken without evaluating any condition.
 */
export const switchStep: StepKind<SwitchStep> = {
  ...switchShape,
  prepare(step, pointer, { expressions }) {
    const conditions = step.cases.map((entry, index) => expressions.compile(entry.when, `${pointer}/cases/${index}/when`));
    return {
      step,
      pointer,
      async execute(execution) {
        const { context, scope } = execution;
        const chosen = context.dryRun ? testEntry(context.test?.branches, execution.path, step.id) : undefined;
        let choice: SwitchChoice = null;
        if (chosen) {
          choice = chosen.value === DEFAULT_FIELD || typeof chosen.value === 'number' ? chosen.value : null;
          if (choice === DEFAULT_FIELD && !step.default) {
            throw new FlowlineError('run.test-bad-branch', `Switch "${step.id}" has no default steps to choose`, { pointer, hint: 'Choose a case index, or add default steps.' });
          }
        } else {
          for (const [index, condition] of conditions.entries()) {
            if (isTruthy(await condition.evaluate(scope.input, scope.bindings, `${pointer}/cases/${index}/when`))) {
              choice = index;
              break;
            }
          }
          if (choice === null && step.default) choice = DEFAULT_FIELD;
        }
        step.cases.forEach((entry, index) => {
          if (index !== choice) execution.skip(entry.steps, 'branch-not-taken');
        });
        if (step.default && choice !== DEFAULT_FIELD) execution.skip(step.default, 'branch-not-taken');
        const test = chosen ? { test: { branch: chosen.value } } : {};
        if (choice === null) return { outcome: { type: 'next', output: null }, ...test };
        return { outcome: { type: 'branch', branch: choice === DEFAULT_FIELD ? DEFAULT_FIELD : caseField(choice), output: choice }, ...test };
      },
    };
  },
};
