import { describe, expect, it } from 'vitest';
import { measureJson } from '../src/payload/json-byte-length.js';

const jsonByteLength = (value: unknown): number => measureJson(value).bytes;

const byStringify = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

describe('measureJson', () => {
  it('counts what JSON.stringify would write, escapes and multi-byte characters included', () => {
    const samples: unknown[] = [
      null, true, false, 0, -0, 1.5e-7, 1e21, -123.456, '', 'plain',
      'quote " backslash \\ newline \n tab \t bell \u0007 del \u007f',
      'é ü 中文 emoji 😀 lone high \ud800 lone low \udc00 pair \ud83d\ude00',
      [], [1, 'a', null, [true, {}]],
      { a: 1, 'key "with" quotes': 'é', nested: { list: [{ x: null }], empty: [] } },
      Object.assign(Object.create(null) as object, { bare: 'object' }),
    ];
    for (const value of samples) expect(jsonByteLength(value), JSON.stringify(value)).toBe(byStringify(value));
  });

  it('leaves values JSON.stringify treats specially to JSON.stringify, with the same answer', () => {
    const samples: unknown[] = [
      { when: new Date(0) },
      { skipped: undefined, fn: () => 1, kept: 1 },
      [undefined, () => 1, Symbol('s')],
      { n: Number.NaN, i: Number.POSITIVE_INFINITY },
      { custom: { toJSON: () => 'replaced' } },
      new Map([['a', 1]]),
    ];
    for (const value of samples) expect(jsonByteLength(value)).toBe(byStringify(value));
  });

  it('reports a cycle the way JSON.stringify does', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => jsonByteLength(cycle)).toThrow(TypeError);
  });

  it('agrees with JSON.stringify on random JSON', () => {
    let state = 7;
    const random = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'Z', ' ', '"', '\\', '\n', '\u0001', 'é', '中', '😀', '\ud800', '\udfff'];
    const text = () => Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const value = (depth: number): unknown => {
      const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
      if (kind === 0) return text();
      if (kind === 1) return (random() - 0.5) * 10 ** Math.floor(random() * 30);
      if (kind === 2) return random() < 0.5;
      if (kind === 3) return null;
      if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), value(depth + 1)]));
    };
    for (let round = 0; round < 2_000; round += 1) {
      const sample = value(0);
      expect(jsonByteLength(sample)).toBe(byStringify(sample));
    }
  });

  it('notes a key that could reach a prototype, anywhere, also past a value it leaves to JSON.stringify', () => {
    expect(measureJson(JSON.parse('{"a":{"b":[{"__proto__":{"x":1}}]}}'))).toMatchObject({ unsafeKeys: true });
    expect(measureJson({ when: new Date(0), later: { constructor: 'x' } })).toMatchObject({ unsafeKeys: true });
    expect(measureJson({ a: { b: [1, 'prototype'] } })).toMatchObject({ unsafeKeys: false });
  });
});
