import { Cron } from 'croner';
import { MANUAL_TRIGGER, SCHEDULE_TRIGGER } from '../connectors/engine-triggers.js';
import type { Trigger } from '../generated/workflow.js';
import type { ValidationProblem } from './validation-problem.js';

/** Why a cron pattern or a time zone is refused (croner's reading of them), else undefined. */
export function scheduleRefusal(cron: string, timeZone: string | undefined): { field: 'cron' | 'timeZone'; message: string } | undefined {
  if (timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      return { field: 'timeZone', message: `"${timeZone}" is not an IANA time zone` };
    }
    if (!timeZone.includes('/') && timeZone !== 'UTC') return { field: 'timeZone', message: `"${timeZone}" is an abbreviation or alias, not an IANA time zone` };
  }
  try {
    new Cron(cron, { paused: true, ...(timeZone === undefined ? {} : { timezone: timeZone }) });
  } catch (error) {
    return { field: 'cron', message: `"${cron}" is not a cron pattern: ${error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error)}` };
  }
  return undefined;
}

/**
 * What the engine's own triggers ask of a definition beyond the JSON Schema: `trigger.input` only
 * on `flowline.manual`; `trigger.schedule` on `flowline.schedule` and only there, with a cron
 * pattern croner reads and an IANA time zone.
 */
export function engineTriggerProblems(trigger: Partial<Trigger>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { operation } = trigger;
  if (trigger.input !== undefined && operation !== MANUAL_TRIGGER) {
    problems.push({ pointer: '/trigger/input', code: 'trigger.input-not-manual', message: `Only a ${MANUAL_TRIGGER} trigger declares its input; ${String(operation)} events are checked against the catalog's schema`, suggestion: 'Remove trigger.input, or start the workflow by hand (flowline.manual).' });
  }
  if (operation === SCHEDULE_TRIGGER && trigger.schedule === undefined) {
    problems.push({ pointer: '/trigger', code: 'trigger.schedule-missing', message: 'A flowline.schedule trigger needs trigger.schedule: { "cron": ..., "timeZone": ... }', suggestion: 'e.g. "schedule": { "cron": "0 9 1 * *", "timeZone": "America/New_York" } (09:00 on the 1st of each month).' });
  }
  if (trigger.schedule !== undefined && operation !== SCHEDULE_TRIGGER) {
    problems.push({ pointer: '/trigger/schedule', code: 'trigger.schedule-not-scheduled', message: `Only a ${SCHEDULE_TRIGGER} trigger has a schedule`, suggestion: `Remove trigger.schedule, or set trigger.operation to ${SCHEDULE_TRIGGER}.` });
  }
  if (operation === SCHEDULE_TRIGGER && typeof trigger.schedule?.cron === 'string') {
    const refusal = scheduleRefusal(trigger.schedule.cron, typeof trigger.schedule.timeZone === 'string' ? trigger.schedule.timeZone : undefined);
    if (refusal) {
      problems.push({
        pointer: `/trigger/schedule/${refusal.field}`,
        code: refusal.field === 'cron' ? 'schedule.bad-cron' : 'schedule.bad-time-zone',
        message: refusal.message,
        suggestion: refusal.field === 'cron' ? 'Five fields: minute hour day-of-month month day-of-week, e.g. "0 9 1 * *".' : 'Name a zone such as "America/New_York" or "Europe/London" (see the IANA tz database).',
      });
    }
  }
  return problems;
}
