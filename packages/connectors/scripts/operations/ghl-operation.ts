import type { CatalogRow } from './catalog.js';
import { isJsonObject, type Json, type JsonObject } from './json-types.js';
import type { OpenApiDocuments } from './openapi-documents.js';
import { DRAFT_07, SchemaConverter } from './openapi-to-json-schema.js';
import { inputTypeName, outputTypeName } from './type-names.js';

/** What the generator knows about one GHL action before samples are added. */
export interface GhlOperationDraft {
  readonly id: string;
  readonly module: string;
  readonly operationId: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly scopes: readonly string[];
  readonly http: { method: string; path: string; version: string };
  readonly input: JsonObject;
  readonly output: JsonObject;
  /** The `requestBody` media type when it is not JSON (e.g. multipart/form-data). */
  readonly bodyMediaType: string | undefined;
  /** Path parameters the template names but the document does not declare. */
  readonly undeclaredPathParams: readonly string[];
}

const DEFAULT_VERSION = '2021-07-28';

function findOperation(document: JsonObject, operationId: string): { path: string; method: string; operation: JsonObject } {
  const paths = document['paths'];
  if (isJsonObject(paths)) {
    for (const [path, item] of Object.entries(paths)) {
      if (!isJsonObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (isJsonObject(operation) && operation['operationId'] === operationId) return { path, method, operation };
      }
    }
  }
  throw new Error(`operationId ${operationId} is not in the document`);
}

function parametersOf(operation: JsonObject, documents: OpenApiDocuments, base: URL): JsonObject[] {
  const list = operation['parameters'];
  if (!Array.isArray(list)) return [];
  return list.map((parameter) => {
    if (!isJsonObject(parameter)) throw new Error(`${base.href}: a parameter is not an object`);
    const ref = parameter['$ref'];
    return typeof ref === 'string' ? documents.resolve(ref, base).node : parameter;
  });
}

/** Parameter-level `description`/`example`/`examples` folded into the parameter's schema. */
function parameterSchema(parameter: JsonObject, converter: SchemaConverter, base: URL): JsonObject {
  const raw = parameter['schema'] ?? { type: 'string' };
  const converted = converter.convert(raw, base);
  const schema: JsonObject = converted['$ref'] === undefined ? { ...converted } : { allOf: [converted] };
  const description = parameter['description'];
  if (typeof description === 'string' && schema['description'] === undefined) schema['description'] = description;
  const examples: Json[] = [];
  if (parameter['example'] !== undefined) examples.push(parameter['example']);
  const named = parameter['examples'];
  if (isJsonObject(named)) {
    for (const example of Object.values(named)) if (isJsonObject(example) && example['value'] !== undefined) examples.push(example['value']);
  }
  if (examples.length > 0 && schema['examples'] === undefined) schema['examples'] = examples;
  return schema;
}

function versionOf(parameters: readonly JsonObject[]): string {
  const header = parameters.find((parameter) => parameter['in'] === 'header' && parameter['name'] === 'Version');
  if (header === undefined) return DEFAULT_VERSION;
  const schema = isJsonObject(header['schema']) ? header['schema'] : {};
  const fromEnum = Array.isArray(schema['enum']) ? schema['enum'][0] : undefined;
  const candidate = fromEnum ?? schema['example'] ?? header['example'];
  return typeof candidate === 'string' ? candidate : DEFAULT_VERSION;
}

function successResponse(operation: JsonObject): JsonObject | undefined {
  const responses = operation['responses'];
  if (!isJsonObject(responses)) return undefined;
  const code = Object.keys(responses).filter((status) => /^2\d\d$/.test(status)).sort()[0];
  const response = code === undefined ? undefined : responses[code];
  return isJsonObject(response) ? response : undefined;
}

function jsonSchemaOf(content: Json | undefined): { mediaType: string; schema: Json } | undefined {
  if (!isJsonObject(content)) return undefined;
  const mediaTypes = Object.keys(content);
  const mediaType = mediaTypes.find((type) => type === 'application/json') ?? mediaTypes[0];
  if (mediaType === undefined) return undefined;
  const entry = content[mediaType];
  if (!isJsonObject(entry) || entry['schema'] === undefined) return undefined;
  return { mediaType, schema: entry['schema'] };
}

function objectOf(properties: JsonObject, required: readonly string[], description: string): JsonObject {
  const out: JsonObject = { type: 'object', description, properties };
  if (required.length > 0) out['required'] = [...required];
  out['additionalProperties'] = false;
  return out;
}

function rootSchema(title: string, body: JsonObject, converter: SchemaConverter): JsonObject {
  const definitions = converter.definitions;
  return { $schema: DRAFT_07, title, ...body, ...(definitions === undefined ? {} : { definitions }) };
}

/** Builds the input/output schemas and HTTP facts of one GHL catalog row from the official OpenAPI document. */
export function buildGhlOperation(row: CatalogRow, options: { documents: OpenApiDocuments; referenceDir: URL }): GhlOperationDraft {
  const module = row.connector.replace(/^ghl\./, '');
  const base = new URL(row.spec, options.referenceDir);
  const document = options.documents.load(base);
  const { path, method, operation } = findOperation(document, row.sourceId);
  if (path !== row.path || method.toUpperCase() !== row.method) {
    throw new Error(`${row.sourceId}: catalog says ${row.method} ${row.path}, the document says ${method.toUpperCase()} ${path}`);
  }
  const id = `ghl.${module}.${row.sourceId}`;
  const parameters = parametersOf(operation, options.documents, base);

  const inputConverter = new SchemaConverter({ documents: options.documents });
  const inputProperties: JsonObject = {};
  const inputRequired: string[] = [];

  const templateParams = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const undeclaredPathParams: string[] = [];
  if (templateParams.length > 0) {
    const properties: JsonObject = {};
    for (const name of templateParams) {
      const declared = parameters.find((parameter) => parameter['in'] === 'path' && parameter['name'] === name);
      if (declared === undefined) {
        undeclaredPathParams.push(name);
        properties[name] = {
          type: 'string',
          minLength: 1,
          description: `Path parameter {${name}}: the OpenAPI document names it in the path but does not declare it.`,
        };
      } else {
        properties[name] = { ...parameterSchema(declared, inputConverter, base), ...minLengthFor(declared) };
      }
    }
    inputProperties['path'] = objectOf(properties, templateParams, 'Path parameters, URL-encoded into the path.');
    inputRequired.push('path');
  }

  const queryParams = parameters.filter((parameter) => parameter['in'] === 'query');
  if (queryParams.length > 0) {
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const parameter of queryParams) {
      const name = String(parameter['name']);
      properties[name] = parameterSchema(parameter, inputConverter, base);
      if (parameter['required'] === true) required.push(name);
    }
    inputProperties['query'] = objectOf(properties, required, 'Query string parameters.');
    if (required.length > 0) inputRequired.push('query');
  }

  let bodyMediaType: string | undefined;
  const requestBody = operation['requestBody'];
  if (isJsonObject(requestBody)) {
    const body = jsonSchemaOf(requestBody['content']);
    if (body !== undefined) {
      const schema = { ...inputConverter.convert(body.schema, base) };
      const description = requestBody['description'];
      if (typeof description === 'string' && schema['description'] === undefined) schema['description'] = description;
      if (body.mediaType !== 'application/json') {
        bodyMediaType = body.mediaType;
        schema['description'] = `Sent as ${body.mediaType}.${typeof schema['description'] === 'string' ? ` ${schema['description']}` : ''}`;
      }
      inputProperties['body'] = schema;
      if (requestBody['required'] === true) inputRequired.push('body');
    }
  }

  const summary = typeof operation['summary'] === 'string' ? operation['summary'] : row.summary;
  const input = rootSchema(
    inputTypeName(module, row.sourceId),
    {
      description: `Input of ${summary} (${row.method} ${row.path}).`,
      type: 'object',
      properties: inputProperties,
      ...(inputRequired.length > 0 ? { required: inputRequired } : {}),
      additionalProperties: false,
    },
    inputConverter,
  );

  const outputConverter = new SchemaConverter({ documents: options.documents });
  const response = successResponse(operation);
  const responseBody = response === undefined ? undefined : jsonSchemaOf(response['content']);
  const responseDescription = typeof response?.['description'] === 'string' ? response['description'] : 'Successful response';
  const output = rootSchema(
    outputTypeName(module, row.sourceId),
    responseBody === undefined
      ? { description: `${responseDescription}. The OpenAPI document describes no response body for this operation.`, type: 'object' }
      : { description: responseDescription, ...inputlessRoot(outputConverter.convert(responseBody.schema, base)) },
    outputConverter,
  );

  const description = typeof operation['description'] === 'string' ? operation['description'] : undefined;
  return {
    id,
    module,
    operationId: row.sourceId,
    title: summary,
    description,
    scopes: row.scopes,
    http: { method: row.method, path: row.path, version: versionOf(parameters) },
    input,
    output,
    bodyMediaType,
    undeclaredPathParams,
  };
}

/** A path parameter must not be empty: an empty segment changes which route the request hits. */
function minLengthFor(parameter: JsonObject): JsonObject {
  const schema = parameter['schema'];
  return isJsonObject(schema) && schema['type'] === 'string' && schema['enum'] === undefined ? { minLength: 1 } : {};
}

/** A response that is only a `$ref` keeps its own description out of the way of the response's. */
function inputlessRoot(schema: JsonObject): JsonObject {
  return schema['$ref'] !== undefined ? { allOf: [schema] } : schema;
}
