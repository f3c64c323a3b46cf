import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildRequestEncodings, OUTPUT_FILE } from '../../src/ghl/codegen/build-request-encodings.js';
import { requestEncodingOf } from '../../src/ghl/client/request-encoding.js';

describe('ghl request encodings', () => {
  it('the generated table matches what the OpenAPI documents say (rebuild it when this fails)', async () => {
    expect(await readFile(OUTPUT_FILE, 'utf8')).toBe(await buildRequestEncodings());
  });

  it('knows the multipart upload and defaults everything else to JSON bodies and exploded query arrays', () => {
    expect(requestEncodingOf('post', '/locations/{locationId}/customFields/upload')).toEqual({ bodyMediaType: 'multipart/form-data' });
    expect(requestEncodingOf('GET', '/calendars/{calendarId}/free-slots')).toEqual({});
  });
});
