import type { ValidationProblem } from '../definition/validation-problem.js';
import type { DelayStep } from '../generated/workflow.js';
import { parseIsoDuration, parseIsoTime, suggestIsoDuration, untilExpression } from './delay-time.js';
import type { StepShape } from './step-shape.js';

/** A step nested in a forEach (or any step's own `steps` body, which runs as a machine of its own, not saved between its steps). */
const IN_A_BODY = /\/steps\/\d+\/steps\/\d+/;

/**
 * `delay` at design time: exactly one of `for` (an ISO duration or parts) and `until` (an ISO time
 * with its offset, or `=` and a JSONata expression); not inside a forEach body, whose steps are not
 * saved one by one, so a wait there could not survive a restart.
 */
export const delayShape: StepShape<DelayStep> = {
  type: 'delay',
  nested: () => [],
  mappings: (step) => {
    const expression = typeof step.until === 'string' ? untilExpression(step.until) : undefined;
    return expression === undefined ? [] : [{ field: 'until', mapping: expression, expression: true }];
  },
  validate(step, pointer) {
    const problems: ValidationProblem[] = [];
    const hasFor = step.for !== undefined;
    const hasUntil = step.until !== undefined;
    if (hasFor === hasUntil) {
      problems.push({
        pointer,
        code: 'delay.one-of',
        message: hasFor ? 'A delay has both "for" and "until"' : 'A delay needs "for" (how long) or "until" (a time)',
        suggestion: 'Give "for": "P3D" (or { "days": 3 }) to wait a duration, or "until": "2026-12-24T09:00:00-05:00" (or "=<JSONata>") to wait for a time.',
      });
    }
    if (typeof step.for === 'string' && !parseIsoDuration(step.for)) {
      const suggestion = suggestIsoDuration(step.for);
      problems.push({
        pointer: `${pointer}/for`,
        code: 'delay.bad-duration',
        message: `"${step.for}" is not an ISO 8601 duration`,
        suggestion: suggestion ? `Did you mean "${suggestion}"?` : 'Write it as P<n>D, PT<n>H, PT<n>M (e.g. P3D, PT2H30M), or as { "days": 3 }.',
      });
    }
    if (typeof step.until === 'string' && untilExpression(step.until) === undefined && parseIsoTime(step.until) === undefined) {
      problems.push({
        pointer: `${pointer}/until`,
        code: 'delay.bad-time',
        message: `"${step.until}" is not an ISO time with an offset`,
        suggestion: /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(step.until)
          ? `Add the offset: "${step.until}Z" (UTC) or e.g. "${step.until}-05:00"; for a gym's local time, compute it: "=$startOfDayInZone(...)".`
          : 'Write e.g. "2026-12-24T09:00:00-05:00", or start with "=" for a JSONata expression giving a time.',
      });
    }
    if (IN_A_BODY.test(pointer)) {
      problems.push({
        pointer,
        code: 'delay.in-body',
        message: 'A delay cannot be inside a forEach or loop body (its steps are not saved one by one, so the wait would not survive a restart)',
        suggestion: 'Put the delay before or after the forEach or loop, or call a sub-workflow per item that waits.',
      });
    }
    return problems;
  },
};
