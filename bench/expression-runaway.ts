import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Benchmark } from './benchmark.js';
import { createEngine, createTestConnector, type Engine, type TriggerEvent, type WorkflowDefinition } from './core-dependencies.js';
import { ACTION, CONTACT_MAPPING, TRIGGER, customerCreatedSchema, customerEvents, upsertContact } from './customer-created.js';
import { percentile } from './percentile.js';
import type { BenchReport } from './report.js';

/**
 * Acknowledgements while some deliveries run a runaway expression. Deliveries arrive at a fixed
 * rate (open loop: each has a due time, and its acknowledgement latency, `engine.submit` until the
 * inbox has it, counts from then, so time the event loop was held counts too). Every delivery
 * runs a workflow with a JSONata step and an action; in the runaway scenarios every 100th also
 * matches a workflow whose expression would run for minutes and is stopped at the 1 s limit.
 * Three scenarios in one process, each on a fresh engine: no runaways (the baseline), 1%
 * runaways as the engine runs them (moved to a worker thread after 5 ms), and 1% runaways held
 * on the engine's thread for the whole limit before moving (`mainThreadMs` = `timeoutMs`, how
 * every evaluation ran before the workers).
 */

export interface ExpressionRunawayOptions {
  readonly deliveriesPerSecond: number;
  readonly measureMs: number;
  /** Every `runawayEvery`th delivery runs the runaway expression too. */
  readonly runawayEvery: number;
  readonly warmupMs: number;
  /** With 1% runaways on worker threads, p99 may exceed the baseline's by at most this share of the time limit (1 s). */
  readonly goalP99ShareOfLimit: number;
}

const DEFAULTS: ExpressionRunawayOptions = {
  deliveriesPerSecond: 100,
  measureMs: 10_000,
  runawayEvery: 100,
  warmupMs: 1_500,
  goalP99ShareOfLimit: 0.1,
};

/** Nested folds: billions of steps, no memory to speak of; the 1 s limit stops it. */
const RUNAWAY = '$reduce([1..99999], function($a, $i){ $reduce([1..99999], function($b, $j){ $b + 1 }, $a) }, 0)';
const RUNAWAY_COMPANY = 'cmp_runaway';
/** The default expression time limit (DEFAULT_EXPRESSION_LIMITS.timeoutMs), which stops each runaway. */
const LIMIT_MS = 1000;

const contactWorkflow: WorkflowDefinition = {
  id: 'member-to-crm',
  name: 'Member → CRM contact, with a JSONata step',
  version: 1,
  trigger: { operation: TRIGGER },
  steps: [
    // Not a direct expression: JSONata evaluates it, on the engine's thread (it is cheap).
    { id: 'address', type: 'set', var: 'address', value: '$join([$event.data.address.line1, $event.data.address.city, $event.data.address.zip], ", ")' },
    { id: 'upsert', type: 'action', operation: ACTION, connection: 'crm', input: { ...CONTACT_MAPPING, address: '=$vars.address' } },
  ],
} as WorkflowDefinition;

const runawayWorkflow: WorkflowDefinition = {
  id: 'runaway',
  name: 'A workflow whose expression runs away',
  version: 1,
  trigger: { operation: TRIGGER, filter: `$event.data.companyId = "${RUNAWAY_COMPANY}"` },
  steps: [{ id: 'spin', type: 'set', var: 'x', value: RUNAWAY }],
} as WorkflowDefinition;

type Scenario = { readonly label: string; readonly runaways: boolean; readonly mainThreadMs?: number };

const SCENARIOS: readonly Scenario[] = [
  { label: 'none (baseline)', runaways: false },
  { label: '1%, to workers', runaways: true },
  { label: '1%, 1 s in-thread', runaways: true, mainThreadMs: 1000 },
];

function benchEngine(mainThreadMs: number | undefined): Engine {
  const pushpress = createTestConnector({ name: 'pushpress', triggers: { 'customer.created': { payload: customerCreatedSchema } } });
  const engine = createEngine({
    connectors: [
      pushpress,
      { name: 'crm', operations: [{ id: ACTION, kind: 'action', connector: 'crm', title: 'Upsert a contact' }], invoke: async (request) => upsertContact(request.input) },
    ],
    connections: { crm: { connector: 'crm', credentials: { apiKey: 'bench-not-a-secret' } } },
    ...(mainThreadMs === undefined ? {} : { expressionLimits: { mainThreadMs } }),
  });
  engine.deploy(contactWorkflow);
  engine.deploy(runawayWorkflow);
  return engine;
}

interface ScenarioResult {
  readonly acks: number[];
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly drainMs: number;
  readonly runawaysStopped: number;
  readonly otherFailures: number;
}

/** Submits deliveries at their due times for `durationMs`, then waits for every run; returns the acknowledgement latencies in ms. */
async function drive(engine: Engine, events: readonly TriggerEvent[], options: ExpressionRunawayOptions, runaways: boolean, durationMs: number, tag: string): Promise<ScenarioResult> {
  const acks: number[] = [];
  let runawaysStopped = 0;
  let otherFailures = 0;
  const unsubscribe = engine.on('run.failed', (event) => {
    if (event.workflowId === runawayWorkflow.id && event.error.code === 'expression.limit') runawaysStopped += 1;
    else otherFailures += 1;
  });
  const total = Math.round((durationMs / 1000) * options.deliveriesPerSecond);
  const interval = 1000 / options.deliveriesPerSecond;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const submissions: Promise<void>[] = [];
  const start = performance.now();
  delay.enable();
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const due = start + next * interval;
        const base = events[next % events.length] as TriggerEvent & { payload: { data: Record<string, unknown> } };
        const runaway = runaways && next % options.runawayEvery === options.runawayEvery - 1;
        const event = {
          ...base,
          id: `${tag}#${next}`,
          payload: runaway ? { ...base.payload, data: { ...base.payload.data, companyId: RUNAWAY_COMPANY } } : base.payload,
        };
        submissions.push(engine.submit(event).then(() => void acks.push(performance.now() - due)));
        next += 1;
      }
      if (next >= total) resolve();
      else setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(submissions);
  const lastDue = start + (total - 1) * interval;
  await engine.idle();
  delay.disable();
  unsubscribe();
  return {
    acks: acks.sort((a, b) => a - b),
    loopDelayP99Ms: delay.percentile(99) / 1e6,
    loopDelayMaxMs: delay.max / 1e6,
    drainMs: performance.now() - lastDue,
    runawaysStopped,
    otherFailures,
  };
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

export const expressionRunaway: Benchmark = {
  name: 'expression-runaway',
  title: 'acknowledgements with 1% of deliveries running a runaway expression, next to none',
  async run(report: BenchReport) {
    const options = DEFAULTS;
    const events = customerEvents(256);
    // Warm the JIT (and a worker's start) on a throwaway engine, so the baseline does not pay for it.
    await drive(benchEngine(undefined), events, options, true, options.warmupMs, 'warmup');
    report.row('load', `${options.deliveriesPerSecond} deliveries/s for ${options.measureMs / 1000} s, open loop, memory store`);
    report.row('runaway', `every ${options.runawayEvery}th delivery; in-thread = mainThreadMs 1000 (as before the workers)`);
    const results = new Map<string, ScenarioResult>();
    for (const scenario of SCENARIOS) {
      const result = await drive(benchEngine(scenario.mainThreadMs), events, options, scenario.runaways, options.measureMs, scenario.label);
      results.set(scenario.label, result);
      const { acks } = result;
      report.row(`${scenario.label}: ack p50/p99/max`, `${ms(percentile(acks, 50))} / ${ms(percentile(acks, 99))} / ${ms(acks.at(-1) ?? Number.NaN)}`);
      report.row(`${scenario.label}: loop delay p99/max`, `${ms(result.loopDelayP99Ms)} / ${ms(result.loopDelayMaxMs)}`);
      report.row(`${scenario.label}: runs`, `${acks.length} acked, ${result.runawaysStopped} runaways stopped (expression.limit), ${result.otherFailures} other failures`);
      report.row(`${scenario.label}: last run done`, `${ms(result.drainMs)} after the last delivery was due`);
    }
    const baseline = percentile(results.get(SCENARIOS[0]?.label ?? '')?.acks ?? [], 99);
    const moved = percentile(results.get(SCENARIOS[1]?.label ?? '')?.acks ?? [], 99);
    const inThread = percentile(results.get(SCENARIOS[2]?.label ?? '')?.acks ?? [], 99);
    const bound = baseline + options.goalP99ShareOfLimit * LIMIT_MS;
    report.row('ack p99 added by 1% runaways', `${ms(moved - baseline)} on workers, ${ms(inThread - baseline)} held in-thread`);
    report.goal('ack p99, 1% runaways on workers', moved <= bound, `${ms(moved)} against at most ${ms(bound)}: the baseline's ${ms(baseline)} + ${options.goalP99ShareOfLimit * 100}% of the ${LIMIT_MS} ms limit`);
  },
};
