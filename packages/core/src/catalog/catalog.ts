import type { OperationDescriptor, OperationKind } from '../connectors/operation.js';
import { FlowlineError } from '../errors/flowline-error.js';
import { closestNames } from './closest-names.js';

export interface CatalogQuery {
  readonly kind?: OperationKind;
  readonly connector?: string;
  /** Words that must all appear in the id, title or description (case-insensitive). */
  readonly text?: string;
}

/** The operations an engine offers, for a builder's palette and forms. */
export interface Catalog {
  list(query?: CatalogQuery): OperationDescriptor[];
  describe(id: string): OperationDescriptor | undefined;
  /** Ids closest to a mistyped one, optionally of one kind. */
  suggest(id: string, kind?: OperationKind): string[];
  readonly size: number;
}

function haystack(operation: OperationDescriptor): string {
  return `${operation.id} ${operation.title} ${operation.description ?? ''}`.toLowerCase();
}

/** Builds a catalog; two operations with one id are a configuration error. */
export function createCatalog(operations: Iterable<OperationDescriptor>): Catalog {
  const byId = new Map<string, OperationDescriptor>();
  for (const operation of operations) {
    if (byId.has(operation.id)) {
      throw new FlowlineError('engine.duplicate-operation', `Two connectors define the operation "${operation.id}"`, {
        hint: 'Each operation id must be unique across the connectors given to one engine.',
      });
    }
    byId.set(operation.id, operation);
  }
  const all = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    size: all.length,
    list(query = {}) {
      const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      return all.filter(
        (operation) =>
          (query.kind === undefined || operation.kind === query.kind) &&
          (query.connector === undefined || operation.connector === query.connector) &&
          words.every((word) => haystack(operation).includes(word)),
      );
    },
    describe(id) {
      return byId.get(id);
    },
    suggest(id, kind) {
      return closestNames(id, all.filter((operation) => kind === undefined || operation.kind === kind).map((operation) => operation.id));
    },
  };
}
