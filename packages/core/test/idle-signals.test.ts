import { describe, expect, it } from 'vitest';
import { IdleSignals } from '../src/runtime/idle-signals.js';

describe('signals for runs nothing cancels', () => {
  it('reuses a signal nothing listens to any more', () => {
    const signals = new IdleSignals();
    const first = signals.take();
    const listener = () => {};
    first.addEventListener('abort', listener);
    first.removeEventListener('abort', listener);
    signals.give(first);
    expect(signals.take()).toBe(first);
  });

  it('never reuses a signal a listener was left on, so one run\'s listener cannot pile up on others', () => {
    const signals = new IdleSignals();
    const leaky = signals.take();
    leaky.addEventListener('abort', () => {});
    signals.give(leaky);
    expect(signals.take()).not.toBe(leaky);
  });

  it('keeps at most its limit of idle signals', () => {
    const signals = new IdleSignals(2);
    const taken = [signals.take(), signals.take(), signals.take()];
    for (const signal of taken) signals.give(signal);
    const again = [signals.take(), signals.take(), signals.take()];
    expect(again.filter((signal) => taken.includes(signal))).toHaveLength(2);
  });
});
