import { assign, setup, type EventObject } from 'xstate';
import type { Step } from '../generated/workflow.js';
import type { RunContext, RunResult } from '../runtime/run-context.js';
import { stepKind } from '../steps/step-kinds.js';
import type { StepOutcome } from '../steps/step-outcome.js';

export const SUCCEEDED = '_succeeded';
export const FAILED = '_failed';

/** What the driver (drive-run.ts) tells a run's actor about the step its state names. */
export type RunMachineEvent =
  | { readonly type: 'step.done'; readonly outcome: StepOutcome }
  | { readonly type: 'step.crashed'; readonly error: unknown };

function outcomeOf(event: EventObject): StepOutcome {
  return (event as Extract<RunMachineEvent, { type: 'step.done' }>).outcome;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Compiles a list of steps into one XState machine. Every step is a state (keyed by its id);
 * while a run is in it, the driver runs that step and sends its outcome as `step.done`, and
 * named guards and actions route it: next, branch, succeed, fail, or error, which follows
 * `onError`. Nested inline lists (if branches, onError fallbacks) become states too,
 * continuing where their parent does. The context holds everything a step needs, so a
 * persisted snapshot says exactly which step to run next.
 */
export function buildRunMachine(id: string, steps: readonly Step[]) {
  const definition = setup({
    types: {} as { context: RunContext; input: RunContext; output: RunResult; events: RunMachineEvent },
    guards: {
      outcomeIs: ({ event }, params: { type: StepOutcome['type'] }) => outcomeOf(event).type === params.type,
      branchIs: ({ event }, params: { branch: string }) => {
        const outcome = outcomeOf(event);
        return outcome.type === 'branch' && outcome.branch === params.branch;
      },
    },
    actions: {
      recordOutput: assign(({ context, event }, params: { stepId: string }) => {
        const outcome = outcomeOf(event);
        if (outcome.type !== 'next' && outcome.type !== 'branch') return {};
        return {
          steps: { ...context.steps, [params.stepId]: outcome.output },
          ...(outcome.type === 'next' && outcome.vars ? { vars: { ...context.vars, ...outcome.vars } } : {}),
        };
      }),
      recordError: assign(({ context, event }, params: { stepId: string }) => {
        const outcome = outcomeOf(event);
        if (outcome.type !== 'error') return {};
        return { steps: { ...context.steps, [params.stepId]: { error: outcome.error } }, error: outcome.error };
      }),
      succeedRun: assign(({ event }) => {
        const outcome = outcomeOf(event);
        return { result: { status: 'succeeded' as const, ...(outcome.type === 'succeed' && outcome.output !== undefined ? { output: outcome.output } : {}) } };
      }),
      failRun: assign(({ event }, params: { stepId: string }) => {
        const outcome = outcomeOf(event);
        if (outcome.type !== 'error' && outcome.type !== 'fail') return {};
        return { result: { status: 'failed' as const, error: outcome.error, failedStep: params.stepId } };
      }),
      crashRun: assign(({ event }, params: { stepId: string }) => ({
        result: {
          status: 'failed' as const,
          failedStep: params.stepId,
          error: { name: 'InternalError', code: 'internal', category: 'internal', message: errorMessage((event as Extract<RunMachineEvent, { type: 'step.crashed' }>).error) },
        },
      })),
    },
  });

  type StateConfig = Parameters<typeof definition.createMachine>[0]['states'];
  const states: NonNullable<StateConfig> = {};

  const addList = (list: readonly Step[], continuation: string) => {
    list.forEach((step, index) => {
      const next = list[index + 1]?.id ?? continuation;
      const params = { stepId: step.id };
      const nested = stepKind(step).nested(step).filter((entry) => entry.inline);
      const onError = 'onError' in step ? step.onError : undefined;
      const errorTransition =
        onError === 'continue'
          ? { guard: { type: 'outcomeIs' as const, params: { type: 'error' as const } }, target: next, actions: { type: 'recordError' as const, params } }
          : Array.isArray(onError) && onError[0]
            ? { guard: { type: 'outcomeIs' as const, params: { type: 'error' as const } }, target: onError[0].id, actions: { type: 'recordError' as const, params } }
            : { guard: { type: 'outcomeIs' as const, params: { type: 'error' as const } }, target: FAILED, actions: { type: 'failRun' as const, params } };
      states[step.id] = {
        on: {
          'step.done': [
            { guard: { type: 'outcomeIs', params: { type: 'succeed' } }, target: SUCCEEDED, actions: { type: 'succeedRun' } },
            { guard: { type: 'outcomeIs', params: { type: 'fail' } }, target: FAILED, actions: { type: 'failRun', params } },
            errorTransition,
            ...nested.map((entry) => ({
              guard: { type: 'branchIs' as const, params: { branch: entry.field } },
              target: entry.steps[0]?.id ?? next,
              actions: { type: 'recordOutput' as const, params },
            })),
            { target: next, actions: { type: 'recordOutput', params } },
          ],
          'step.crashed': { target: FAILED, actions: { type: 'crashRun', params } },
        },
      };
      for (const entry of nested) addList(entry.steps, next);
      if (Array.isArray(onError)) addList(onError, next);
    });
  };
  addList(steps, SUCCEEDED);
  states[SUCCEEDED] = { type: 'final' };
  states[FAILED] = { type: 'final' };

  return definition.createMachine({
    id,
    context: ({ input }) => input,
    initial: steps[0]?.id ?? SUCCEEDED,
    states,
    output: ({ context }) => context.result ?? { status: 'succeeded', output: context.steps },
  });
}

export type RunMachine = ReturnType<typeof buildRunMachine>;
