import { FlowlineError } from '../errors/flowline-error.js';
import type { DelayStep } from '../generated/workflow.js';
import { RunWaiting } from '../machine/run-waiting.js';
import { isoTime } from '../runtime/iso-time.js';
import { delayShape } from './delay-shape.js';
import { addDuration, durationOf, parseIsoTime, untilExpression } from './delay-time.js';
import type { StepKind } from './step-kind.js';

const badTime = (pointer: string, got: unknown) =>
  new FlowlineError('delay.bad-time', `The delay's "until" gave ${JSON.stringify(got) ?? typeof got}, not a time`, {
    pointer: `${pointer}/until`,
    hint: 'Make the expression give an ISO time with its offset (e.g. 2026-12-24T09:00:00-05:00) or milliseconds since the epoch.',
  });

/** A computed `until`: ms since the epoch, or an ISO time with its offset. */
function timeOf(value: unknown, pointer: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = parseIsoTime(value);
    if (ms !== undefined) return ms;
  }
  throw badTime(pointer, value);
}

/**
 * `delay`: a durable timer. The first time the step runs it works out when it is due (`for` from
 * now, or `until`) and saves a timer under the run and the step's path; if that time has not come,
 * it throws RunWaiting: the run stops here, its snapshot still at this step, listed as `waiting`,
 * with nothing of it in memory. When the timer is due the engine's scheduler resumes the run from
 * that snapshot, this step runs again, finds its timer due, marks it fired and goes on; run again
 * after that (a crash before the next snapshot), it finds the timer fired and goes on without
 * waiting again. A due time already past goes on at once. A dry run (a test run) does not wait:
 * its output says when it would have gone on.
 */
export const delayStep: StepKind<DelayStep> = {
  ...delayShape,
  prepare(step, pointer, { expressions }) {
    const expression = step.until === undefined ? undefined : untilExpression(step.until);
    const compiled = expression === undefined ? undefined : expressions.compile(expression, `${pointer}/until`);
    const dueFrom = async (now: number, input: unknown, bindings: Readonly<Record<string, unknown>>): Promise<number> => {
      if (step.for !== undefined) {
        const parts = durationOf(step.for);
        if (!parts) throw new FlowlineError('delay.bad-duration', `"${String(step.for)}" is not an ISO 8601 duration`, { pointer: `${pointer}/for` });
        return addDuration(now, parts);
      }
      if (compiled) return timeOf(await compiled.evaluate(input, bindings, `${pointer}/until`), pointer);
      return timeOf(step.until, pointer);
    };
    return {
      step,
      pointer,
      async execute({ context, scope, services, path }) {
        const now = services.now();
        if (context.dryRun) {
          const until = isoTime(await dueFrom(now, scope.input, scope.bindings));
          return { outcome: { type: 'next', output: { until, skippedWait: true } } };
        }
        const { store } = services;
        const timer = await store.getTimer(context.runId, path);
        if (timer?.firedAt !== undefined) return { outcome: { type: 'next', output: { until: timer.dueAt } } };
        const dueAt = timer ? Date.parse(timer.dueAt) : await dueFrom(now, scope.input, scope.bindings);
        const until = isoTime(dueAt);
        if (dueAt <= now) {
          if (timer) await store.putTimer({ ...timer, firedAt: isoTime(now) });
          return { outcome: { type: 'next', output: { until } } };
        }
        if (!timer) {
          await store.putTimer({ runId: context.runId, path, dueAt: until });
          services.timerSet(dueAt);
        }
        throw new RunWaiting(context.runId, step.id, until);
      },
    };
  },
};
