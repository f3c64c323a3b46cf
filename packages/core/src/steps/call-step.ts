import { FlowlineError } from '../errors/flowline-error.js';
import type { CallStep } from '../generated/workflow.js';
import { testEntry } from '../runtime/test-run.js';
import { callShape } from './call-shape.js';
import type { StepKind } from './step-kind.js';

/**
 * `call`: runs another workflow of the tenant (its published version, or `version`) with `input` as
 * its event payload, through the engine (RunServices.callWorkflow), and waits for its run to end.
 * The output is the callee's: its `succeed` step's output, else its steps' outputs by id. A callee
 * that fails fails the step (its error named in the message). In a test run a mock of the step
 * stands in for the callee; otherwise the callee runs as a test run too (its actions answer their samples).
 */
export const callStep: StepKind<CallStep> = {
  ...callShape,
  prepare(step, pointer, { mappings }) {
    const input = step.input === undefined ? undefined : mappings.compile(step.input, `${pointer}/input`);
    return {
      step,
      pointer,
      async execute({ context, scope, path, services }) {
        const built = input ? await input(scope) : {};
        const mock = context.dryRun ? testEntry(context.test?.mocks, path, step.id) : undefined;
        if (mock) return { outcome: { type: 'next', output: mock.value }, input: built, test: { mocked: true } };
        if (!services.callWorkflow) throw new FlowlineError('call.unavailable', 'Sub-workflows run only in an engine', { pointer });
        const run = await services.callWorkflow({
          workflowId: step.workflow,
          ...(step.version === undefined ? {} : { version: step.version }),
          input: built,
          parentRunId: context.runId,
          path,
          dryRun: context.dryRun,
        });
        if (run.status === 'succeeded') return { outcome: { type: 'next', output: run.output ?? null }, input: built };
        // Cancelled with its caller: the caller stops before its next step, as cancelled, not failed.
        if (run.status === 'cancelled' && services.cancelled.has(context.runId)) return { outcome: { type: 'next', output: null }, input: built, skipped: 'cancelled' };
        const cause = run.error ? `: ${run.error.message}` : '';
        throw new FlowlineError('call.failed', `Workflow "${run.workflowId}" (run ${run.id}) ${run.status === 'failed' ? `failed${run.failedStep ? ` at step "${run.failedStep}"` : ''}` : `ended ${run.status}`}${cause}`, {
          pointer,
          hint: 'Look at the called workflow\'s run; its parent is this run.',
        });
      },
    };
  },
};
