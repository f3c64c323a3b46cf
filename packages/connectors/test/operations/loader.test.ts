import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FlowlineError } from '@flowline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsById } from '../../src/index.js';
import { loadOperations } from '../../src/operations/index.js';
import { createStrictAjv } from './strict-ajv.js';

describe('loadOperations', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flowline-bundle-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects a bundle that is not an array, saying to run pnpm generate', async () => {
    const file = join(dir, 'object.json');
    await writeFile(file, '{"id":"x"}');
    expect(() => loadOperations(pathToFileURL(file))).toThrow(FlowlineError);
    expect(() => loadOperations(pathToFileURL(file))).toThrow(/expected an array/);
  });

  it('rejects an entry without the descriptor fields, pointing at it', async () => {
    const file = join(dir, 'entry.json');
    await writeFile(file, '[{"id":"a","kind":"action","connector":"ghl","title":"A"},{"id":"b"}]');
    try {
      loadOperations(pathToFileURL(file));
      expect.unreachable('loadOperations accepted a broken entry');
    } catch (error) {
      expect(error).toBeInstanceOf(FlowlineError);
      expect((error as FlowlineError).pointer).toBe('/1');
      expect((error as FlowlineError).hint).toMatch(/pnpm generate/);
    }
  });

  it('reports a missing bundle as unreadable', () => {
    expect(() => loadOperations(pathToFileURL(join(dir, 'missing.json')))).toThrow(/Could not read the operation bundle/);
  });
});

describe('action input schemas', () => {
  const ajv = createStrictAjv();
  const upsert = operationsById.get('ghl.contacts.upsert-contact');
  const getContact = operationsById.get('ghl.contacts.get-contact');

  it('reject a part the operation does not have', () => {
    const validate = ajv.compile(upsert?.input ?? {});
    expect(validate({ ...(upsert?.sample as object), headers: { Version: '2021-07-28' } })).toBe(false);
  });

  it('reject a missing path parameter', () => {
    const validate = ajv.compile(getContact?.input ?? {});
    expect(validate({ path: {} })).toBe(false);
    expect(validate({ path: { contactId: '' } })).toBe(false);
  });

  it('reject a body without its documented required fields', () => {
    const validate = ajv.compile(upsert?.input ?? {});
    expect(validate({ body: { firstName: 'Maya' } })).toBe(false);
  });
});
