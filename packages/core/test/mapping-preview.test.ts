import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, previewMapping, sampleScope } from '../src/design/index.js';

const expressions = new ExpressionCompiler();
const event = { event: 'customer.created', data: { id: 'usr_1', email: ' Ann@Example.com ', firstName: 'Ann' } };
const scope = sampleScope({ event, steps: { lookup: { found: true, to: 'ct_9' } }, vars: { tier: 'gold' }, config: { locationId: 'loc_1' } });

describe('mapping preview', () => {
  it('gives the mapped value and each expression\'s own value, with its pointer', async () => {
    const preview = await previewMapping(
      { email: '=$lowercase($trim($event.data.email))', source: 'PushPress', contact: '=$steps.lookup.to', location: '=$config.locationId', tier: '=$vars.tier' },
      { expressions, scope, pointer: '/steps/1/input' },
    );
    expect(preview.value).toEqual({ email: 'ann@example.com', source: 'PushPress', contact: 'ct_9', location: 'loc_1', tier: 'gold' });
    expect(preview.fields).toEqual([
      { pointer: '/steps/1/input/email', source: '=$lowercase($trim($event.data.email))', value: 'ann@example.com' },
      { pointer: '/steps/1/input/contact', source: '=$steps.lookup.to', value: 'ct_9' },
      { pointer: '/steps/1/input/location', source: '=$config.locationId', value: 'loc_1' },
      { pointer: '/steps/1/input/tier', source: '=$vars.tier', value: 'gold' },
    ]);
  });

  it('reports a failing field as data and still evaluates the others', async () => {
    const preview = await previewMapping({ id: '=$event.data.id', count: '=$number("many")', broken: '=$event.data.(' }, { expressions, scope });
    expect(preview.value).toBeUndefined();
    // The mapping as a whole does not compile; each field still has its own answer.
    expect(preview.error).toMatchObject({ code: 'expression.syntax', pointer: '/broken' });
    expect(preview.fields).toEqual([
      { pointer: '/id', source: '=$event.data.id', value: 'usr_1' },
      { pointer: '/count', source: '=$number("many")', error: expect.objectContaining({ code: 'expression.evaluation', pointer: '/count' }) },
      { pointer: '/broken', source: '=$event.data.(', error: expect.objectContaining({ code: 'expression.syntax', pointer: '/broken' }) },
    ]);
  });

  it('stops evaluating fields once the preview has used up its time budget, and says so at each field left', async () => {
    const preview = await previewMapping({ slow: '=$count([1..90000])', later: '=$event.data.id', last: '=1' }, { expressions, scope, budgetMs: 1 });
    expect(preview.fields[0]).toMatchObject({ pointer: '/slow', value: 90000 });
    expect(preview.fields.slice(1)).toEqual([
      { pointer: '/later', source: '=$event.data.id', error: expect.objectContaining({ code: 'preview.out-of-time' }) },
      { pointer: '/last', source: '=1', error: expect.objectContaining({ code: 'preview.out-of-time' }) },
    ]);
    expect(preview.error).toMatchObject({ code: 'preview.out-of-time' });
  });

  it('previews the templates a mapping uses, and names an unknown one', async () => {
    const templates = { contactFields: { email: '=$event.data.email', firstName: '=$event.data.firstName' } };
    const used = await previewMapping({ $use: 'contactFields', firstName: 'Override' }, { expressions, scope, templates });
    expect(used.value).toEqual({ email: ' Ann@Example.com ', firstName: 'Override' });
    expect(used.fields.map((field) => field.pointer)).toEqual(['/templates/contactFields/email', '/templates/contactFields/firstName']);

    const unknown = await previewMapping({ $use: 'contactFeilds' }, { expressions, scope, templates });
    expect(unknown.error).toMatchObject({ code: 'definition.unknown-template', pointer: '/$use' });
  });

  it('treats a top-level string as an expression unless told it is a message', async () => {
    expect((await previewMapping('$event.data.firstName', { expressions, scope })).value).toBe('Ann');
    expect((await previewMapping('Welcome', { expressions, scope, topLevel: false })).value).toBe('Welcome');
  });

  it('binds the names a run binds: $ and $event, $trigger, and $run as a dry run', async () => {
    const preview = await previewMapping({ same: '=$ = $event', trigger: '=$trigger.operation', dryRun: '=$run.dryRun' }, {
      expressions,
      scope: sampleScope({ event, trigger: { operation: 'pushpress.customer.created' } }),
    });
    expect(preview.value).toEqual({ same: true, trigger: 'pushpress.customer.created', dryRun: true });
  });
});
