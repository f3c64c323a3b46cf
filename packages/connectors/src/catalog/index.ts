/**
 * `@flowline/connectors/catalog`: the operations a builder offers, with their schemas and samples,
 * safe in a browser: no Node built-in, nothing of the GoHighLevel client or the webhook receiver.
 * The descriptors (about 1 MB of schemas) load on first use, so a bundler puts them in a chunk of
 * their own.
 */
import { createCatalog, type Catalog, type OperationDescriptor } from '@flowline/core/design';

/**
 * The 131 operations an engine with the GoHighLevel, PushPress and http connectors offers: the engine's
 * `flowline.links.*` (3), `flowline.http.request`, the PushPress triggers (23) and customer lookup, the GoHighLevel actions (103).
 */
export async function loadCatalogOperations(): Promise<readonly OperationDescriptor[]> {
  const { catalogOperations } = await import('./catalog-operations.js');
  return catalogOperations;
}

/** The same operations as a catalog to list, describe and search, as `engine.catalog` would give them. */
export async function loadCatalog(): Promise<Catalog> {
  return createCatalog(await loadCatalogOperations());
}

export { FIELD_HINTS_KEYWORD, fieldHints, OPTION_SOURCES, type FieldHints, type FieldOptions, type OptionSource } from './field-hints.js';
