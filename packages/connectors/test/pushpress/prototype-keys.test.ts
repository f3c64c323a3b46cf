import { describe, expect, it } from 'vitest';
import { stripPrototypeKeys } from '../../src/pushpress/prototype-keys.js';

describe('stripPrototypeKeys', () => {
  it('removes prototype-like keys at any depth, in objects and arrays, and says where (escaped pointers, sorted)', () => {
    const body = JSON.parse('{"a":{"__proto__":1,"b/c":[{"constructor":2},{"x":{"prototype":3}}]},"prototype":4,"~k":{"__proto__":5},"keep":[1,"two",null]}') as unknown;
    expect(stripPrototypeKeys(body)).toEqual(['/a/__proto__', '/a/b~1c/0/constructor', '/a/b~1c/1/x/prototype', '/prototype', '/~0k/__proto__']);
    expect(body).toEqual({ a: { 'b/c': [{}, { x: {} }] }, '~k': {}, keep: [1, 'two', null] });
  });

  it('leaves a clean payload as it was and reports nothing', () => {
    const body = { event: 'customer.created', data: { id: 'usr_1', tags: ['a'], name: { first: 'Ann' } } };
    expect(stripPrototypeKeys(body)).toEqual([]);
    expect(body).toEqual({ event: 'customer.created', data: { id: 'usr_1', tags: ['a'], name: { first: 'Ann' } } });
  });

  it('handles a top-level array, a primitive and a payload nested far deeper than the call stack', () => {
    expect(stripPrototypeKeys(JSON.parse('[{"constructor":1}]'))).toEqual(['/0/constructor']);
    expect(stripPrototypeKeys(5)).toEqual([]);
    const deep: unknown = JSON.parse(`${'{"n":'.repeat(20_000)}{"constructor":1}${'}'.repeat(20_000)}`);
    expect(stripPrototypeKeys(deep)).toHaveLength(1);
  });
});
