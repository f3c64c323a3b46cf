import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { customerLookupOperation } from '@flowline/connectors';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
/** The catalog's bar: ajv 8, draft-07, every strict option on, with ajv-formats. */
const strictAjv = (): Ajv => addFormats(new Ajv({ strict: true, allErrors: true }));

const operationSchema = JSON.parse(readFileSync(new URL('../../../../schemas/operation.schema.json', import.meta.url), 'utf8')) as object;

describe('pushpress.customers.get descriptor', () => {
  it('validates against schemas/operation.schema.json', () => {
    const validate = strictAjv().compile(operationSchema);
    expect(validate(customerLookupOperation), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is marked extra and its sample and sampleOutput fit its input and output schemas under strict ajv', () => {
    expect(customerLookupOperation.extra).toBe(true);
    const ajv = strictAjv();
    const input = ajv.compile(customerLookupOperation.input ?? {});
    const output = ajv.compile(customerLookupOperation.output ?? {});
    expect(input(customerLookupOperation.sample), JSON.stringify(input.errors)).toBe(true);
    expect(output(customerLookupOperation.sampleOutput), JSON.stringify(output.errors)).toBe(true);
  });

  it('keeps the output open to fields the reference does not list', () => {
    const output = strictAjv().compile(customerLookupOperation.output ?? {});
    expect(output({ ...(customerLookupOperation.sampleOutput as object), loyaltyTier: 'gold' })).toBe(true);
  });
});
