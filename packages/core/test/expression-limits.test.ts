import jsonata from 'jsonata';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, ExpressionError, type ExpressionLimits } from '../src/index.js';
import { compileBoundedJsonata } from '../src/expressions/bounded-jsonata.js';
import { EvaluationMeter } from '../src/expressions/evaluation-meter.js';
import type { OffThreadEvaluator, OffThreadOutcome, OffThreadRequest } from '../src/expressions/off-thread.js';
import { createExpressionWorkers } from '../src/expressions/worker/expression-workers.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

/** Runs for minutes if nothing stops it, with every step a metered JSONata step and no memory to speak of. */
const RUNAWAY = '$reduce([1..99999], function($a, $i){ $reduce([1..99999], function($b, $j){ $b + 1 }, $a) }, 0)';

/** The error an evaluation fails with (or undefined when it succeeds). */
async function failureOf(evaluation: unknown): Promise<unknown> {
  return Promise.resolve(evaluation).then(() => undefined, (error: unknown) => error);
}

/** Resolves after the current turn of the event loop, once the loop gets to its check phase. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** An off-thread evaluator that records what it is given and answers `value`. */
function recordingEvaluator(answer: (request: OffThreadRequest) => OffThreadOutcome | Promise<never>) {
  const requests: OffThreadRequest[] = [];
  const evaluator: OffThreadEvaluator = {
    evaluate: async (request) => {
      requests.push(request);
      return answer(request);
    },
  };
  return { requests, factory: (_limits: ExpressionLimits) => evaluator };
}

describe('a runaway expression and the event loop', () => {
  it('keeps the event loop turning while a runaway expression evaluates: it moves to a worker thread', async () => {
    const compiler = new ExpressionCompiler({ offThread: createExpressionWorkers });
    const order: string[] = [];
    const runaway = failureOf(compiler.compile(RUNAWAY, '/p').evaluate({}, {}, '/p')).then((error) => (order.push('runaway settled'), error));
    await nextTurn();
    order.push('event loop turned');
    expect(await runaway).toMatchObject({ name: 'ExpressionError', code: 'expression.limit', pointer: '/p' });
    expect(order).toEqual(['event loop turned', 'runaway settled']);
  });

  it('finishes a cheap run, and turns the event loop, while another run of the engine evaluates a runaway expression', async () => {
    const { engine } = testEngine({ save: echo });
    const order: string[] = [];
    const slow = engine.run(workflow([{ id: 'spin', type: 'set', var: 'x', value: RUNAWAY }]), customerEvent()).then((run) => (order.push('runaway run'), run));
    const cheap = engine.run(workflow([{ id: 'sum', type: 'set', var: 'x', value: '$sum([1, 2, 3])' }]), customerEvent({}, 'evt-2')).then((run) => (order.push('cheap run'), run));
    await nextTurn();
    order.push('event loop turned');
    expect(await cheap).toMatchObject({ status: 'succeeded' });
    expect(await slow).toMatchObject({ status: 'failed', failedStep: 'spin', error: { code: 'expression.limit', pointer: '/steps/0/value' } });
    expect(order.at(-1)).toBe('runaway run');
  });

  it('lets a cheap evaluation started during a runaway one on the same thread finish first: no engine-wide queue', async () => {
    const compiler = new ExpressionCompiler({ limits: { timeoutMs: 300 } });
    const order: string[] = [];
    const runaway = failureOf(compiler.compile(RUNAWAY, '/runaway').evaluate({}, {}, '/runaway')).then((error) => (order.push('runaway'), error));
    const cheap = Promise.resolve(compiler.compile('$sum([1, 2, 3])', '/cheap').evaluate({}, {}, '/cheap')).then((value) => (order.push('cheap'), value));
    expect(await cheap).toBe(6);
    // Which bound stops it (the clock, or the estimate once the loop's cost is known) depends on the machine's speed.
    expect(await runaway).toMatchObject({ code: 'expression.limit', pointer: '/runaway' });
    expect(order).toEqual(['cheap', 'runaway']);
  });
});

describe('one clock per evaluation', () => {
  it('charges two evaluations running at the same time each its own share of the time, not all of it', async () => {
    const expression = compileBoundedJsonata('$sum([1..20000].($ * 2))', { maxDepth: 300, maxSequence: 100_000, functions: {} });
    const meters = [1, 2].map(() => new EvaluationMeter({ budgetMs: 600_000, policy: 'stop', maxResultBytes: 1_000_000 }));
    const started = performance.now();
    expect(await Promise.all(meters.map((meter) => expression.evaluate({}, {}, meter)))).toEqual([20000 * 20001, 20000 * 20001]);
    const elapsed = performance.now() - started;
    // They ran step by step in turn: a wall clock from each start would charge each about all of
    // it; here each gets about half (a pause of the process lands on one of them, hence the margin).
    for (const meter of meters) expect(meter.spentMs).toBeLessThan(elapsed * 0.9);
    expect(meters.reduce((sum, meter) => sum + meter.spentMs, 0)).toBeLessThanOrEqual(elapsed + 1);
  });
});

describe('where an evaluation runs', () => {
  it("moves an evaluation to the worker only once it has used mainThreadMs of the engine's thread", async () => {
    const { requests, factory } = recordingEvaluator(() => ({ ok: true, value: 'from the worker' }));
    const compiler = new ExpressionCompiler({ offThread: factory });
    expect(await compiler.compile('$sum([1, 2, 3])', '/p').evaluate({}, {}, '/p')).toBe(6);
    expect(requests).toEqual([]);
    expect(await compiler.compile('$sum([1..50000].($ * 2))', '/p').evaluate({ a: 1 }, { vars: { b: 2 } }, '/p')).toBe('from the worker');
    expect(requests).toEqual([{ source: '$sum([1..50000].($ * 2))', input: { a: 1 }, bindings: { vars: { b: 2 } } }]);
  });

  it("keeps an expression that calls a host function on the engine's thread, under the time limit there", async () => {
    const { requests, factory } = recordingEvaluator(() => ({ ok: true, value: 'from the worker' }));
    const compiler = new ExpressionCompiler({ offThread: factory, functions: { double: { implementation: ((n: number) => n * 2) as (...args: never[]) => unknown, signature: '<n:n>' } } });
    expect(await compiler.compile('$sum([1..50000].$double($))', '/p').evaluate({}, {}, '/p')).toBe(50000 * 50001);
    expect(await failureOf(compiler.compile(`($double(1); ${RUNAWAY})`, '/p').evaluate({}, {}, '/p'))).toMatchObject({ code: 'expression.limit' });
    expect(requests).toEqual([]);
  });

  it("evaluates on the engine's thread what cannot be sent to a worker", async () => {
    const { requests, factory } = recordingEvaluator(() => Promise.reject(new Error('could not be cloned')));
    const compiler = new ExpressionCompiler({ offThread: factory });
    expect(await compiler.compile('$sum([1..50000].($ * 2))', '/p').evaluate({}, {}, '/p')).toBe(50000 * 50001);
    expect(requests).toHaveLength(1);
  });

  it('answers from a worker thread with what JSONata builds: a sequence (with its own push) comes back as a plain array', async () => {
    const workers = createExpressionWorkers({ ...new ExpressionCompiler().limits });
    const source = "$map(['lead', 'member', 'non-member'][$ != $event.data.role], function($r) { 'pushpress-' & $r })";
    const outcome = await workers.evaluate({ source, input: {}, bindings: { event: { data: { role: 'member' } } } });
    expect(outcome).toEqual({ ok: true, value: ['pushpress-lead', 'pushpress-non-member'] });
  });

  it('lets the process exit once its evaluations are answered, without waiting for the idle threads to end', async () => {
    const workers = fileURLToPath(new URL('../src/expressions/worker/expression-workers.ts', import.meta.url));
    const compiler = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    // Threads that idle for ten minutes: the process must not wait for them.
    const outcome = await runInProcess(
      `
      const { createExpressionWorkers } = await import(${JSON.stringify(workers)});
      const { ExpressionCompiler } = await import(${JSON.stringify(compiler)});
      const pool = createExpressionWorkers({ ...new ExpressionCompiler().limits }, { idleMs: 600000 });
      const outcome = await pool.evaluate({ source: '1 + 1', input: {}, bindings: {} });
      console.log(JSON.stringify(outcome));
      `,
      { timeout: 30_000 },
    );
    expect(outcome).toEqual({ ok: true, value: 2 });
  }, 40_000);

  it("has Flowline's own functions ($toE164) in a worker thread", async () => {
    const workers = createExpressionWorkers({ ...new ExpressionCompiler().limits });
    expect(await workers.evaluate({ source: '$toE164($)', input: '(512) 555-0143', bindings: {} })).toEqual({ ok: true, value: '+15125550143' });
  });
});

describe('time limits that hold inside a built-in call', () => {
  const distinctObjects = Array.from({ length: 60_000 }, (_, index) => ({ v: index }));

  it('stops a built-in call that outlasts the time limit by ending its worker thread, and the next evaluation gets a new one', async () => {
    // $distinct compares every pair: about a minute for 60,000 objects, in one call no step check can interrupt.
    const compiler = new ExpressionCompiler({ offThread: createExpressionWorkers, limits: { timeoutMs: 1000 } });
    const error = await failureOf(compiler.compile('$count($distinct($))', '/p').evaluate(distinctObjects, {}, '/p'));
    expect(error).toMatchObject({ code: 'expression.limit', pointer: '/p' });
    expect((error as Error).message).toContain('worker thread was ended');
    expect(await compiler.compile('$sum([1..50000].($ * 2))', '/p').evaluate({}, {}, '/p')).toBe(50000 * 50001);
  });

  it("refuses, on a thread it cannot leave, a built-in call its input would keep running far past the limit", async () => {
    const compiler = new ExpressionCompiler();
    const shuffled = Array.from({ length: 20_000 }, (_, index) => (index * 7919) % 20_011);
    const error = await failureOf(compiler.compile('$count($sort($))', '/p').evaluate(shuffled, {}, '/p'));
    expect(error).toMatchObject({ code: 'expression.limit', pointer: '/p' });
    expect((error as Error).message).toContain('$sort');
  });

  it("stops an evaluation that outgrows its worker thread's heap with expression.limit", async () => {
    const compiler = new ExpressionCompiler({ offThread: createExpressionWorkers, limits: { timeoutMs: 20_000, workerMemoryMb: 32 } });
    // 1 MB strings of their own, one per item: 500 MB if nothing stops it.
    const source = '($s := $pad("", 1000000, "a"); $count($reduce([1..500], function($a, $i){ $append($a, [$uppercase($s & $string($i))]) }, [])))';
    const error = await failureOf(compiler.compile(source, '/p').evaluate({}, {}, '/p'));
    expect(error).toMatchObject({ code: 'expression.limit', pointer: '/p' });
    expect((error as Error).message).toContain('32 MB');
  });
});

/** Runs `code` (an ES module, TypeScript imports allowed) in a node process of its own and resolves with the JSON it prints. */
async function runInProcess(code: string, options: { readonly timeout?: number } = {}): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=@flowline/source', '--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    ...options,
  });
  return JSON.parse(stdout) as unknown;
}

describe('sizes', () => {
  it('fails a run that pads to 100,000,000 characters with expression.result-too-large, and its process grows by less than 64 MB', async () => {
    // Before the bound, this run succeeded and its process grew by about 300 MB (the issue saw 2.67 GB).
    const fixtures = fileURLToPath(new URL('fixtures.ts', import.meta.url));
    const outcome = await runInProcess(`
      const { customerEvent, echo, testEngine, workflow } = await import(${JSON.stringify(fixtures)});
      const { engine } = testEngine({ save: echo });
      await engine.run(workflow([{ id: 'warm', type: 'set', var: 'x', value: '$pad("", 10)' }]), customerEvent());
      const before = process.resourceUsage().maxRSS;
      const run = await engine.run(workflow([{ id: 'pad', type: 'set', var: 'x', value: '$pad("", 100000000)' }]), customerEvent({}, 'evt-2'));
      console.log(JSON.stringify({ run: { status: run.status, error: run.error }, grewMb: (process.resourceUsage().maxRSS - before) / 1024 }));`);
    expect(outcome).toMatchObject({ run: { status: 'failed', error: { code: 'expression.result-too-large', pointer: '/steps/0/value' } } });
    expect((outcome as { grewMb: number }).grewMb).toBeLessThan(64);
  });

  it('refuses $pad past maxResultBytes before building the string, even with time to build it', async () => {
    const compiler = new ExpressionCompiler({ limits: { timeoutMs: 600_000 } });
    const error = await failureOf(compiler.compile('$pad("", 100000000)', '/p').evaluate({}, {}, '/p'));
    expect(error).toMatchObject({ code: 'expression.result-too-large', pointer: '/p' });
    expect((error as Error).message).toContain('would build, with $pad, a value of 100000000 bytes');
  });

  it("fails a step whose expression would pad past maxResultBytes, with the step's pointer", async () => {
    const { engine } = testEngine({ save: echo });
    const run = await engine.run(workflow([{ id: 'pad', type: 'set', var: 'x', value: '$pad("", 100000000)' }]), customerEvent());
    expect(run).toMatchObject({ status: 'failed', failedStep: 'pad', error: { code: 'expression.result-too-large', pointer: '/steps/0/value' } });
  });

  it('fails an expression whose value is larger than maxResultBytes as JSON, with its pointer', async () => {
    const compiler = new ExpressionCompiler({ limits: { maxResultBytes: 1000 } });
    const error = await failureOf(compiler.compile('[1..500]', '/steps/0/input').evaluate({}, {}, '/steps/0/input'));
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({ code: 'expression.result-too-large', pointer: '/steps/0/input' });
    expect(await compiler.compile('[1..100]', '/p').evaluate({}, {}, '/p')).toHaveLength(100);
  });

  it('fails a value larger than maxResultBytes built in a worker thread', async () => {
    const compiler = new ExpressionCompiler({ offThread: createExpressionWorkers, limits: { maxResultBytes: 1000 } });
    const error = await failureOf(compiler.compile('[1..50000].($ * 2)', '/p').evaluate({}, {}, '/p'));
    expect(error).toMatchObject({ code: 'expression.result-too-large', pointer: '/p' });
  });

  it.each([
    ['$join', '$join([1..300].$string($), ",")'],
    ['$string', '$string([1..400])'],
    ['$formatNumber', '$formatNumber(1, $pad("", 900, "0"))'],
    ['&', '$pad("", 600) & $pad("", 600)'],
    ['$string', '$string($reduce([1..40], function($a, $i){ {"l": $a, "r": $a} }, 1))'],
    ['&', '$reduce([1..40], function($a, $i){ {"l": $a, "r": $a} }, 1) & ""'],
  ])('refuses to build past maxResultBytes with %s: %s', async (what, source) => {
    const compiler = new ExpressionCompiler({ limits: { maxResultBytes: 1000 } });
    const error = await failureOf(compiler.compile(source, '/p').evaluate({}, {}, '/p'));
    expect(error).toMatchObject({ code: 'expression.result-too-large', pointer: '/p' });
    expect((error as Error).message).toContain(`with ${what},`);
  });
});

describe("guarded built-ins keep JSONata's answers", () => {
  const compiler = new ExpressionCompiler();
  type Outcome = { value: unknown } | { error: unknown };
  const outcome = async (evaluate: () => unknown): Promise<Outcome> => {
    try {
      return { value: JSON.stringify(await evaluate()) };
    } catch (error) {
      return { error: (error as { jsonataCode?: string; code?: string }).jsonataCode ?? (error as { code?: string }).code };
    }
  };

  it.each([
    '$pad("ab", 5, "-")',
    '$pad("ab", -5)',
    '$pad(?, 4, "*")("x")',
    '$substring(?, 1)("hello")',
    '$map([1, 2, 3], $string)',
    '$map(["a", "b"], $uppercase)',
    '$reduce([[1], [2], [3]], $append)',
    '$sort([3, 1, 2])',
    '$sort([3, 1, 2], function($a, $b){ $a < $b })',
    '$distinct([1, 1, {"a": 1}, {"a": 1}])',
    '$join(["a", "b"], ",")',
    '$string({"a": 1.10000000000000001, "f": function(){1}})',
    '$string([1, 2], true)',
    '$formatNumber(1234.5, "#,##0.00")',
    '$keys({"a": 1, "b": 2})',
    '$eval("1 + 1")',
    '$eval("[1, 2] & $")',
    '"a" & 1 & true & null & [1, 2] & {"x": 1.10000000000000001}',
    '$uppercase & "x"',
    '$nothing & "x" & $nothing',
    '"x" ~> "y" & "z"',
    '($f := function($s){ $s & "!" }; $f("hi"))',
    '["a", "b"].($ & "-" & %)',
    '$replace("a-b-c", "-", "+")',
    '$split("a1b2c", /[0-9]/)',
    '$number("abc")',
  ])('%s', async (source) => {
    const input = { a: 1 };
    const expected = await outcome(() => jsonata(source).evaluate(input));
    expect(await outcome(() => compiler.compile(source, '/p').evaluate(input, {}, '/p'))).toEqual(expected);
  });
});
