import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/index.js';

describe('memory store (smoke)', () => {
  it('accepts an event once and lists it as pending', async () => {
    const store = createMemoryStore();
    const event = { trigger: 't', payload: { a: 1 }, id: 'e1' };
    expect(await store.addToInbox(event, '2024-01-01T00:00:00.000Z')).toEqual({ added: true });
    expect(await store.addToInbox(event, '2024-01-01T00:00:00.000Z')).toEqual({ added: false });
    expect((await store.listInbox('pending')).map((e) => e.id)).toEqual(['e1']);
  });
});
