import { readCatalog, type CatalogRow } from './catalog.js';
import { annotateActionInput, annotateTriggerPayload, cleanOutput, operationDescription } from './field-hints.js';
import { buildGhlOperation } from './ghl-operation.js';
import { ghlHint, pushpressHint } from './gym-hints.js';
import { applySamplePatch, samplePatches } from './sample-patches.js';
import { isJsonObject, type Json, type JsonObject } from './json-types.js';
import { OpenApiDocuments } from './openapi-documents.js';
import { buildPushpressTrigger } from './pushpress-trigger.js';
import { SampleSynthesizer } from './sample-synthesizer.js';
import { SchemaFit } from './schema-fit.js';

/** One generated operation file: the JSON shape of `OperationDescriptor`, plus where it goes. */
export interface GeneratedOperation {
  /** Path under `schemas/operations/`, e.g. `ghl/contacts/upsert-contact.json`. */
  readonly file: string;
  /** `ghl.<module>` or `pushpress`: which generated types file holds its types. */
  readonly group: string;
  /** The key of the operation inside its group (operationId or event name). */
  readonly key: string;
  readonly descriptor: JsonObject;
  /** Notes about the source the generator had to work around (reported, not fatal). */
  readonly notes: readonly string[];
}

function checked(id: string, what: string, value: Json, schema: JsonObject): Json {
  const problem = new SchemaFit(schema).explain(value, schema);
  if (problem !== undefined) {
    throw new Error(`${id}: the generated ${what} does not validate against its schema (${problem}); fix scripts/operations/sample-patches.ts`);
  }
  return value;
}

/** Query parameters worth showing in a sample even when optional. */
const SHOWN_QUERY = new Set(['limit', 'timezone', 'model']);

/** Drops optional query parameters (pagination cursors, filters) from a synthesized sample. */
function withoutOptionalQuery(sample: Json, input: JsonObject): Json {
  if (!isJsonObject(sample) || !isJsonObject(sample['query'])) return sample;
  const properties = isJsonObject(input['properties']) ? input['properties'] : {};
  const query = isJsonObject(properties['query']) ? properties['query'] : {};
  const required = Array.isArray(query['required']) ? query['required'] : [];
  const kept = Object.fromEntries(Object.entries(sample['query']).filter(([name]) => required.includes(name) || SHOWN_QUERY.has(name)));
  const { query: _query, ...rest } = sample;
  return Object.keys(kept).length === 0 ? rest : { ...rest, query: kept };
}

function actionOf(row: CatalogRow, documents: OpenApiDocuments, referenceDir: URL): GeneratedOperation {
  const draft = buildGhlOperation(row, { documents, referenceDir });
  const patch = samplePatches[draft.id];
  const synthesized = withoutOptionalQuery(new SampleSynthesizer({ root: draft.input, mode: 'minimal', hint: ghlHint }).sample(), draft.input);
  const sample = applySamplePatch(synthesized, patch?.input);
  const synthesizedOutput = new SampleSynthesizer({ root: draft.output, mode: 'full', hint: ghlHint }).sample();
  const sampleOutput = applySamplePatch(synthesizedOutput, patch?.output);
  const notes: string[] = [];
  if (draft.undeclaredPathParams.length > 0) notes.push(`path parameters not declared by the document: ${draft.undeclaredPathParams.join(', ')}`);
  if (draft.bodyMediaType !== undefined) notes.push(`request body is ${draft.bodyMediaType}, not JSON`);
  const outputFits = new SchemaFit(draft.output).fits(sampleOutput, draft.output);
  if (!outputFits) notes.push('sampleOutput does not validate against output');
  const descriptor: JsonObject = {
    id: draft.id,
    kind: 'action',
    connector: 'ghl',
    title: draft.title,
    ...(draft.description === undefined ? {} : { description: operationDescription(draft.description) }),
    scopes: [...draft.scopes],
    http: draft.http,
    input: draft.input,
    output: draft.output,
    sample: checked(draft.id, 'sample', sample, draft.input),
    sampleOutput,
  };
  // After the samples: titles, plain descriptions and x-flowline hints for drawing forms.
  annotateActionInput(draft.id, draft.input);
  cleanOutput(draft.output);
  return { file: `ghl/${draft.module}/${draft.operationId}.json`, group: row.connector, key: draft.operationId, descriptor, notes };
}

function triggerOf(row: CatalogRow, documents: OpenApiDocuments, referenceDir: URL): GeneratedOperation {
  const draft = buildPushpressTrigger(row, { documents, referenceDir });
  const patch = samplePatches[draft.id];
  const sample = applySamplePatch(new SampleSynthesizer({ root: draft.input, mode: 'full', hint: pushpressHint }).sample(), patch?.input);
  const descriptor: JsonObject = {
    id: draft.id,
    kind: 'trigger',
    connector: 'pushpress',
    title: draft.title,
    description: draft.description,
    scopes: [...draft.scopes],
    input: draft.input,
    sample: checked(draft.id, 'sample', sample, draft.input),
  };
  annotateTriggerPayload(draft.id, draft.input);
  return { file: `pushpress/${draft.event}.json`, group: 'pushpress', key: draft.event, descriptor, notes: [] };
}

/** Builds every operation of reference/catalog.tsv, in catalog order. */
export function buildOperations(referenceDir: URL): GeneratedOperation[] {
  const documents = new OpenApiDocuments();
  return readCatalog(new URL('catalog.tsv', referenceDir)).map((row) =>
    row.kind === 'trigger' ? triggerOf(row, documents, referenceDir) : actionOf(row, documents, referenceDir),
  );
}
