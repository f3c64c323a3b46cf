import type { CatalogRow } from './catalog.js';
import { isJsonObject, type JsonObject } from './json-types.js';
import type { OpenApiDocuments } from './openapi-documents.js';
import { DRAFT_07, SchemaConverter } from './openapi-to-json-schema.js';
import { payloadTypeName } from './type-names.js';

export interface PushpressTriggerDraft {
  readonly id: string;
  readonly event: string;
  readonly title: string;
  readonly description: string;
  readonly scopes: readonly string[];
  readonly input: JsonObject;
}

const WORDS: Readonly<Record<string, string>> = { memberapp: 'member app', checkin: 'check-in' };

/** `customer.details.changed` → `Customer details changed`. */
export function triggerTitle(event: string): string {
  const text = event
    .split('.')
    .map((word) => WORDS[word] ?? word)
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Builds a trigger from the webhook body schema. The schema stays open (no
 * `additionalProperties: false` anywhere): PushPress adds fields without notice.
 */
export function buildPushpressTrigger(row: CatalogRow, options: { documents: OpenApiDocuments; referenceDir: URL }): PushpressTriggerDraft {
  const url = new URL(row.spec, options.referenceDir);
  const source = options.documents.load(url);
  const converter = new SchemaConverter({ documents: options.documents, open: true });
  const converted = converter.convert(source, url);
  const description = typeof source['description'] === 'string' ? source['description'] : row.summary;
  const { title: _title, description: _description, ...body } = converted;
  const definitions = converter.definitions;
  const input: JsonObject = {
    $schema: DRAFT_07,
    title: payloadTypeName(row.sourceId),
    description,
    ...body,
    ...(definitions === undefined ? {} : { definitions }),
  };
  if (!isJsonObject(input['properties'])) throw new Error(`${url.href}: expected a webhook body with properties`);
  return {
    id: `pushpress.${row.sourceId}`,
    event: row.sourceId,
    title: triggerTitle(row.sourceId),
    description,
    scopes: row.scopes,
    input,
  };
}
