import { describe, expect, it } from 'vitest';
import { createMemoryStore, type Store } from '../src/index.js';
import { cronIn, dueTick } from '../src/runtime/schedule/schedule-ticks.js';
import { echo, testEngine, workflow } from './fixtures.js';

const NEW_YORK = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** An engine on `store` with a fake clock, and a scheduled workflow that saves its tick. */
function scheduledEngine(store: Store, clock: { now: number }, cron: string, timeZone?: string, config: Record<string, unknown> = {}) {
  const { engine } = testEngine({ save: echo }, { store, now: () => clock.now, config });
  engine.deploy(workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { tick: '=$event.scheduledAt', local: '=$event.localTime', missed: '=$event.missed' } }], {
    id: 'sweep',
    trigger: { operation: 'flowline.schedule', schedule: { cron, ...(timeZone ? { timeZone } : {}) } },
  }));
  return engine;
}

describe('schedule ticks (croner, fake clock)', () => {
  it('runs a local time skipped by the spring-forward change (02:30 on 8 March 2026 in New York) once, an hour later by the clock', () => {
    const cron = cronIn('30 2 * * *', NEW_YORK);
    const last = at('2026-03-07T07:30:00Z'); // 02:30 EST on the 7th
    expect(dueTick(cron, last, at('2026-03-08T07:29:59Z'))).toBeUndefined();
    expect(dueTick(cron, last, at('2026-03-08T07:30:00Z'))).toEqual({ at: at('2026-03-08T07:30:00Z'), missed: 0 }); // 03:30 EDT
    expect(dueTick(cron, at('2026-03-08T07:30:00Z'), at('2026-03-09T06:30:00Z'))).toEqual({ at: at('2026-03-09T06:30:00Z'), missed: 0 }); // 02:30 EDT
  });

  it('runs a local time repeated by the fall-back change (01:30 on 1 November 2026 in New York) once', () => {
    const cron = cronIn('30 1 * * *', NEW_YORK);
    const first = dueTick(cron, at('2026-10-31T05:30:00Z'), at('2026-11-01T07:00:00Z'));
    expect(first).toEqual({ at: at('2026-11-01T05:30:00Z'), missed: 0 }); // 01:30 EDT; 01:30 EST (06:30Z) is no tick
    expect(dueTick(cron, first?.at ?? 0, at('2026-11-02T06:29:59Z'))).toBeUndefined();
  });

  it('gives one tick for the most recent of several missed, counting the others', () => {
    const cron = cronIn('0 9 * * *', NEW_YORK);
    expect(dueTick(cron, at('2026-01-01T14:00:00Z'), at('2026-01-05T15:00:00Z'))).toEqual({ at: at('2026-01-05T14:00:00Z'), missed: 3 });
  });
});

describe('flowline.schedule in an engine (fake clock)', () => {
  it('starts counting from the publish: ticks before it do not run', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-03-01T12:00:00Z') };
    const engine = scheduledEngine(store, clock, '0 9 * * *', NEW_YORK);
    expect(await engine.checkSchedules()).toEqual([]);
    expect(await store.getLink('flowline-schedule:last-tick', 'sweep')).toBe('2026-03-01T12:00:00.000Z');
  });

  it('runs a tick that fell between the publish and the first look (the runner looks every 30 s at most)', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-03-01T13:59:50Z') }; // 08:59:50 in New York
    const { engine } = testEngine({ save: echo }, { store, now: () => clock.now });
    await engine.publish(workflow([{ id: 'noop', type: 'set', var: 'x', value: '1' }], { id: 'sweep', trigger: { operation: 'flowline.schedule', schedule: { cron: '0 9 * * *', timeZone: NEW_YORK } } }));
    clock.now = at('2026-03-01T14:00:20Z');
    expect((await engine.checkSchedules()).map((run) => run.id)).toEqual(['schedule:sweep:2026-03-01T14:00:00.000Z']);
  });

  it('runs each tick once, in the workflow\'s time zone, with $event saying when', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-03-01T12:00:00Z') };
    const engine = scheduledEngine(store, clock, '0 9 * * *', NEW_YORK);
    await engine.checkSchedules();
    clock.now = at('2026-03-01T14:00:00Z');
    const [run] = await engine.checkSchedules();
    expect(run).toMatchObject({ id: 'schedule:sweep:2026-03-01T14:00:00.000Z', status: 'succeeded' });
    expect(run?.steps[0]?.output).toEqual({ tick: '2026-03-01T14:00:00.000Z', local: '2026-03-01T09:00:00.000-05:00', missed: 0 });
    expect(await engine.checkSchedules()).toEqual([]);
  });

  it('reads the pattern in the tenant\'s $config.timeZone when the workflow names none', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-07-01T00:00:00Z') };
    const engine = scheduledEngine(store, clock, '0 9 * * *', undefined, { timeZone: 'Europe/London' });
    await engine.checkSchedules();
    clock.now = at('2026-07-01T08:00:00Z'); // 09:00 BST
    expect((await engine.checkSchedules()).map((run) => run.id)).toEqual(['schedule:sweep:2026-07-01T08:00:00.000Z']);
  });

  it('after downtime, runs one catch-up for the most recent missed tick, then none again in a restarted engine', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-01-01T12:00:00Z') };
    const first = scheduledEngine(store, clock, '0 9 * * *', NEW_YORK);
    await first.checkSchedules();
    // Down from 07:00 on 1 January (EST) to 10:00 on the 5th: the ticks of the 1st to the 4th are missed.
    clock.now = at('2026-01-05T15:00:00Z');
    const second = scheduledEngine(store, clock, '0 9 * * *', NEW_YORK);
    const runs = await second.checkSchedules();
    expect(runs.map((run) => [run.id, run.steps[0]?.output])).toEqual([['schedule:sweep:2026-01-05T14:00:00.000Z', { tick: '2026-01-05T14:00:00.000Z', local: '2026-01-05T09:00:00.000-05:00', missed: 4 }]]);
    const third = scheduledEngine(store, clock, '0 9 * * *', NEW_YORK);
    expect(await third.checkSchedules()).toEqual([]);
    expect((await store.listRuns()).map((run) => run.id)).toEqual(['schedule:sweep:2026-01-05T14:00:00.000Z']);
  });

  it('does not start a tick again whose run a crash left stored before the last tick moved on', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-01-01T12:00:00Z') };
    const engine = scheduledEngine(store, clock, '0 9 * * *', NEW_YORK);
    await engine.checkSchedules();
    await store.putRun({ id: 'schedule:sweep:2026-01-02T14:00:00.000Z', workflowId: 'sweep', workflowVersion: 1, status: 'succeeded', dryRun: false, event: { trigger: 'flowline.schedule', payload: {} }, queuedAt: '2026-01-02T14:00:00.000Z' });
    clock.now = at('2026-01-02T14:00:01Z');
    expect(await engine.checkSchedules()).toEqual([]);
    expect(await store.getLink('flowline-schedule:last-tick', 'sweep')).toBe('2026-01-02T14:00:00.000Z');
  });

  it('runs across the spring-forward change in an engine: the 02:30 tick of 8 March at 03:30 EDT', async () => {
    const store = createMemoryStore();
    const clock = { now: at('2026-03-07T08:00:00Z') };
    const engine = scheduledEngine(store, clock, '30 2 * * *', NEW_YORK);
    await engine.checkSchedules();
    clock.now = at('2026-03-08T07:30:00Z');
    const [run] = await engine.checkSchedules();
    expect(run?.steps[0]?.output).toMatchObject({ local: '2026-03-08T03:30:00.000-04:00' });
  });
});

describe('flowline.schedule validation', () => {
  const problems = (trigger: Record<string, unknown>) => testEngine({ save: echo }).engine.validate(workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: {} }], { trigger })).problems;

  it('refuses a cron pattern croner cannot read, and a time zone that is not IANA, at their pointers', () => {
    expect(problems({ operation: 'flowline.schedule', schedule: { cron: '61 9 * * *' } })).toEqual([expect.objectContaining({ pointer: '/trigger/schedule/cron', code: 'schedule.bad-cron' })]);
    expect(problems({ operation: 'flowline.schedule', schedule: { cron: '0 9 * * *', timeZone: 'EST' } })).toEqual([expect.objectContaining({ pointer: '/trigger/schedule/timeZone', code: 'schedule.bad-time-zone' })]);
    expect(problems({ operation: 'flowline.schedule', schedule: { cron: '0 9 * * *', timeZone: 'Mars/Base' } })).toEqual([expect.objectContaining({ pointer: '/trigger/schedule/timeZone' })]);
  });

  it('asks a schedule trigger for its schedule, and refuses input or schedule on triggers that have none', () => {
    expect(problems({ operation: 'flowline.schedule' })).toEqual([expect.objectContaining({ pointer: '/trigger', code: 'trigger.schedule-missing' })]);
    expect(problems({ operation: 'shop.customer.created', input: { type: 'object' } })).toEqual([expect.objectContaining({ pointer: '/trigger/input', code: 'trigger.input-not-manual' })]);
    expect(problems({ operation: 'flowline.manual', schedule: { cron: '0 9 * * *' } })).toEqual([expect.objectContaining({ pointer: '/trigger/schedule', code: 'trigger.schedule-not-scheduled' })]);
  });
});
