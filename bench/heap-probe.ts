/**
 * Child-process entry of the heap-in-flight benchmark (started with --expose-gc by
 * heap-in-flight.ts). Holds N runs in flight on an action that waits on a gate, measures the
 * heap after forced GCs before, during and after, and prints one JSON line: a HeapProbeResult.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createBenchEngine, customerEvents, upsertContact } from './customer-created.js';
import { createHandWritten } from './hand-written.js';
import type { TriggerEvent } from './core-dependencies.js';

export interface HeapSample {
  /** heapUsed after GC with nothing in flight. */
  readonly before: number;
  /** heapUsed after GC with every run waiting inside the action. */
  readonly during: number;
  /** heapUsed after GC once every run has finished. */
  readonly after: number;
}

export interface HeapProbeResult {
  readonly inFlight: number;
  readonly engine: HeapSample;
  readonly handWritten: HeapSample;
  /** Runs of a burst dispatched all at once that did not succeed, by error code. */
  readonly burst: { readonly size: number; readonly failures: Readonly<Record<string, number>> };
}

/** Dispatches `events` all at once (action answering at once) and counts the runs that did not succeed. */
async function burstFailures(events: readonly TriggerEvent[]): Promise<Record<string, number>> {
  const engine = createBenchEngine();
  const results = await Promise.all(events.map((event) => engine.dispatch(event)));
  const failures: Record<string, number> = {};
  for (const [run] of results) {
    if (run?.status === 'succeeded') continue;
    const code = run?.error?.code ?? 'no run';
    failures[code] = (failures[code] ?? 0) + 1;
  }
  return failures;
}

type Collect = () => void;

/** Runs started together while building up the in-flight set (the engine's default concurrency). */
const WAVE = 16;
/** Runs dispatched at once to see whether they survive JSONata's 500 ms wall-clock timeout. */
const BURST = 1_000;

async function heapAfterGc(collect: Collect): Promise<number> {
  collect();
  await nextTurn();
  collect();
  return process.memoryUsage().heapUsed;
}

/** An action that counts its calls and waits on a gate the probe opens. */
function gatedAction() {
  let open: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  const state = { invoked: 0 };
  return {
    state,
    close() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    open: () => open(),
    action: async (input: unknown) => {
      state.invoked += 1;
      await gate;
      return upsertContact(input);
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await nextTurn();
  }
}

async function sample(
  collect: Collect,
  events: readonly TriggerEvent[],
  start: (event: TriggerEvent) => Promise<unknown>,
  gated: ReturnType<typeof gatedAction>,
): Promise<HeapSample> {
  gated.close();
  gated.state.invoked = 0;
  const before = await heapAfterGc(collect);
  // Started in waves, each waiting in the action before the next starts: started all at once,
  // the runs fail on JSONata's wall-clock timeout instead (see burstFailures).
  const runs: Promise<unknown>[] = [];
  for (let first = 0; first < events.length; first += WAVE) {
    runs.push(...events.slice(first, first + WAVE).map(start));
    await until(() => gated.state.invoked === runs.length, `the first ${runs.length} runs reach the action`);
  }
  const during = await heapAfterGc(collect);
  gated.open();
  await Promise.all(runs);
  const after = await heapAfterGc(collect);
  return { before, during, after };
}

async function main(): Promise<void> {
  const collect = (globalThis as { gc?: Collect }).gc;
  if (!collect) throw new Error('heap-probe needs node --expose-gc (heap-in-flight.ts starts it that way)');
  const inFlight = Number(process.argv[2] ?? '10000');
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new TypeError(`Expected the in-flight count to be a positive integer, got ${process.argv[2]}`);
  const events = customerEvents(inFlight);

  const warm = gatedAction();
  const warmEngine = createBenchEngine({ action: warm.action });
  const warmHand = createHandWritten({ action: warm.action });
  for (const event of events.slice(0, 1_000)) {
    await warmEngine.dispatch(event);
    await warmHand(event);
  }

  const engineGate = gatedAction();
  const engine = createBenchEngine({ action: engineGate.action });
  const engineSample = await sample(collect, events, (event) => engine.dispatch(event), engineGate);

  const handGate = gatedAction();
  const handle = createHandWritten({ action: handGate.action });
  const handSample = await sample(collect, events, handle, handGate);

  const burstSize = Math.min(BURST, inFlight);
  const burst = { size: burstSize, failures: await burstFailures(events.slice(0, burstSize)) };
  const result: HeapProbeResult = { inFlight, engine: engineSample, handWritten: handSample, burst };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
