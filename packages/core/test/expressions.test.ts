import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, ExpressionError } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

describe('bounded JSONata', () => {
  const compiler = new ExpressionCompiler({ limits: { timeoutMs: 100, maxDepth: 50, maxSequence: 1000 } });

  it('compiles each distinct expression once', () => {
    expect(compiler.compile('$a + 1', '/x')).toBe(compiler.compile('=$a + 1', '/y'));
  });

  it('stops an endless loop with a limit error instead of hanging', async () => {
    const loop = compiler.compile('($f := function($n) { $f($n + 1) }; $f(0))', '/steps/0/input');
    await expect(loop.evaluate({}, {}, '/steps/0/input')).rejects.toMatchObject({ name: 'ExpressionError', code: 'expression.limit', pointer: '/steps/0/input' });
  });

  it('stops a long-running expression at its time limit', async () => {
    const patient = new ExpressionCompiler({ limits: { timeoutMs: 20, maxSequence: 10_000_000 } });
    const slow = patient.compile('$sum([1..2000000].($ * 2))', '/p');
    const error = await Promise.resolve(slow.evaluate({}, {}, '/p')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({ code: 'expression.limit', jsonataCode: 'D1012' });
  });

  it('refuses to build huge sequences', async () => {
    await expect(compiler.compile('[1..5000]', '/p').evaluate({}, {}, '/p')).rejects.toMatchObject({ code: 'expression.limit' });
  });

  it('matches regular expressions in linear time, even for a pattern that backtracks catastrophically in JavaScript', async () => {
    const evil = compiler.compile('$contains($, /^(a+)+$/)', '/p');
    const input = `${'a'.repeat(50_000)}!`;
    await expect(evil.evaluate(input, {}, '/p')).resolves.toBe(false);
    await expect(compiler.compile('$replace($, /(\\w+)@(\\w+)/, "$2 at $1")', '/p').evaluate('ann@example', {}, '/p')).resolves.toBe('example at ann');
    const matches = (await compiler.compile('$match($, /b(a)/i)', '/p').evaluate('xBAyba', {}, '/p')) as Array<{ match: string; index: number; groups: string[] }>;
    expect(matches.map(({ match, index, groups }) => ({ match, index, groups }))).toEqual([
      { match: 'BA', index: 1, groups: ['A'] },
      { match: 'ba', index: 4, groups: ['a'] },
    ]);
  });

  it('reports evaluation errors with the pointer of the mapping', async () => {
    await expect(compiler.compile('$number("abc")', '/steps/2/input/n').evaluate({}, {}, '/steps/2/input/n')).rejects.toMatchObject({ code: 'expression.evaluation', pointer: '/steps/2/input/n' });
  });

  it('fails the step of a runaway expression with a clear error, and the engine goes on', async () => {
    const { engine } = testEngine({ save: echo }, { expressionLimits: { timeoutMs: 50 } });
    const run = await engine.run(workflow([{ id: 'spin', type: 'set', var: 'x', value: '($f := function($n) { $n > 0 ? $f($n) : 0 }; $f(1))' }]), customerEvent());
    expect(run).toMatchObject({ status: 'failed', failedStep: 'spin', error: { code: 'expression.limit', pointer: '/steps/0/value' } });
    const next = await engine.run(workflow([{ id: 'ok', type: 'set', var: 'x', value: '1 + 1' }]), customerEvent());
    expect(next.status).toBe('succeeded');
  });
});

describe('built-in functions', () => {
  const compiler = new ExpressionCompiler();
  const e164 = (phone: string, code?: string) =>
    compiler.compile(code === undefined ? '$toE164($)' : `$toE164($, "${code}")`, '/p').evaluate(phone, {}, '/p');

  it('turns phone numbers into E.164', async () => {
    expect(await e164('(512) 555-0143')).toBe('+15125550143');
    expect(await e164('1-512-555-0143')).toBe('+15125550143');
    expect(await e164('+44 20 7946 0958')).toBe('+442079460958');
    expect(await e164('020 7946 0958', '44')).toBe('+442079460958');
    expect(await e164('0044 20 7946 0958')).toBe('+442079460958');
  });

  it('gives nothing for text that cannot be a phone number', async () => {
    expect(await e164('call me')).toBeUndefined();
    expect(await e164('12')).toBeUndefined();
  });
});

describe('expressions under load', () => {
  it('does not charge one evaluation for the time of others running at the same time', async () => {
    const { engine } = testEngine({ save: echo }, { expressionLimits: { timeoutMs: 200 } });
    engine.deploy(workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { email: '=$lowercase($trim($event.data.email))', tags: '=$event.data.tags' } }]));
    const runs = await Promise.all(Array.from({ length: 3000 }, (_, index) => engine.dispatch({ ...customerEvent(), id: `e${index}` })));
    expect(runs.flat().filter((run) => run.status !== 'succeeded')).toEqual([]);
  });
});
