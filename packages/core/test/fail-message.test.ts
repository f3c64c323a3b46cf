import { describe, expect, it } from 'vitest';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

/** A `fail` step's message is literal text, as the README says; only a string starting with `=` is JSONata. */
describe('fail.message', () => {
  const { engine } = testEngine({ save: echo });

  it('accepts a plain message as text: validation reports no JSONata syntax error for it', () => {
    expect(engine.validate(workflow([{ id: 'stop', type: 'fail', message: 'Customer is not linked yet' }]))).toEqual({ valid: true, problems: [] });
  });

  it('ends the run with a plain message word for word', async () => {
    const run = await engine.run(workflow([{ id: 'stop', type: 'fail', message: 'Customer is not linked yet', code: 'not-linked' }]), customerEvent());
    expect(run).toMatchObject({ status: 'failed', failedStep: 'stop', error: { code: 'not-linked', message: 'Customer is not linked yet' } });
  });

  it('evaluates a message starting with = as JSONata, and reports its syntax errors at the message', () => {
    expect(engine.validate(workflow([{ id: 'stop', type: 'fail', message: '="No email for " & $event.data.id' }])).valid).toBe(true);
    expect(engine.validate(workflow([{ id: 'stop', type: 'fail', message: '=Customer is not linked yet' }])).problems).toEqual([
      expect.objectContaining({ pointer: '/steps/0/message', code: 'expression.syntax' }),
    ]);
  });

  it('checks the = strings of a message given as a mapping, and leaves its plain strings alone', async () => {
    const message = { text: 'Customer is not linked yet', id: '=$event.data.id' };
    expect(engine.validate(workflow([{ id: 'stop', type: 'fail', message }])).valid).toBe(true);
    const run = await engine.run(workflow([{ id: 'stop', type: 'fail', message }]), customerEvent());
    expect(run.error?.message).toBe(JSON.stringify({ text: 'Customer is not linked yet', id: 'usr_1' }));
  });
});
