import { assign, fromPromise, setup, type DoneActorEvent, type EventObject } from 'xstate';
import type { Step } from '../generated/workflow.js';
import type { RunContext, RunResult } from '../runtime/run-context.js';
import type { RunServices } from '../runtime/run-services.js';
import type { PreparedStep } from '../steps/step-kind.js';
import { stepKind } from '../steps/step-kinds.js';
import type { StepOutcome } from '../steps/step-outcome.js';
import { runStep } from './run-step.js';

export const SUCCEEDED = '_succeeded';
export const FAILED = '_failed';

interface StepActorInput {
  readonly stepId: string;
  readonly context: RunContext;
}

function outcomeOf(event: EventObject): StepOutcome {
  return (event as DoneActorEvent<StepOutcome>).output;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Compiles a list of steps into one XState machine. Every step is a state (keyed by its id)
 * that invokes the actor named by its kind; outcomes route with named guards and actions.
 * Nested inline lists (if branches, onError fallbacks) become states too, continuing where
 * their parent does.
 */
export function buildRunMachine(id: string, steps: readonly Step[], prepared: ReadonlyMap<string, PreparedStep>, services: RunServices) {
  const stepLogic = fromPromise<StepOutcome, StepActorInput>(({ input, signal }) => {
    const step = prepared.get(input.stepId);
    if (!step) throw new Error(`No prepared step "${input.stepId}" in machine "${id}"`);
    return runStep(step, input.context, services, signal);
  });

  const definition = setup({
    types: {} as { context: RunContext; input: RunContext; output: RunResult },
    actors: { action: stepLogic, if: stepLogic, forEach: stepLogic, set: stepLogic, fail: stepLogic, succeed: stepLogic },
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
          error: { name: 'InternalError', code: 'internal', category: 'internal', message: errorMessage((event as { error?: unknown }).error) },
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
        invoke: {
          src: step.type,
          input: ({ context }: { context: RunContext }) => ({ stepId: step.id, context }),
          onDone: [
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
          onError: { target: FAILED, actions: { type: 'crashRun', params } },
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
