import type { OperationDescriptor } from './operation.js';

/** The trigger of runs started by hand (HTTP API, CLI, builder) with a payload the workflow's `trigger.input` schema checks. */
export const MANUAL_TRIGGER = 'flowline.manual';
/** The trigger of runs the engine starts on a cron pattern, in a time zone. */
export const SCHEDULE_TRIGGER = 'flowline.schedule';

/** What a scheduled run's `$event` is. */
export interface ScheduleTick {
  /** The tick (ISO time, UTC) this run stands for. */
  readonly scheduledAt: string;
  /** The tick in the time zone, with its offset (e.g. 2026-03-01T09:00:00-05:00). */
  readonly localTime: string;
  readonly cron: string;
  readonly timeZone: string;
  /** Ticks missed while the host was down that this run stands for (older ones are dropped), 0 on time. */
  readonly missed: number;
}

/**
 * The engine's own triggers, offered by every engine beside the connectors' (browser-safe, for the
 * builder's trigger picker). Their events come from the engine: a manual run from a host's call,
 * a scheduled one from the engine's schedule (a workflow's `trigger.schedule`), never a webhook.
 */
export const ENGINE_TRIGGERS: readonly OperationDescriptor[] = [
  {
    id: MANUAL_TRIGGER,
    kind: 'trigger',
    connector: 'flowline',
    title: 'Started by hand',
    description:
      'A run started from the HTTP API (POST /api/tenants/{tenant}/workflows/{id}/runs), the CLI (flowline run <workflow> --payload <file>) or the builder, with a JSON payload ($event). Declare what the payload must hold as a JSON Schema in trigger.input; a payload that does not match is refused with pointers.',
    input: { type: 'object', description: 'Whatever the workflow\'s trigger.input declares.' },
    sample: { note: 'any JSON object' },
  },
  {
    id: SCHEDULE_TRIGGER,
    kind: 'trigger',
    connector: 'flowline',
    title: 'On a schedule',
    description:
      'Runs on a cron pattern (trigger.schedule.cron) in an IANA time zone (trigger.schedule.timeZone, else $config.timeZone, else UTC), per tenant. Ticks missed while the host was down: one catch-up run for the most recent, older ones dropped. A local time skipped by a spring-forward DST change runs at the next valid instant; one repeated by a fall-back change runs once.',
    input: {
      type: 'object',
      required: ['scheduledAt', 'localTime', 'cron', 'timeZone', 'missed'],
      properties: {
        scheduledAt: { type: 'string', description: 'The tick this run stands for (ISO time, UTC).' },
        localTime: { type: 'string', description: 'The tick in the time zone, with its offset.' },
        cron: { type: 'string', description: 'The cron pattern.' },
        timeZone: { type: 'string', description: 'The IANA time zone the pattern is read in.' },
        missed: { type: 'integer', minimum: 0, description: 'Ticks missed while the host was down that this run stands for (0 on time).' },
      },
    },
    sample: { scheduledAt: '2026-03-01T14:00:00.000Z', localTime: '2026-03-01T09:00:00-05:00', cron: '0 9 1 * *', timeZone: 'America/New_York', missed: 0 } satisfies ScheduleTick,
  },
];
