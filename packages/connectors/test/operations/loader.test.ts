import { describe, expect, it } from 'vitest';
import { allOperations, operationsById } from '../../src/index.js';
import { loadOperations } from '../../src/operations/index.js';
import { createStrictAjv } from './strict-ajv.js';

describe('loadOperations', () => {
  it('gives the 126 generated descriptors, deeply frozen and shared', () => {
    const operations = loadOperations();
    expect(operations).toHaveLength(126);
    expect(operations).toBe(allOperations);
    const upsert = operationsById.get('ghl.contacts.upsert-contact');
    expect(Object.isFrozen(upsert)).toBe(true);
    expect(Object.isFrozen(upsert?.input)).toBe(true);
    expect(Object.isFrozen(upsert?.sample)).toBe(true);
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
