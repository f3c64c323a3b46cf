import { describe, expect, it } from 'vitest';
import { plainText, schemaFields } from '../src/catalog/schema-fields.js';

describe('schemaFields', () => {
  it('lists nested properties as dotted paths, following local $refs, with what is required', () => {
    const schema = {
      type: 'object',
      properties: { path: { type: 'object', properties: { contactId: { type: 'string', description: 'Contact Id' } }, required: ['contactId'] }, body: { $ref: '#/definitions/Task' } },
      required: ['body'],
      definitions: { Task: { type: 'object', properties: { title: { type: 'string' }, completed: { type: 'boolean' } }, required: ['title'] } },
    };

    expect(schemaFields(schema)).toEqual([
      { path: 'path', type: 'object', required: false },
      { path: 'path.contactId', type: 'string', required: true, description: 'Contact Id' },
      { path: 'body', type: 'object', required: true },
      { path: 'body.title', type: 'string', required: true },
      { path: 'body.completed', type: 'boolean', required: false },
    ]);
  });

  it('merges allOf parts, and shows enums, consts, anyOf alternatives and arrays as types', () => {
    const schema = {
      allOf: [{ type: 'object', properties: { status: { enum: ['open', 'won'] } }, required: ['status'] }, { properties: { kind: { const: 'deal' } } }],
      properties: { tags: { type: 'array', items: { type: 'string' } }, note: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    };

    expect(schemaFields(schema).map((field) => [field.path, field.type, field.required])).toEqual([
      ['status', '"open" | "won"', true],
      ['kind', '"deal"', false],
      ['tags', 'string[]', false],
      ['note', 'string | null', false],
    ]);
  });

  it('lists the fields of array items under path[]', () => {
    const schema = { properties: { lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] } } } };

    expect(schemaFields(schema)).toEqual([
      { path: 'lines', type: 'object[]', required: false },
      { path: 'lines[].sku', type: 'string', required: true },
    ]);
  });

  it("keeps a description's first sentence without HTML, or says the format", () => {
    const schema = { properties: { a: { type: 'string', description: 'See <a href="x">the list</a><br/>here. More text.' }, b: { type: 'string', format: 'date-time' } } };

    expect(schemaFields(schema).map((field) => field.description)).toEqual(['See the list here.', 'format date-time']);
    expect(plainText('one<br/><br/>two&nbsp;three')).toBe('one two three');
  });

  it("shows the title, where the options come from and the catalog's warning (x-flowline)", () => {
    const schema = {
      properties: {
        pipelineStageId: { title: 'Pipeline stage ID', type: 'string', 'x-flowline': { order: 1, options: { source: 'ghl.pipeline-stages', dependsOn: 'pipelineId' } } },
        tags: { title: 'Tags', type: 'array', items: { type: 'string' }, description: 'Overwrites all tags. More.', 'x-flowline': { order: 0, warning: 'Replaces every tag on the contact.' } },
      },
    };

    expect(schemaFields(schema)).toEqual([
      {
        path: 'pipelineStageId',
        type: 'string',
        required: false,
        title: 'Pipeline stage ID',
        options: { source: 'ghl.pipeline-stages', dependsOn: 'pipelineId' },
        description: 'Pipeline stage ID. Options: ghl.pipeline-stages of pipelineId.',
      },
      {
        path: 'tags',
        type: 'string[]',
        required: false,
        title: 'Tags',
        warning: 'Replaces every tag on the contact.',
        description: 'Tags: Overwrites all tags. Warning: Replaces every tag on the contact.',
      },
    ]);
  });

  it('stops at a $ref that points at itself instead of looping', () => {
    const schema = { properties: { self: { $ref: '#/definitions/Loop' } }, definitions: { Loop: { $ref: '#/definitions/Loop' } } };

    expect(schemaFields(schema)).toEqual([{ path: 'self', type: 'any', required: false }]);
  });
});
