import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/ghl/client/request-builder.js';
import { requestEncodingOf } from '../../src/ghl/client/request-encoding.js';
import { buildOAuthOperations, OAUTH_DOCUMENT, OUTPUT_FILE } from '../../src/ghl/codegen/build-oauth-operations.js';
import { GHL_INSTALLED_LOCATIONS_OPERATION, GHL_LOCATION_TOKEN_OPERATION } from '../../src/ghl/generated/oauth-operations.js';
import { createStrictAjv } from '../operations/strict-ajv.js';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
}

describe('ghl agency OAuth operations (generated from oauth.json)', () => {
  it('the generated file matches what oauth.json says (rebuild it when this fails)', async () => {
    expect(await readFile(OUTPUT_FILE, 'utf8')).toBe(await buildOAuthOperations());
  });

  it('declares the query parameters and required ones of GET /oauth/installedLocations as oauth.json does', async () => {
    const doc = JSON.parse(await readFile(OAUTH_DOCUMENT, 'utf8')) as { paths: Record<string, Record<string, { parameters: Parameter[] }>> };
    const parameters = (doc.paths['/oauth/installedLocations']?.['get']?.parameters ?? []).filter((p) => p.in === 'query');
    const query = (GHL_INSTALLED_LOCATIONS_OPERATION.input?.['properties'] as Record<string, { properties: object; required: string[] }>)['query'];
    expect(Object.keys(query?.properties ?? {})).toEqual(parameters.map((p) => p.name));
    expect(query?.required).toEqual(parameters.filter((p) => p.required).map((p) => p.name));
    expect(GHL_INSTALLED_LOCATIONS_OPERATION.http).toEqual({ method: 'GET', path: '/oauth/installedLocations', version: '2021-07-28' });
    expect(GHL_LOCATION_TOKEN_OPERATION.scopes).toEqual(['oauth.write']);
  });

  it("input and output schemas compile under the catalog's strict ajv", () => {
    const ajv = createStrictAjv();
    for (const op of [GHL_LOCATION_TOKEN_OPERATION, GHL_INSTALLED_LOCATIONS_OPERATION]) {
      expect(() => ajv.compile(op.input ?? {})).not.toThrow();
      expect(() => ajv.compile(op.output ?? {})).not.toThrow();
    }
  });

  it('sends the location token request form-encoded, as oauth.json says', () => {
    const { http } = GHL_LOCATION_TOKEN_OPERATION;
    const built = buildRequest({
      baseUrl: 'https://ghl.example',
      method: http?.method ?? '',
      pathTemplate: http?.path ?? '',
      version: http?.version,
      input: { body: { companyId: 'cmp 1', locationId: 'loc&1' } },
      encoding: requestEncodingOf('POST', '/oauth/locationToken'),
    });
    expect(built.headers).toMatchObject({ 'Content-Type': 'application/x-www-form-urlencoded', Version: '2021-07-28' });
    expect(Object.fromEntries(new URLSearchParams(String(built.body)))).toEqual({ companyId: 'cmp 1', locationId: 'loc&1' });
  });
});
