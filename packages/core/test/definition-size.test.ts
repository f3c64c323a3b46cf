import { describe, expect, it } from 'vitest';
import { createPushPressConnector } from '../../connectors/src/index.js';
import { createEngine } from '../src/index.js';
import { MAX_PROBLEMS, MAX_STEPS } from '../src/definition/definition-size.js';

const engine = createEngine({ connectors: [createPushPressConnector()] });
const workflow = (steps: unknown[]) => ({ id: 'big', name: 'Big', version: 1, trigger: { operation: 'pushpress.customer.created' }, steps });
const setStep = (index: number) => ({ id: `s${index}`, type: 'set', var: 'a', value: '=1' });

describe('definitions too large to be a workflow', () => {
  it(`refuses more than ${MAX_STEPS} steps with one problem, without checking each (200,000 empty steps answer at once)`, () => {
    const started = performance.now();
    const result = engine.validate({ steps: Array.from({ length: 200_000 }, () => ({})) });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'definition.too-many-steps', pointer: '/steps' })]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts nested steps too: branches and bodies', () => {
    const nested = { id: 'branch', type: 'if', condition: 'true', then: Array.from({ length: MAX_STEPS }, (_, index) => setStep(index + 1)) };
    expect(engine.validate(workflow([setStep(0), nested])).problems).toEqual([expect.objectContaining({ code: 'definition.too-many-steps', pointer: '/steps/1/then' })]);
  });

  it('refuses a definition nested deeper than 64 levels at the pointer where it goes too deep, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 5000; level++) deep = { a: deep };
    const result = engine.validate({ ...workflow([]), description: deep });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'definition.too-deep', pointer: expect.stringMatching(/^\/description(\/a)+$/) })]);
  });

  it(`lists at most ${MAX_PROBLEMS} problems, and says how many more there are`, () => {
    const result = engine.validate({ steps: Array.from({ length: MAX_STEPS }, () => ({})) });
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(result.problems.at(-1)).toMatchObject({ code: 'definition.too-many-problems', message: expect.stringMatching(/^\d+ more problems are not listed$/) });
  });

  it('takes a workflow of the largest allowed size', () => {
    expect(engine.validate(workflow(Array.from({ length: MAX_STEPS }, (_, index) => setStep(index)))).problems).toEqual([]);
  });
});
