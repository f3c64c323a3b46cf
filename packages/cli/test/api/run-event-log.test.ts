import { describe, expect, it } from 'vitest';
import { createEngine, type RunEvents } from '@flowline/core';
import { RunEventLog, type LoggedEvent } from '../../src/api/run-event-log.js';

/** A real engine; its `on` is watched so the test can tell whether the log listens, and emit as the engine would. */
function watchedEngine() {
  const engine = createEngine();
  const listeners = new Map<string, Set<(event: unknown) => void>>();
  const on = ((name: string, listener: (event: unknown) => void) => {
    const set = listeners.get(name) ?? new Set();
    set.add(listener);
    listeners.set(name, set);
    return () => set.delete(listener);
  }) as typeof engine.on;
  const emit = (tenant: string, runId: string) => {
    const event: RunEvents['run.started'] = { tenant, runId, workflowId: 'w', dryRun: false, at: new Date().toISOString() };
    for (const listener of listeners.get('run.started') ?? []) listener(event);
  };
  const listening = () => [...listeners.values()].some((set) => set.size > 0);
  return { engine: { ...engine, on }, emit, listening };
}

function recorder() {
  const events: LoggedEvent[] = [];
  let gaps = 0;
  return { events, gaps: () => gaps, subscriber: { event: (event: LoggedEvent) => void events.push(event), gap: () => void (gaps += 1) } };
}

describe('the run event log', () => {
  it('listens to the engine only while someone watches, and forgets what it kept once nobody has for its idle time: an old id is then a gap', async () => {
    const { engine, emit, listening } = watchedEngine();
    const log = new RunEventLog(engine, { idleMs: 20 });
    expect(listening()).toBe(false);
    const first = recorder();
    const stop = log.subscribe('gym', undefined, first.subscriber);
    emit('gym', 'r1');
    expect(first.events.map((event) => event.data.runId)).toEqual(['r1']);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(listening()).toBe(false);
    const later = recorder();
    log.subscribe('gym', first.events[0]?.id, later.subscriber);
    expect(later.gaps()).toBe(1);
    log.close();
  });

  it('keeps what it kept when the watcher comes back within its idle time, and replays what was missed', () => {
    const { engine, emit } = watchedEngine();
    const log = new RunEventLog(engine, { idleMs: 60_000 });
    const first = recorder();
    const stop = log.subscribe('gym', undefined, first.subscriber);
    emit('gym', 'r1');
    stop();
    emit('gym', 'r2');
    const back = recorder();
    log.subscribe('gym', first.events[0]?.id, back.subscriber);
    expect(back.gaps()).toBe(0);
    expect(back.events.map((event) => event.data.runId)).toEqual(['r2']);
    log.close();
  });

  it("keeps only the tenants someone watched, and gives none of another tenant's events", () => {
    const { engine, emit } = watchedEngine();
    const log = new RunEventLog(engine);
    const gym = recorder();
    log.subscribe('gym', undefined, gym.subscriber);
    emit('other', 'x1');
    emit('gym', 'g1');
    expect(gym.events.map((event) => event.data.runId)).toEqual(['g1']);
    const other = recorder();
    log.subscribe('other', 'whatever-0', other.subscriber);
    expect(other.gaps()).toBe(1);
    log.close();
  });
});
