import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * ajv 8, draft-07, every strict option on, with ajv-formats: the bar every operation schema must
 * pass. `x-flowline` (the catalog's form hints) is the one keyword beyond draft-07 it knows.
 */
export function createStrictAjv(): Ajv {
  return addFormats(new Ajv({ strict: true, allErrors: true, keywords: [{ keyword: 'x-flowline', schemaType: 'object' }] }));
}
