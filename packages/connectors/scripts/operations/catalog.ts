import { readFileSync } from 'node:fs';

/** One row of reference/catalog.tsv. */
export interface CatalogRow {
  readonly kind: 'trigger' | 'action';
  /** `pushpress`, or `ghl.<module>` for GoHighLevel. */
  readonly connector: string;
  /** The PushPress event name, or the OpenAPI operationId. */
  readonly sourceId: string;
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[];
  readonly summary: string;
  /** Path of the document that holds the schema, relative to the reference folder. */
  readonly spec: string;
}

const COLUMNS = ['kind', 'connector', 'source_id', 'method', 'path', 'scopes', 'summary', 'spec'] as const;

/** Reads catalog.tsv; throws with the line number when a row does not have the expected shape. */
export function readCatalog(file: URL): CatalogRow[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const header = lines[0]?.split('\t') ?? [];
  if (header.join(',') !== COLUMNS.join(',')) {
    throw new Error(`${file.pathname}: expected the header ${COLUMNS.join('\\t')}, got ${header.join('\\t')}`);
  }
  return lines.slice(1).map((line, index) => {
    const cells = line.split('\t');
    const [kind, connector, sourceId, method, path, scopes, summary, spec] = cells;
    if (cells.length !== COLUMNS.length || kind === undefined || connector === undefined || sourceId === undefined
      || method === undefined || path === undefined || scopes === undefined || summary === undefined || spec === undefined) {
      throw new Error(`${file.pathname}:${index + 2}: expected ${COLUMNS.length} tab-separated cells, got ${cells.length}`);
    }
    if (kind !== 'trigger' && kind !== 'action') {
      throw new Error(`${file.pathname}:${index + 2}: kind must be trigger or action, got ${kind}`);
    }
    return {
      kind,
      connector,
      sourceId,
      method,
      path,
      scopes: scopes === '-' ? [] : scopes.split(/[ ,]+/).filter((scope) => scope !== ''),
      summary,
      spec,
    };
  });
}
