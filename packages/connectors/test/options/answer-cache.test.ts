import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/options/answer-cache.js';
import { isStillValid, keepIfValid } from '../../src/options/index.js';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve = (_: T): void => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const cache = (maxEntries = 10) => new AnswerCache<string>({ ttlMs: 1000, maxEntries, now: () => 0 });

describe('AnswerCache', () => {
  it('keeps the newer of two answers whichever arrives last', async () => {
    const c = cache();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = c.get('k', () => older.promise);
    const second = c.get('k', () => newer.promise, true);
    newer.resolve('new');
    await second;
    older.resolve('old');
    expect((await first).value).toBe('old');
    expect((await c.get('k', async () => 'fetched')).value).toBe('new');
  });

  it('does not store an answer fetched before its key was dropped', async () => {
    const c = cache();
    const pending = deferred<string>();
    const call = c.get('k', () => pending.promise);
    c.delete((key) => key === 'k');
    pending.resolve('before-drop');
    expect((await call).value).toBe('before-drop');
    expect((await c.get('k', async () => 'after-drop')).value).toBe('after-drop');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const c = cache(2);
    for (const key of ['a', 'b', 'c']) await c.get(key, async () => key);
    expect(c.size).toBe(2);
    expect((await c.get('a', async () => 'refetched')).cached).toBe(false);
    expect((await c.get('c', async () => 'x')).cached).toBe(true);
  });
});

describe('keepIfValid', () => {
  const options = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }];
  it('keeps a value still among the options and drops one that is not', () => {
    expect(keepIfValid('a', options)).toBe('a');
    expect(keepIfValid('z', options)).toBeUndefined();
    expect(keepIfValid(['b', 'z', 'a'], options)).toEqual(['b', 'a']);
    expect(keepIfValid(undefined, options)).toBeUndefined();
    expect(isStillValid('b', options)).toBe(true);
    expect(isStillValid(1, options)).toBe(false);
  });
});
