import { isDeepStrictEqual } from 'node:util';
import type { Benchmark } from './benchmark.js';
import { createBenchEngine, customerEvents, deliveryAt, upsertContact } from './customer-created.js';
import { createHandWritten, createPlainJavaScript } from './hand-written.js';
import { collectGarbage } from './collect-garbage.js';
import { measureThroughput, medianThroughput, type Throughput } from './measure.js';
import { formatRate, formatRatio, type BenchReport } from './report.js';
import type { Engine, TriggerEvent } from './core-dependencies.js';

export interface EngineThroughputOptions {
  /** Keeps-in-flight levels to measure; 1 is one run after another. */
  readonly concurrencies: readonly number[];
  readonly warmupMs: number;
  /** Each side is measured this many times, alternating, and the median kept. */
  readonly rounds: number;
  readonly roundMs: number;
  /** Distinct events cycled through. */
  readonly events: number;
  readonly goalRunsPerSecond: number;
  readonly goalMaxRatio: number;
}

const DEFAULTS: EngineThroughputOptions = {
  concurrencies: [1, 64],
  warmupMs: 500,
  rounds: 3,
  roundMs: 1_000,
  events: 1_024,
  goalRunsPerSecond: 10_000,
  goalMaxRatio: 3,
};

/** Runs that did not succeed, by error code: under load JSONata's wall-clock timeout fails runs. */
type Failures = Map<string, number>;

function countFailure(failures: Failures, code: string): void {
  failures.set(code, (failures.get(code) ?? 0) + 1);
}

async function dispatchOne(engine: Engine, event: TriggerEvent, failures: Failures): Promise<void> {
  const [run, ...others] = await engine.dispatch(event);
  if (!run || others.length > 0) throw new Error(`Expected one run per event, got ${others.length + (run ? 1 : 0)}`);
  if (run.status !== 'succeeded') countFailure(failures, run.error?.code ?? run.status);
}

async function handleOne(handle: (event: TriggerEvent) => Promise<unknown>, event: TriggerEvent, failures: Failures): Promise<void> {
  try {
    await handle(event);
  } catch (error) {
    countFailure(failures, (error as { code?: string } | null)?.code ?? 'error');
  }
}

function describeFailures(failures: Failures): string {
  return [...failures].map(([code, count]) => `${code} ×${count}`).join(', ');
}

/** Both sides must hand the action the same input for the same event, or the comparison means nothing. */
async function checkSameWork(events: readonly TriggerEvent[]): Promise<void> {
  const engineInputs: unknown[] = [];
  const handInputs: unknown[] = [];
  const engine = createBenchEngine({ action: (input) => (engineInputs.push(input), upsertContact(input)) });
  const plainInputs: unknown[] = [];
  const handle = createHandWritten({ action: (input) => (handInputs.push(input), upsertContact(input)) });
  const plain = createPlainJavaScript({ action: (input) => (plainInputs.push(input), upsertContact(input)) });
  const failures: Failures = new Map();
  for (const event of events) {
    await dispatchOne(engine, event, failures);
    await handle(event);
    await plain(event);
  }
  if (!isDeepStrictEqual(handInputs, plainInputs)) {
    throw new Error(`The plain JavaScript reference built different action inputs:\n${JSON.stringify(handInputs[0])}\n${JSON.stringify(plainInputs[0])}`);
  }
  if (failures.size > 0) throw new Error(`Runs failed while checking both sides do the same work: ${describeFailures(failures)}`);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(engineInputs)), JSON.parse(JSON.stringify(handInputs)))) {
    throw new Error(`The engine and the hand-written baseline built different action inputs:\n${JSON.stringify(engineInputs[0])}\n${JSON.stringify(handInputs[0])}`);
  }
}

function columns(result: Throughput): string {
  return `${Math.round(result.runsPerSecond).toLocaleString('en-US').padStart(12)} ${result.microsPerRun.toFixed(1).padStart(12)} ${result.cpuMicrosPerRun.toFixed(1).padStart(12)}`;
}

function modeLabel(concurrency: number): string {
  return concurrency === 1 ? 'sequential' : `${concurrency} in flight`;
}

export function createEngineThroughput(overrides: Partial<EngineThroughputOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new TypeError(`Expected \`rounds\` to be a positive integer, got ${options.rounds}`);
  if (!Number.isInteger(options.events) || options.events < 1) throw new TypeError(`Expected \`events\` to be a positive integer, got ${options.events}`);

  return {
    name: 'engine-throughput',
    title: 'PushPress customer.created → 6-field JSONata mapping → in-process action, engine vs hand-written',
    async run(report: BenchReport) {
      const events = customerEvents(options.events);
      const eventAt = (run: number): TriggerEvent => deliveryAt(events, run);
      await checkSameWork(events.slice(0, 32));
      const handle = createHandWritten();
      const plain = createPlainJavaScript();
      const engineFailures: Failures = new Map();
      const handFailures: Failures = new Map();

      /**
       * One measurement of the engine: one engine per mode, warmed up and measured as a host runs
       * it (deployed once, its memory store full of finished runs after the warm-up). Deliveries
       * are numbered across rounds: a repeated delivery id would return its earlier run.
       */
      let benchEngine = createBenchEngine();
      let delivery = 0;
      const measureEngine = (durationMs: number, concurrency: number): Promise<Throughput> => {
        collectGarbage();
        return measureThroughput(() => dispatchOne(benchEngine, eventAt(delivery++), engineFailures), { durationMs, concurrency });
      };
      const measureHand = (durationMs: number, concurrency: number): Promise<Throughput> => {
        collectGarbage();
        return measureThroughput((run) => handleOne(handle, eventAt(run), handFailures), { durationMs, concurrency });
      };
      const measurePlain = (durationMs: number, concurrency: number): Promise<Throughput> => {
        collectGarbage();
        return measureThroughput((run) => handleOne(plain, eventAt(run), handFailures), { durationMs, concurrency });
      };

      report.row('engine path', 'engine.dispatch(event) on a deployed workflow, memory store (one engine per mode, as a host keeps it)');
      report.row('hand-written path', 'ajv validate + 5 compiled JSONata evaluations + action');
      report.row('plain JavaScript', 'for context (no goal): ajv validate + the mapping in plain JavaScript + action');
      report.row('note', 'the engine evaluates simple JSONata (paths, $trim, $lowercase, ...) directly, with JSONata\'s results');
      report.row('timing', `warm-up ${options.warmupMs} ms per side, then median of ${options.rounds} alternating rounds of ${options.roundMs} ms, each after a full GC`);
      for (const concurrency of options.concurrencies) {
        engineFailures.clear();
        handFailures.clear();
        benchEngine = createBenchEngine();
        await measureEngine(options.warmupMs, concurrency);
        await measureHand(options.warmupMs, concurrency);
        await measurePlain(options.warmupMs, concurrency);
        const engineRounds: Throughput[] = [];
        const handRounds: Throughput[] = [];
        const plainRounds: Throughput[] = [];
        for (let round = 0; round < options.rounds; round += 1) {
          engineRounds.push(await measureEngine(options.roundMs, concurrency));
          handRounds.push(await measureHand(options.roundMs, concurrency));
          plainRounds.push(await measurePlain(options.roundMs, concurrency));
        }
        const engine = medianThroughput(engineRounds);
        const hand = medianThroughput(handRounds);
        const plainJs = medianThroughput(plainRounds);
        const ratio = engine.microsPerRun / hand.microsPerRun;
        const cpuRatio = engine.cpuMicrosPerRun / hand.cpuMicrosPerRun;
        const mode = modeLabel(concurrency);
        report.row(`${mode}`, `${'wall runs/s'.padStart(12)} ${'wall µs/run'.padStart(12)} ${'cpu µs/run'.padStart(12)}`);
        report.row('  engine', columns(engine));
        report.row('  hand-written', columns(hand));
        report.row('  plain JavaScript', columns(plainJs));
        if (engineFailures.size > 0) report.row('  engine runs that failed', describeFailures(engineFailures));
        if (handFailures.size > 0) report.row('  hand-written runs that failed', describeFailures(handFailures));
        report.row('  ratio engine / hand-written', `${formatRatio(ratio)} wall time per run, ${formatRatio(cpuRatio)} cpu time per run`);
        report.row('  ratio engine / plain JavaScript', `${formatRatio(engine.microsPerRun / plainJs.microsPerRun)} wall, ${formatRatio(engine.cpuMicrosPerRun / plainJs.cpuMicrosPerRun)} cpu (context, no goal)`);
        report.row('  engine runs/s on a core of its own', `${formatRate(1e6 / engine.cpuMicrosPerRun)} (1e6 / cpu µs per run)`);
        report.goal(`≥ ${options.goalRunsPerSecond.toLocaleString('en-US')} runs/s, ${mode}`, engine.runsPerSecond >= options.goalRunsPerSecond, `${formatRate(engine.runsPerSecond)} wall`);
        report.goal(`≤ ${options.goalMaxRatio}× hand-written, ${mode}`, ratio <= options.goalMaxRatio, `${formatRatio(ratio)} wall, ${formatRatio(cpuRatio)} cpu`);
      }
    },
  };
}

export const engineThroughput: Benchmark = createEngineThroughput();
