import { createEngine, type OperationDescriptor, type OperationKind } from '@flowline/core';
import { engineOptions } from '../host-config.js';
import { plainText, schemaFields, type SchemaField } from '../catalog/schema-fields.js';
import type { CommandIo } from './command-io.js';

export interface CatalogArgs {
  readonly id: string | undefined;
  readonly kind: string | undefined;
  readonly search: string | undefined;
  readonly json: boolean;
}

function describe(operation: OperationDescriptor): string {
  return [
    `${operation.id} (${operation.kind}${operation.extra ? ', extra' : ''})`,
    `  ${operation.title}`,
    ...(operation.description && operation.description !== operation.title ? [`  ${plainText(operation.description)}`] : []),
    ...(operation.http ? [`  ${operation.http.method} ${operation.http.path}${operation.http.version ? ` (Version ${operation.http.version})` : ''}`] : []),
    ...(operation.scopes?.length ? [`  scopes: ${operation.scopes.join(', ')}`] : []),
    ...fieldLines(operation),
    ...(operation.sample === undefined ? [] : [`  sample: ${JSON.stringify(operation.sample)}`]),
  ].join('\n');
}

/** The input's fields (a trigger's: its payload's), one a line: path, type, required, description. */
function fieldLines(operation: OperationDescriptor): string[] {
  const fields = operation.input && typeof operation.input === 'object' ? schemaFields(operation.input as Record<string, unknown>) : [];
  if (fields.length === 0) return [];
  // A long path or type (an enum of many values) overflows its column rather than widening it for every line.
  const width = (pick: (field: SchemaField) => string, most: number) => Math.min(most, Math.max(...fields.map((field) => pick(field).length)));
  const pathWidth = width((field) => field.path, 40);
  const typeWidth = width((field) => field.type, 24);
  return [
    `  ${operation.kind === 'trigger' ? 'payload' : 'input'} fields:`,
    ...fields.map((field) =>
      `    ${field.path.padEnd(pathWidth)}  ${field.type.padEnd(typeWidth)}  ${(field.required ? 'required' : '').padEnd(8)}  ${field.description ?? ''}`.trimEnd(),
    ),
  ];
}

/** `flowline catalog [--json] [--kind trigger|action] [--search words] [<operation-id>]`. */
export async function catalogCommand(args: CatalogArgs, io: CommandIo): Promise<number> {
  if (args.kind !== undefined && args.kind !== 'trigger' && args.kind !== 'action') {
    io.err(`--kind must be trigger or action, not "${args.kind}"`);
    return 2;
  }
  const { catalog } = createEngine(engineOptions({}));
  if (args.id) {
    const operation = catalog.describe(args.id);
    if (!operation) {
      const closest = catalog.suggest(args.id);
      io.err(`No operation "${args.id}".${closest.length ? ` Did you mean ${closest.join(', ')}?` : ''}`);
      return 1;
    }
    io.out(args.json ? JSON.stringify(operation, null, 2) : describe(operation));
    return 0;
  }
  const operations = catalog.list({ ...(args.kind ? { kind: args.kind as OperationKind } : {}), ...(args.search ? { text: args.search } : {}) });
  if (args.json) io.out(JSON.stringify(operations, null, 2));
  else for (const operation of operations) io.out(`${operation.id.padEnd(60)} ${operation.kind.padEnd(8)} ${operation.title}`);
  return 0;
}
