import { createBenchEngine, customerEvents } from './customer-created.js';
import { createHandWritten } from './hand-written.js';
import { measureThroughput } from './measure.js';
import type { TriggerEvent } from './core-dependencies.js';
const mode = process.argv[2];
const events = customerEvents(1024);
const at = (i: number) => events[i % events.length] as TriggerEvent;
const handle = createHandWritten();
for (let r = 0; r < 5; r++) {
  if (mode === 'hand' || mode === 'both') {
    const t = await measureThroughput((i) => handle(at(i)), { durationMs: 1000, concurrency: 1 });
    console.log('hand', Math.round(t.runsPerSecond), t.cpuMicrosPerRun.toFixed(1));
  }
  if (mode === 'engine' || mode === 'both' || mode === 'fresh') {
    const { engine } = createBenchEngine();
    const t = await measureThroughput((i) => engine.dispatch(at(i)), { durationMs: 1000, concurrency: 1 });
    console.log('engine', Math.round(t.runsPerSecond), t.cpuMicrosPerRun.toFixed(1));
  }
}
