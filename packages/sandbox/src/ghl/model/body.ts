import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';

/** The request body as an object. Bodies are schema-checked before handlers run; this guards the rest. */
export function bodyObject(body: JsonValue | undefined): JsonObject {
  if (body === undefined) return {};
  if (!isJsonObject(body)) throw new GhlHttpError(422, ['body must be a JSON object']);
  return body;
}

export function stringField(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export function queryString(query: Readonly<Record<string, string | string[]>>, key: string): string | undefined {
  const v = query[key];
  return Array.isArray(v) ? v[0] : v;
}

export function queryInt(query: Readonly<Record<string, string | string[]>>, key: string, fallback: number): number {
  const v = queryString(query, key);
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
