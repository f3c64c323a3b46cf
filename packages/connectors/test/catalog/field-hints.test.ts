import { fieldHints, OPTION_SOURCES, type FieldHints } from '@flowline/connectors/catalog';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/generated/operations.js';
import { fieldTitle, restatesKey, titleFromDescription } from '../../scripts/operations/field-titles.js';
import { hasHtml, plainText } from '../../scripts/operations/plain-text.js';
import { createStrictAjv } from '../operations/strict-ajv.js';

type Schema = { readonly [keyword: string]: unknown };

interface Field {
  readonly operation: string;
  /** JSON pointer of the property schema inside the input schema. */
  readonly pointer: string;
  readonly key: string;
  readonly schema: Schema;
}

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every property schema anywhere in `schema` (properties, items, anyOf/oneOf/allOf, definitions). */
function fieldsOf(operation: string, node: unknown, pointer = ''): Field[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => fieldsOf(operation, item, `${pointer}/${index}`));
  if (!isSchema(node)) return [];
  const fields: Field[] = [];
  for (const [keyword, value] of Object.entries(node)) {
    if (['examples', 'default', 'enum', 'const', 'x-flowline'].includes(keyword)) continue;
    if (keyword === 'properties' && isSchema(value)) {
      for (const [key, schema] of Object.entries(value)) {
        if (!isSchema(schema)) continue;
        fields.push({ operation, pointer: `${pointer}/properties/${key}`, key, schema }, ...fieldsOf(operation, schema, `${pointer}/properties/${key}`));
      }
    } else {
      fields.push(...fieldsOf(operation, value, `${pointer}/${keyword}`));
    }
  }
  return fields;
}

/** Every `description` anywhere in a schema, with the property key it describes when it is a field's. */
function descriptionsOf(node: unknown, key?: string): { key?: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((item) => descriptionsOf(item));
  if (!isSchema(node)) return [];
  const found: { key?: string; text: string }[] = typeof node['description'] === 'string' ? [{ ...(key === undefined ? {} : { key }), text: node['description'] }] : [];
  for (const [keyword, value] of Object.entries(node)) {
    if (['examples', 'default', 'enum', 'const', 'x-flowline'].includes(keyword)) continue;
    if (keyword === 'properties' && isSchema(value)) for (const [name, schema] of Object.entries(value)) found.push(...descriptionsOf(schema, name));
    else found.push(...descriptionsOf(value));
  }
  return found;
}

const actions = operations.filter((operation) => operation.kind === 'action');
const triggers = operations.filter((operation) => operation.kind === 'trigger');
const actionFields = actions.flatMap((operation) => fieldsOf(operation.id, operation.input));
const triggerFields = triggers.flatMap((operation) => fieldsOf(operation.id, operation.input));
const byId = new Map(operations.map((operation) => [operation.id, operation]));

function field(operation: string, pointer: string): Field {
  const found = actionFields.find((one) => one.operation === operation && one.pointer === pointer);
  if (found === undefined) throw new Error(`${operation}: no field at ${pointer}`);
  return found;
}

const hintsOf = (operation: string, pointer: string): FieldHints => fieldHints(field(operation, pointer).schema) ?? {};

describe('catalog fields for drawing forms', () => {
  it('covers the 103 actions and 23 triggers', () => {
    expect([actions.length, triggers.length]).toEqual([103, 23]);
    expect(actionFields.length).toBeGreaterThan(800);
    expect(triggerFields.length).toBeGreaterThan(600);
  });

  it('gives every action input field and every trigger payload field a title', () => {
    const untitled = [...actionFields, ...triggerFields].filter((one) => typeof one.schema['title'] !== 'string' || one.schema['title'] === '');
    expect(untitled.map((one) => `${one.operation} ${one.pointer}`)).toEqual([]);
  });

  it('titles read as words, acronyms upper case', () => {
    expect(field('ghl.contacts.create-task', '/definitions/CreateTaskParams/properties/dueDate').schema['title']).toBe('Due date');
    expect(field('ghl.contacts.create-task', '/properties/path/properties/contactId').schema['title']).toBe('Contact ID');
    expect(field('ghl.contacts.create-task', '/definitions/CreateTaskParams/properties/assignedTo').schema['title']).toBe('Assigned to');
    expect(field('ghl.contacts.upsert-contact', '/definitions/UpsertContactDto/properties/locationId').schema['title']).toBe('Location ID');
    expect(['dueDate', 'formSubmitRedirectURL', 'dnd', 'toE164', 'isActive', 'pipeline_stage_id'].map((key) => fieldTitle(key, { boolean: key === 'isActive' }))).toEqual([
      'Due date', 'Form submit redirect URL', 'DND (do not disturb)', 'To E.164', 'Active', 'Pipeline stage ID',
    ]);
    expect(titleFromDescription('Opportunity Id', 'id')).toBe('Opportunity ID');
    expect(titleFromDescription('The id of the opportunity.', 'id')).toBeUndefined();
  });

  it('has no description with HTML tags or entities', () => {
    const described = operations.flatMap((operation) => [
      ...(operation.description === undefined ? [] : [{ text: operation.description }]),
      ...descriptionsOf(operation.input),
      ...descriptionsOf(operation.output),
    ]);
    expect(described.length).toBeGreaterThan(300);
    expect(described.filter((one) => hasHtml(one.text)).map((one) => one.text)).toEqual([]);
    expect(byId.get('ghl.contacts.upsert-contact')?.description).toContain('country-list). The Upsert API will adhere');
    expect(plainText('See <a href="https://x.test/list" target="_blank">here</a><br/><br/>Then&nbsp;more &amp; more')).toBe('See here (https://x.test/list). Then more & more');
    expect(plainText('Use `<YYYY-MM-DD in local timezone>T00:00:00.000Z`.')).toBe('Use `<YYYY-MM-DD in local timezone>T00:00:00.000Z`.');
  });

  it('has no description that only restates its key', () => {
    const restating = operations.flatMap((operation) =>
      [...descriptionsOf(operation.input), ...descriptionsOf(operation.output)].filter((one) => one.key !== undefined && restatesKey(one.text, one.key)).map((one) => `${operation.id} ${one.key}: ${one.text}`),
    );
    expect(restating).toEqual([]);
    expect(restatesKey('Contact Id', 'contactId')).toBe(true);
    expect(restatesKey('stage Id', 'pipeline_stage_id')).toBe(true);
    expect(restatesKey('The birth date of the contact.', 'dateOfBirth')).toBe(false);
  });

  it('describes the PushPress envelope and customer ids from the reference, and no more', () => {
    const created = triggerFields.find((one) => one.operation === 'pushpress.customer.created' && one.pointer === '/properties/created');
    expect(created?.schema['description']).toMatch(/Unix seconds/);
    const checkin = triggerFields.find((one) => one.operation === 'pushpress.checkin.created' && one.key === 'customer');
    expect(checkin?.schema['description']).toMatch(/not a GHL contact ID/);
    expect(triggerFields.filter((one) => one.schema['x-flowline'] !== undefined)).toEqual([]);
  });

  it('orders every action input field: required first, then as the source lists them', () => {
    expect(actionFields.filter((one) => typeof fieldHints(one.schema)?.order !== 'number').map((one) => `${one.operation} ${one.pointer}`)).toEqual([]);
    const task = byId.get('ghl.contacts.create-task')?.input as { definitions: { CreateTaskParams: { properties: Record<string, Schema> } } };
    const shown = Object.entries(task.definitions.CreateTaskParams.properties).sort(([, a], [, b]) => (fieldHints(a)?.order ?? 0) - (fieldHints(b)?.order ?? 0)).map(([key]) => key);
    expect(shown).toEqual(['title', 'dueDate', 'completed', 'body', 'assignedTo']);
  });

  it('names widgets where the kind of value is plain', () => {
    expect(hintsOf('ghl.contacts.create-task', '/definitions/CreateTaskParams/properties/dueDate').widget).toBe('datetime');
    expect(hintsOf('ghl.contacts.create-task', '/definitions/CreateTaskParams/properties/body').widget).toBe('textarea');
    expect(hintsOf('ghl.contacts.create-note', '/definitions/NotesDTO/properties/body').widget).toBe('textarea');
    expect(hintsOf('ghl.contacts.add-tags', '/definitions/TagsDTO/properties/tags').widget).toBe('tags');
    expect(hintsOf('ghl.contacts.upsert-contact', '/definitions/UpsertContactDto/properties/email').widget).toBe('email');
    expect(hintsOf('ghl.contacts.upsert-contact', '/definitions/UpsertContactDto/properties/phone').widget).toBe('phone');
  });

  it('names the option source of calendar, pipeline, stage, user, custom field and tag fields', () => {
    const sources = (id: string) =>
      Object.fromEntries(actionFields.filter((one) => one.operation === id && fieldHints(one.schema)?.options).map((one) => [one.key, fieldHints(one.schema)?.options]));
    expect(sources('ghl.opportunities.create-opportunity')).toMatchObject({
      pipelineId: { source: 'ghl.pipelines' },
      pipelineStageId: { source: 'ghl.pipeline-stages', dependsOn: 'pipelineId' },
      assignedTo: { source: 'ghl.users' },
    });
    expect(sources('ghl.opportunities.update-opportunity')).toMatchObject({ pipelineStageId: { source: 'ghl.pipeline-stages', dependsOn: 'pipelineId' } });
    expect(sources('ghl.opportunities.search-opportunity')).toMatchObject({ pipeline_stage_id: { source: 'ghl.pipeline-stages', dependsOn: 'pipeline_id' } });
    expect(sources('ghl.calendars.create-appointment')).toMatchObject({ calendarId: { source: 'ghl.calendars' }, assignedUserId: { source: 'ghl.users' } });
    expect(sources('ghl.contacts.create-task')).toEqual({ assignedTo: { source: 'ghl.users' } });
    expect(sources('ghl.contacts.upsert-contact')).toEqual({ assignedTo: { source: 'ghl.users' }, tags: { source: 'ghl.tags' }, id: { source: 'ghl.custom-fields' } });
    expect(sources('ghl.contacts.add-tags')).toEqual({ tags: { source: 'ghl.tags' } });
    const named = actionFields.flatMap((one) => fieldHints(one.schema)?.options?.source ?? []);
    expect(new Set(named)).toEqual(new Set(OPTION_SOURCES));
  });

  it('warns that upsert-contact and update-contact tags replace every tag, as GHL documents', () => {
    for (const id of ['ghl.contacts.upsert-contact', 'ghl.contacts.update-contact']) {
      const tags = actionFields.find((one) => one.operation === id && one.key === 'tags');
      expect(fieldHints(tags?.schema)?.warning).toMatch(/^Replaces every tag on the contact/);
      expect(tags?.schema['description']).toMatch(/overwrite all current tags/);
    }
    expect(fieldHints(byId.get('ghl.contacts.upsert-contact')?.input)?.warning).toMatch(/Allow Duplicate Contact/);
    expect(fieldHints(actionFields.find((one) => one.operation === 'ghl.contacts.add-tags' && one.key === 'tags')?.schema)?.warning).toBeUndefined();
  });

  it('compiles every input and output under strict ajv with the x-flowline keyword', () => {
    const ajv = createStrictAjv();
    for (const operation of operations) {
      expect(() => ajv.compile(operation.input ?? {}), operation.id).not.toThrow();
      if (operation.output !== undefined) expect(() => ajv.compile(operation.output ?? {}), operation.id).not.toThrow();
    }
  });
});
