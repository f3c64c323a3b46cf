import { clone, isJsonObject, type Json, type JsonObject } from './json-types.js';
import { SchemaFit } from './schema-fit.js';

export interface SynthesizeOptions {
  /** The root schema (its `definitions` resolve `#/definitions/...` refs). */
  readonly root: JsonObject;
  /**
   * `minimal`: required properties, plus optional ones that have a documented example or a hint
   * (a request someone would send). `full`: every property, to show the whole shape (responses, payloads).
   */
  readonly mode: 'minimal' | 'full';
  /** A realistic value for a property name, tried before the document's examples. */
  readonly hint: (name: string | undefined) => Json | undefined;
}

const MAX_DEPTH = 8;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A stable 20-character id shaped like GoHighLevel's, derived from a name. */
export function stableId(seed: string): string {
  let hash = 2166136261;
  let out = '';
  for (let i = 0; out.length < 20; i += 1) {
    hash ^= seed.charCodeAt(i % Math.max(seed.length, 1)) + i;
    hash = Math.imul(hash, 16777619) >>> 0;
    out += ALPHABET[hash % ALPHABET.length];
  }
  return out;
}

/** Builds a sample value that validates against a JSON Schema, preferring hints and documented examples. */
export class SampleSynthesizer {
  readonly #options: SynthesizeOptions;
  readonly #fit: SchemaFit;

  constructor(options: SynthesizeOptions) {
    this.#options = options;
    this.#fit = new SchemaFit(options.root);
  }

  sample(): Json {
    return this.#value(this.#options.root, undefined, 0) ?? {};
  }

  #resolve(schema: JsonObject): JsonObject {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    const name = ref.replace('#/definitions/', '');
    const definitions = this.#options.root['definitions'];
    const target = isJsonObject(definitions) ? definitions[name] : undefined;
    if (!isJsonObject(target)) throw new Error(`unresolvable $ref ${ref}`);
    return this.#resolve(target);
  }

  /** A hint or documented example that validates, if there is one. */
  #known(schema: JsonObject, name: string | undefined): Json | undefined {
    const hint = this.#options.hint(name);
    if (hint !== undefined && this.#fit.fits(hint, schema)) return clone(hint);
    for (const candidate of [schema, this.#resolve(schema)]) {
      const examples = candidate['examples'];
      if (Array.isArray(examples)) {
        for (const example of examples) if (this.#fit.fits(example, schema)) return clone(example);
      }
    }
    for (const branch of branches(schema)) {
      const known = this.#known(branch, name);
      if (known !== undefined && this.#fit.fits(known, schema)) return known;
    }
    return undefined;
  }

  #value(raw: JsonObject, name: string | undefined, depth: number): Json | undefined {
    const schema = this.#resolve(raw);
    if (schema['const'] !== undefined) return clone(schema['const']);
    const known = schema['type'] === 'object' || schema['allOf'] !== undefined ? undefined : this.#known(raw, name);
    if (known !== undefined) return known;
    const fallback = schema['default'];
    if (fallback !== undefined && this.#fit.fits(fallback, raw)) return clone(fallback);
    const enumeration = schema['enum'];
    if (Array.isArray(enumeration)) return clone(enumeration.find((value) => value !== null) ?? null);
    const allOf = schema['allOf'];
    if (Array.isArray(allOf)) return this.#merge(allOf.filter(isJsonObject), name, depth);
    const options = branches(schema).filter((branch) => this.#resolve(branch)['type'] !== 'null');
    const first = options[0];
    if (first !== undefined) {
      for (const option of options) {
        const value = this.#value(option, name, depth);
        if (value !== undefined && this.#fit.fits(value, raw)) return value;
      }
      return this.#value(first, name, depth);
    }
    switch (schema['type']) {
      case 'object':
        return this.#object(schema, depth);
      case 'array': {
        if (depth >= MAX_DEPTH) return [];
        const items = isJsonObject(schema['items']) ? schema['items'] : {};
        const count = typeof schema['minItems'] === 'number' ? Math.max(1, schema['minItems']) : 1;
        const item = this.#value(items, singular(name), depth + 1);
        return item === undefined ? [] : Array.from({ length: count }, () => clone(item));
      }
      case 'string':
        return stringFor(schema, name);
      case 'number':
      case 'integer':
        return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
      case 'boolean':
        return false;
      case 'null':
        return null;
      default:
        return name === undefined ? {} : stringFor(schema, name);
    }
  }

  #object(schema: JsonObject, depth: number): JsonObject {
    const out: JsonObject = {};
    const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
    const required = Array.isArray(schema['required']) ? schema['required'] : [];
    for (const [name, property] of Object.entries(properties)) {
      if (!isJsonObject(property)) continue;
      const isRequired = required.includes(name);
      if (!isRequired) {
        if (depth >= MAX_DEPTH || this.#resolve(property)['deprecated'] === true) continue;
        if (this.#options.mode === 'minimal') {
          const known = this.#known(property, name);
          if (known !== undefined) out[name] = known;
          continue;
        }
      }
      const value = this.#value(property, name, depth + 1);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  #merge(parts: JsonObject[], name: string | undefined, depth: number): Json | undefined {
    let merged: Json | undefined;
    for (const part of parts) {
      const value = this.#value(part, name, depth);
      merged = isJsonObject(merged) && isJsonObject(value) ? { ...merged, ...value } : value;
    }
    return merged;
  }
}

function branches(schema: JsonObject): JsonObject[] {
  const list = schema['anyOf'] ?? schema['oneOf'];
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
}

function singular(name: string | undefined): string | undefined {
  return name?.replace(/ies$/, 'y').replace(/s$/, '');
}

function stringFor(schema: JsonObject, name: string | undefined): string {
  switch (schema['format']) {
    case 'date-time':
      return '2025-11-26T15:30:00.000Z';
    case 'date':
      return '2025-11-26';
    case 'email':
      return 'maya.lopez@example.com';
    case 'uri':
      return 'https://ironpeakfitness.com';
    default:
      break;
  }
  const key = name ?? 'value';
  if (/(^id$|Id$|_id$)/.test(key)) return stableId(key);
  if (/(Date|At|Time)$|^date/.test(key)) return '2025-11-26T15:30:00.000Z';
  return `Sample ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}
