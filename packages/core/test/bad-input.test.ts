import { describe, expect, it } from 'vitest';
import { PayloadError, parseJson } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const definition = workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: '$event.data' }]);

describe('bad input', () => {
  it('names the line and column of malformed JSON', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b" 2 }', { maxBytes: 1000, source: 'workflow.json' })).toThrowError('workflow.json is not valid JSON at line 3, column 7');
    expect(() => parseJson('{"a": tru}', { maxBytes: 1000, source: 'event.json' })).toThrowError(/event.json is not valid JSON: Unexpected token/);
  });

  it('refuses oversized JSON text before parsing it', () => {
    expect(() => parseJson(`"${'x'.repeat(2000)}"`, { maxBytes: 1000, source: 'event.json' })).toThrowError(PayloadError);
  });

  it('refuses an oversized event payload with a clear error, and runs nothing', async () => {
    const { engine, connector } = testEngine({ save: echo }, { maxPayloadBytes: 2048 });
    engine.deploy(definition);
    await expect(engine.dispatch(customerEvent({ notes: 'x'.repeat(5000) }))).rejects.toMatchObject({ code: 'payload.too-large' });
    expect(connector.calls).toEqual([]);
    expect(await engine.listRuns()).toEqual([]);
  });

  it('refuses payloads with __proto__ or constructor keys and leaves prototypes untouched', async () => {
    const { engine, connector } = testEngine({ save: echo });
    engine.deploy(definition);
    const payload = JSON.parse('{"event":"customer.created","data":{"id":"u1","__proto__":{"isAdmin":true},"nested":{"constructor":{"prototype":{"x":1}}}}}') as unknown;
    const error = await engine.dispatch({ trigger: 'shop.customer.created', payload }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ code: 'payload.unsafe-key', pointer: '/data/__proto__' });
    expect((error as PayloadError).problems.map((problem) => problem.pointer)).toEqual(['/data/__proto__', '/data/nested/constructor']);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(connector.calls).toEqual([]);
  });

  it('refuses a payload that does not match its trigger schema, with pointers', async () => {
    const { engine } = testEngine({ save: echo });
    engine.deploy(definition);
    await expect(engine.dispatch({ trigger: 'shop.customer.created', payload: { event: 'customer.created', data: { id: 42 } } })).rejects.toMatchObject({
      code: 'payload.invalid',
      pointer: '/data/id',
    });
  });

  it('refuses an unknown trigger, suggesting the closest', async () => {
    const { engine } = testEngine({ save: echo });
    await expect(engine.dispatch({ trigger: 'shop.customer.create', payload: {} })).rejects.toMatchObject({ code: 'event.unknown-trigger', hint: 'Did you mean "shop.customer.created"?' });
  });

  it('keeps a mapping from writing to a prototype, even when data names one', async () => {
    const { engine, connector } = testEngine({ save: echo });
    const run = await engine.run(workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: '{ "__proto__": { "polluted": true }, "ok": 1 }' }]), customerEvent());
    expect(run.status).toBe('succeeded');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(connector.calls[0]?.input as object)).toEqual(['__proto__', 'ok']);
  });

  it('keeps going after bad input: the next good event runs', async () => {
    const { engine, connector } = testEngine({ save: echo }, { maxPayloadBytes: 2048 });
    engine.deploy(definition);
    await engine.dispatch(customerEvent({ notes: 'x'.repeat(5000) })).catch(() => undefined);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.status).toBe('succeeded');
    expect(connector.calls).toHaveLength(1);
  });
});
