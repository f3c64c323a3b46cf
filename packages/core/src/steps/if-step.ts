import type { IfStep } from '../generated/workflow.js';
import { testEntry } from '../runtime/test-run.js';
import { ifShape } from './if-shape.js';
import type { StepKind } from './step-kind.js';
import { isTruthy } from './truthiness.js';

/**
 * `if`: runs `then` when the condition is true (JSONata truthiness), else `else`; the other list is
 * reported skipped. In a test run (a dry run) a chosen branch is taken without the condition.
 */
export const ifStep: StepKind<IfStep> = {
  ...ifShape,
  prepare(step, pointer, { expressions }) {
    const condition = expressions.compile(step.condition, `${pointer}/condition`);
    return {
      step,
      pointer,
      async execute(execution) {
        const { context } = execution;
        const chosen = context.dryRun ? testEntry(context.test?.branches, execution.path, step.id) : undefined;
        const value = chosen ? chosen.value === 'then' : isTruthy(await condition.evaluate(execution.scope.input, execution.scope.bindings, `${pointer}/condition`));
        const notTaken = value ? step.else : step.then;
        if (notTaken) execution.skip(notTaken, 'branch-not-taken');
        return { outcome: { type: 'branch', branch: value ? 'then' : 'else', output: value }, ...(chosen ? { test: { branch: chosen.value } } : {}) };
      },
    };
  },
};
