import { describe, expect, it } from 'vitest';
import { createEngine, FlowlineError, isStoreUnavailable, StoreUnavailableError, type Logger } from '../src/index.js';
import { StoreOutage } from '../src/runtime/store-outage.js';

function noting() {
  const lines: string[] = [];
  const logger: Logger = { debug() {}, info: (message) => lines.push(`info: ${message}`), warn() {}, error: (message) => lines.push(`error: ${message}`) };
  return { lines, logger };
}

const full = () => new StoreUnavailableError('disk-full', 'The disk is full');

describe('store outages', () => {
  it('tries work again while the store cannot write, telling it so, and logs the outage once as it starts and once as it ends', async () => {
    const { lines, logger } = noting();
    const outage = new StoreOutage({ initialDelayMs: 1, maxDelayMs: 2, logger, describe: (error) => ({ name: 'Error', code: 'x', message: String(error) }) });
    const tries: boolean[] = [];
    const result = await outage.persist({ eventId: 'e1' }, async (again) => {
      tries.push(again);
      if (tries.length < 4) throw full();
      return 'done';
    });
    expect(result).toBe('done');
    expect(tries).toEqual([false, true, true, true]);
    expect(lines).toEqual([
      'error: the store cannot write for now; the work waits and is tried again (nothing is failed or dead-lettered for it)',
      'info: the store writes again; the work that waited goes on',
    ]);
    expect(outage.ongoing).toBe(false);
  });

  it('throws any other failure at once, without trying again', async () => {
    const { logger } = noting();
    const outage = new StoreOutage({ initialDelayMs: 1, logger, describe: () => ({ name: 'Error', code: 'x', message: 'x' }) });
    let tries = 0;
    await expect(
      outage.persist({}, async () => {
        tries += 1;
        throw new FlowlineError('store.not_found', 'no such entry');
      }),
    ).rejects.toMatchObject({ code: 'store.not_found' });
    expect(tries).toBe(1);
  });

  it("knows a store's error that passes by its class, by its code, and as the cause of another error", () => {
    expect(isStoreUnavailable(full())).toBe(true);
    expect(isStoreUnavailable(new FlowlineError('store.unavailable', 'from another copy of core'))).toBe(true);
    expect(isStoreUnavailable(new Error('token refresh failed', { cause: full() }))).toBe(true);
    expect(isStoreUnavailable(new FlowlineError('store.corrupt', 'damaged'))).toBe(false);
    expect(isStoreUnavailable('disk full')).toBe(false);
  });

  it.each([
    ['a zero first delay', { initialDelayMs: 0 }],
    ['a fractional longest delay', { maxDelayMs: 1.5 }],
  ])('refuses storeRetry with %s, saying what was expected', (_, storeRetry) => {
    expect(() => createEngine({ storeRetry })).toThrow(/^Expected `storeRetry\.\w+` to be a positive integer/);
  });
});
