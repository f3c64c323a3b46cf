import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index.js';
import { createCatalog, ExpressionCompiler, validateWorkflow, type Mapping, type ValidationProblem } from '../src/design/index.js';
import { schemaViolations } from '../src/definition/input-schema-check.js';
// The real catalog and GHL connector: the schemas the examples fail against live.
import { catalogOperations } from '../../connectors/src/catalog/catalog-operations.js';
import { createGhlConnector, createPushPressConnector } from '../../connectors/src/index.js';

const catalog = createCatalog(catalogOperations);
const expressions = new ExpressionCompiler();

function definition(steps: unknown[], templates?: Record<string, Mapping>) {
  return { id: 'input-checks', name: 'Input checks', version: 1, trigger: { operation: 'pushpress.customer.created' }, ...(templates ? { templates } : {}), steps };
}

function action(operation: string, input?: Mapping, id = 'act') {
  return { id, type: 'action', operation, connection: 'ghl', ...(input === undefined ? {} : { input }) };
}

function problems(steps: unknown[], templates?: Record<string, Mapping>): readonly ValidationProblem[] {
  return validateWorkflow(definition(steps, templates), { catalog, expressions }).problems;
}

const task = { title: 'Call back', dueDate: '2025-11-27T15:00:00Z', completed: false };
const createTask = (body: Mapping) => action('ghl.contacts.create-task', { path: { contactId: '=$event.data.id' }, body });

describe('validate checks action inputs against their operation input schema', () => {
  it('reports a create-task without title at the body, naming the missing key', () => {
    const { title: _title, ...withoutTitle } = task;
    const found = problems([{ id: 'first', type: 'set', var: 'a', value: 1 }, { id: 'second', type: 'set', var: 'b', value: 2 }, createTask(withoutTitle)]);
    expect(found).toEqual([{ pointer: '/steps/2/input/body', code: 'input.missing-property', message: 'Missing required property "title"' }]);
  });

  it('reports completed: "no" and a numeric dueDate at their fields as the wrong type', () => {
    const found = problems([createTask({ ...task, completed: 'no', dueDate: 20251127 })]);
    expect(found).toEqual([
      { pointer: '/steps/0/input/body/dueDate', code: 'input.wrong-type', message: 'Must be a string, not the number 20251127' },
      { pointer: '/steps/0/input/body/completed', code: 'input.wrong-type', message: 'Must be true or false, not the string "no"' },
    ]);
  });

  it('reports status "closed-won" as not in the enum, suggesting the allowed values', () => {
    const found = problems([action('ghl.opportunities.update-opportunity-status', { path: { id: '=$event.data.id' }, body: { status: 'closed-won' } })]);
    expect(found).toEqual([
      expect.objectContaining({
        pointer: '/steps/0/input/body/status',
        code: 'input.not-in-enum',
        message: '"closed-won" is not one of "open", "won", "lost", "abandoned", "all"',
      }),
    ]);
    expect(found[0]?.suggestion).toContain('"won"');
  });

  it('suggests the closest value of the enum when there is one', () => {
    const found = problems([action('ghl.opportunities.update-opportunity-status', { path: { id: 'opp_1' }, body: { status: 'Won' } })]);
    expect(found).toEqual([expect.objectContaining({ pointer: '/steps/0/input/body/status', code: 'input.not-in-enum', suggestion: expect.stringMatching(/^Did you mean "won"\?/) })]);
  });

  it('reports add-tags with path.contact_id as an unknown key, suggesting contactId, and the missing contactId at path', () => {
    const found = problems([action('ghl.contacts.add-tags', { path: { contact_id: '=$event.data.id' }, body: { tags: ['member'] } })]);
    expect(found).toEqual([
      { pointer: '/steps/0/input/path', code: 'input.missing-property', message: 'Missing required property "contactId"' },
      { pointer: '/steps/0/input/path/contact_id', code: 'input.unknown-property', message: 'Unknown property "contact_id"', suggestion: 'Did you mean "contactId"?' },
    ]);
  });

  it('does not flag expressions whose result type is unknown, in typed, enum or required fields', () => {
    expect(problems([createTask({ title: '=$event.data.name', dueDate: '=$event.data.due', completed: '=$event.data.done' })])).toEqual([]);
    expect(problems([action('ghl.opportunities.update-opportunity-status', { path: { id: '=$event.data.id' }, body: { status: '=$event.data.status' } })])).toEqual([]);
    expect(problems([action('ghl.contacts.add-tags', '=$event.data.request')])).toEqual([]);
    expect(problems([action('ghl.contacts.add-tags', { path: '=$event.data.path', body: { tags: '=$event.data.tags' } })])).toEqual([]);
  });

  it('flags an expression known to give a string ($uppercase, &, $toE164) in a number or boolean field', () => {
    const opportunity = (monetaryValue: Mapping) =>
      action('ghl.opportunities.create-opportunity', { body: { pipelineId: 'p', locationId: 'l', name: 'n', status: 'open', contactId: 'c', monetaryValue } });
    expect(problems([opportunity('=$uppercase($event.data.plan)')])).toEqual([
      { pointer: '/steps/0/input/body/monetaryValue', code: 'input.wrong-type', message: 'Must be a number, not an expression giving a string' },
    ]);
    expect(problems([opportunity('="$" & $event.data.price')])).toEqual([expect.objectContaining({ pointer: '/steps/0/input/body/monetaryValue', code: 'input.wrong-type' })]);
    expect(problems([createTask({ ...task, completed: '=$toE164($event.data.phone)' })])).toEqual([expect.objectContaining({ pointer: '/steps/0/input/body/completed', code: 'input.wrong-type' })]);
    // Of the right type, or a number expression in a number field: nothing to say.
    expect(problems([opportunity('=$number($event.data.price) * 2')])).toEqual([]);
    expect(problems([createTask({ ...task, title: '="Call " & $event.data.name' })])).toEqual([]);
  });

  it('checks an expression that is a literal as its value', () => {
    expect(problems([createTask({ ...task, completed: '="no"' })])).toEqual([expect.objectContaining({ pointer: '/steps/0/input/body/completed', code: 'input.wrong-type' })]);
    expect(problems([action('ghl.opportunities.update-opportunity-status', { path: { id: 'o' }, body: { status: '="closed-won"' } })])).toEqual([
      expect.objectContaining({ pointer: '/steps/0/input/body/status', code: 'input.not-in-enum' }),
    ]);
  });

  it('expands $use templates, and takes a template it cannot know as possibly holding any key', () => {
    const templates = { task: { title: 'Call back', dueDate: '=$event.data.due' } as Mapping };
    expect(problems([createTask({ $use: 'task', completed: false })], templates)).toEqual([]);
    expect(problems([createTask({ $use: 'task' })], templates)).toEqual([{ pointer: '/steps/0/input/body', code: 'input.missing-property', message: 'Missing required property "completed"' }]);
    expect(problems([createTask({ $use: 'task', completed: 'no' })], templates)).toEqual([expect.objectContaining({ pointer: '/steps/0/input/body/completed', code: 'input.wrong-type' })]);
    // A template made by an expression may give any key: only the known ones are checked.
    const dynamic = { task: '=$event.data.task' as Mapping };
    expect(problems([createTask({ $use: 'task', completed: false })], dynamic)).toEqual([]);
    expect(problems([createTask({ $use: 'task', completed: 'no' })], dynamic)).toEqual([expect.objectContaining({ pointer: '/steps/0/input/body/completed', code: 'input.wrong-type' })]);
  });

  it('checks a step without input as the empty input it sends', () => {
    expect(problems([action('ghl.contacts.add-tags')])).toEqual([
      { pointer: '/steps/0/input', code: 'input.missing-property', message: 'Missing required property "path"' },
      { pointer: '/steps/0/input', code: 'input.missing-property', message: 'Missing required property "body"' },
    ]);
  });

  it('checks steps nested in if, forEach and onError', () => {
    const { title: _title, ...withoutTitle } = task;
    const found = problems([{ id: 'each', type: 'forEach', over: '=$event.data.list', steps: [{ id: 'check', type: 'if', condition: '=true', then: [createTask(withoutTitle)] }] }]);
    expect(found).toEqual([{ pointer: '/steps/0/steps/0/then/0/input/body', code: 'input.missing-property', message: 'Missing required property "title"' }]);
    const fallback = { ...createTask(withoutTitle), id: 'fallback' };
    expect(problems([{ ...createTask(task), onError: [fallback] }])).toEqual([
      { pointer: '/steps/0/onError/0/input/body', code: 'input.missing-property', message: 'Missing required property "title"' },
    ]);
  });
});

describe('the input schema walker', () => {
  it('reports what ajv (allErrors) reports on every action schema of the catalog, for samples and their variations', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const variations = (sample: unknown): unknown[] => {
      const out: unknown[] = [sample, {}, null, 'x'];
      const vary = (value: unknown, put: (changed: unknown) => unknown) => {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          const record = value as Record<string, unknown>;
          for (const key of Object.keys(record)) {
            const { [key]: _dropped, ...without } = record;
            out.push(put(without), put({ ...record, [key]: 12345 }), put({ ...record, [key]: 'zzz' }), put({ ...record, [key]: [true] }), put({ ...record, [key]: null }), put({ ...record, [`${key}X`]: 1 }));
            vary(record[key], (changed) => put({ ...record, [key]: changed }));
          }
        } else if (Array.isArray(value) && value.length > 0) {
          out.push(put([...value, 7]));
          vary(value[0], (changed) => put([changed, ...value.slice(1)]));
        }
      };
      vary(sample, (changed) => changed);
      return out;
    };
    let compared = 0;
    for (const operation of catalogOperations) {
      if (operation.kind !== 'action' || operation.input === undefined) continue;
      const validate = ajv.compile(operation.input);
      for (const value of variations(operation.sample ?? {})) {
        validate(value);
        const expected = (validate.errors ?? []).map(({ instancePath, keyword, message, params }) => ({ instancePath, keyword, message, params }));
        const actual = schemaViolations(operation.input, value).map(({ instancePath, keyword, message, params }) => ({ instancePath, keyword, message, params }));
        expect(actual, `${operation.id} ${JSON.stringify(value)}`).toEqual(expected);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});

describe('dry runs check the mapped input', () => {
  const payload = JSON.parse(readFileSync(new URL('../../../examples/contact-sync/events/customer.created.json', import.meta.url), 'utf8')) as unknown;
  const event = { trigger: 'pushpress.customer.created', payload };
  const connections = { ghl: { connector: 'ghl', credentials: { type: 'private-token', token: 't' } } };

  it('fails a create-task whose title maps to nothing as the live run does, before anything is sent', async () => {
    const sent: string[] = [];
    const ghl = createGhlConnector({
      fetch: async (input) => {
        sent.push(String(input));
        return new Response('{}', { status: 500 });
      },
    });
    const engine = createEngine({ connectors: [ghl, createPushPressConnector()], connections });
    // Valid at design time (the title is an expression), but the event has no such field: the title is dropped.
    const workflow = definition([createTask({ ...task, title: '=$event.data.nickname' })]);
    expect(engine.validate(workflow).problems).toEqual([]);
    const dry = await engine.run(workflow, { ...event, id: 'dry' }, { dryRun: true });
    const live = await engine.run(workflow, { ...event, id: 'live' });
    expect(sent).toEqual([]);
    expect(dry.status).toBe('failed');
    expect(live.status).toBe('failed');
    expect(dry.error).toEqual(live.error);
    expect(dry.error).toMatchObject({
      category: 'validation',
      code: 'action.validation',
      pointer: '/body/title',
      message: 'Invalid input for ghl.contacts.create-task: /body/title is required',
      details: { operationId: 'ghl.contacts.create-task', violations: [{ pointer: '/body/title', message: 'is required' }] },
    });
  });

  it('lets a dry run of a valid input succeed with the sample output', async () => {
    const engine = createEngine({ connectors: [createGhlConnector(), createPushPressConnector()], connections });
    const run = await engine.run(definition([createTask({ ...task, title: '="Call " & $event.data.name.first' })]), { ...event, id: 'ok' }, { dryRun: true });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('succeeded');
  });
});
