import { readFileSync } from 'node:fs';
import { isJsonObject, type JsonObject } from './json-types.js';

/** Reads and caches the OpenAPI documents and resolves `$ref`s across them. */
export class OpenApiDocuments {
  readonly #cache = new Map<string, JsonObject>();

  load(url: URL): JsonObject {
    const key = url.href.replace(/#.*$/, '');
    let document = this.#cache.get(key);
    if (document === undefined) {
      const parsed: unknown = JSON.parse(readFileSync(new URL(key), 'utf8'));
      if (!isJsonObject(parsed)) throw new Error(`${key}: expected a JSON object`);
      document = parsed;
      this.#cache.set(key, document);
    }
    return document;
  }

  /** Resolves `ref` (relative to `base`) to the document URL, the JSON pointer and the node it names. */
  resolve(ref: string, base: URL): { url: URL; pointer: string; node: JsonObject } {
    const url = new URL(ref, base);
    const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
    const document = this.load(url);
    let node: unknown = document;
    for (const token of pointer.split('/').slice(1)) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isJsonObject(node) ? node[key] : undefined;
    }
    if (!isJsonObject(node)) throw new Error(`${url.href}: $ref ${ref} does not resolve to an object`);
    url.hash = '';
    return { url, pointer, node };
  }
}
