import type { GeneratedOperation } from './build-descriptors.js';

const HEADER = `/* eslint-disable */
/**
 * DO NOT EDIT: generated from packages/connectors/reference/ by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run \`pnpm generate\`. The same
 * descriptors, one file per operation and readable, are in schemas/operations/.
 */`;

/**
 * The catalog's descriptors as a module (src/generated/operations.ts), so they load without `fs`
 * in Node and in a browser bundle.
 *
 * The data is one `JSON.parse` of a string rather than an object literal. Measured on the 126
 * operations (1 MB of JSON), the literal cost tsc 1.1–1.5 s of checking and 114 MB (the string:
 * under 0.1 s and 64 MB), compiled to 1.5 MB of JavaScript (0.6 MB), and took about a quarter
 * longer to load in Node 20 (median 83 ms against 63 ms; minified 67 against 52): V8 parses JSON
 * faster than the same data as JavaScript. Minified by a bundler the literal is 8% smaller (2%
 * gzipped), which does not outweigh the rest.
 */
export function renderCatalogModule(operations: readonly GeneratedOperation[]): string {
  const json = JSON.stringify(operations.map((operation) => operation.descriptor));
  return `${HEADER}
import type { OperationDescriptor } from '@flowline/core/design';

/** The 126 catalog operations (23 PushPress triggers, then 103 GoHighLevel actions), in catalog order. */
export const operations: readonly OperationDescriptor[] = JSON.parse(${toStringLiteral(json)});
`;
}

/** A single-quoted JavaScript string literal of `text` (JSON text has no raw line breaks). */
function toStringLiteral(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029')}'`;
}
