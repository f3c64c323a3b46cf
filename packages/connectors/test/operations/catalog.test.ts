import { readFileSync } from 'node:fs';
import type { OperationDescriptor } from '@flowline/core';
import { describe, expect, it } from 'vitest';
import { allOperations, ghlOperations, operationsById, pushpressTriggers } from '../../src/index.js';
import { readCatalog } from '../../scripts/operations/catalog.js';
import { createStrictAjv } from './strict-ajv.js';

const catalog = readCatalog(new URL('../../reference/catalog.tsv', import.meta.url));
const schemasDir = new URL('../../../../schemas/', import.meta.url);
const ajv = createStrictAjv();
const validateOperationFile = ajv.compile(JSON.parse(readFileSync(new URL('operation.schema.json', schemasDir), 'utf8')) as object);

function expectedId(row: (typeof catalog)[number]): string {
  return row.kind === 'trigger' ? `pushpress.${row.sourceId}` : `${row.connector}.${row.sourceId}`;
}

function fileOf(operation: OperationDescriptor): URL {
  const [connector, ...rest] = operation.id.split('.');
  const relative = connector === 'ghl' ? `ghl/${rest[0] ?? ''}/${rest.slice(1).join('.')}.json` : `pushpress/${rest.join('.')}.json`;
  return new URL(`operations/${relative}`, schemasDir);
}

function errorsOf(validate: { errors?: unknown }): string {
  return JSON.stringify(validate.errors, null, 2);
}

function placeholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function encodePath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(String(params[name])));
}

describe('the operation catalog', () => {
  it('has one operation per catalog row, with matching ids, in catalog order', () => {
    expect(catalog).toHaveLength(126);
    expect(allOperations.map((operation) => operation.id)).toEqual(catalog.map(expectedId));
  });

  it('has unique ids', () => {
    expect(new Set(allOperations.map((operation) => operation.id)).size).toBe(allOperations.length);
    expect(operationsById.size).toBe(126);
  });

  it('has 23 triggers and 103 actions', () => {
    expect(pushpressTriggers).toHaveLength(23);
    expect(ghlOperations).toHaveLength(103);
    expect(pushpressTriggers.every((operation) => operation.kind === 'trigger')).toBe(true);
    expect(ghlOperations.every((operation) => operation.kind === 'action')).toBe(true);
  });

  it('hands out frozen descriptors', () => {
    const first = allOperations[0];
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.input)).toBe(true);
  });
});

describe.each(catalog.map((row) => ({ row, id: expectedId(row) })))('$id', ({ row, id }) => {
  const operation = operationsById.get(id);
  if (operation === undefined) throw new Error(`${id} is missing from allOperations`);

  it('is the committed file under schemas/operations and validates against schemas/operation.schema.json', () => {
    expect(JSON.parse(readFileSync(fileOf(operation), 'utf8'))).toEqual(operation);
    expect(validateOperationFile(operation), errorsOf(validateOperationFile)).toBe(true);
  });

  it('carries the catalog row facts', () => {
    expect(operation.scopes).toEqual(row.scopes);
    if (row.kind === 'action') {
      expect(operation.http?.method).toBe(row.method);
      expect(operation.http?.path).toBe(row.path);
      expect(operation.http?.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has an input schema that compiles under ajv strict mode and accepts the sample', () => {
    const validate = ajv.compile(operation.input ?? {});
    expect(validate(operation.sample), errorsOf(validate)).toBe(true);
  });

  if (row.kind === 'action') {
    it('has an output schema that compiles under ajv strict mode and accepts sampleOutput', () => {
      const validate = ajv.compile(operation.output ?? {});
      expect(validate(operation.sampleOutput), errorsOf(validate)).toBe(true);
    });

    it('requires every path parameter of http.path in input.path', () => {
      const names = placeholders(row.path);
      const path = record(record(operation.input?.['properties'])['path']);
      if (names.length === 0) {
        expect(path).toEqual({});
        return;
      }
      expect(operation.input?.['required']).toContain('path');
      expect([...(path['required'] as string[])].sort()).toEqual([...names].sort());
      expect(Object.keys(record(path['properties'])).sort()).toEqual([...names].sort());
    });

    it('builds a valid request path from the sample, keeping each value inside its own segment', () => {
      const sampleParams = record(record(operation.sample)['path']);
      const built = encodePath(row.path, sampleParams);
      expect(built).not.toMatch(/[{}\s]/);
      expect(built.split('/')).toHaveLength(row.path.split('/').length);
      const hostile = Object.fromEntries(placeholders(row.path).map((name) => [name, 'a/b c?d#e']));
      const encoded = encodePath(row.path, hostile);
      expect(encoded.split('/')).toHaveLength(row.path.split('/').length);
      expect(encoded).not.toMatch(/[\s?#]/);
      if (placeholders(row.path).length > 0) expect(encoded).toContain('a%2Fb%20c%3Fd%23e');
    });

    it('sends query values as strings, numbers or booleans', () => {
      for (const value of Object.values(record(record(operation.sample)['query']))) {
        const scalars = Array.isArray(value) ? value : [value];
        for (const scalar of scalars) expect(['string', 'number', 'boolean']).toContain(typeof scalar);
      }
    });
  } else {
    it('accepts unknown extra fields in the payload and in data', () => {
      const validate = ajv.compile(operation.input ?? {});
      const sample = record(operation.sample);
      const extended = { ...sample, deliveredBy: 'future-field', data: { ...record(sample['data']), addedByPushPressLater: { any: 'thing' } } };
      expect(validate(extended), errorsOf(validate)).toBe(true);
      expect(sample['event']).toBe(row.sourceId);
    });

    it('rejects a payload for another event', () => {
      const validate = ajv.compile(operation.input ?? {});
      expect(validate({ ...record(operation.sample), event: 'not.an.event' })).toBe(false);
    });
  }
});
