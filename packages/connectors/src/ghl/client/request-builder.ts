import { ActionError } from '@flowline/core';
import type { RequestEncoding } from './request-encoding.js';

/** The `{ path?, query?, body? }` object every GHL action takes (already validated). */
export interface OperationInput {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

export interface BuildRequestOptions {
  readonly baseUrl: string;
  readonly method: string;
  /** e.g. `/contacts/{contactId}` */
  readonly pathTemplate: string;
  readonly version: string | undefined;
  readonly input: OperationInput;
  readonly encoding: RequestEncoding;
}

/** A request without its credentials: the client adds `Authorization` per attempt. */
export interface BuiltRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A fresh body per attempt (FormData and strings can both be re-sent). */
  readonly body: string | FormData | undefined;
}

function scalar(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new ActionError('validation', `Expected a string, number or boolean at ${where}, got ${value === null ? 'null' : typeof value}`, {
    pointer: where,
  });
}

function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Fills `{name}` path parameters, each URL-encoded as one path segment. */
export function fillPath(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const where = `/path/${pointerSegment(name)}`;
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new ActionError('validation', `Missing path parameter "${name}" for ${template}`, {
        pointer: where,
        hint: `Set input.path.${name}.`,
      });
    }
    return encodeURIComponent(scalar(value, where));
  });
}

const DELIMITERS: Readonly<Record<string, string>> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

/**
 * Serializes query parameters as OpenAPI 3.0 says for `in: query`: the default (`form`,
 * exploded) repeats the key for arrays and spreads objects; other styles come from `encoding`.
 */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined, encoding: RequestEncoding): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const where = `/query/${pointerSegment(name)}`;
    const style = encoding.query?.[name] ?? { style: 'form', explode: true };
    if (Array.isArray(value)) {
      const items = value.map((item, i) => scalar(item, `${where}/${i}`));
      if (style.explode) for (const item of items) params.append(name, item);
      else params.append(name, items.join(DELIMITERS[style.style] ?? ','));
    } else if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
      if (style.style === 'deepObject') {
        for (const [key, v] of entries) params.append(`${name}[${key}]`, scalar(v, `${where}/${pointerSegment(key)}`));
      } else if (style.explode) {
        for (const [key, v] of entries) params.append(key, scalar(v, `${where}/${pointerSegment(key)}`));
      } else {
        params.append(name, entries.flatMap(([key, v]) => [key, scalar(v, `${where}/${pointerSegment(key)}`)]).join(','));
      }
    } else {
      params.append(name, scalar(value, where));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function multipartBody(body: unknown): FormData {
  const form = new FormData();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ActionError('validation', 'Expected input.body to be an object of form fields', { pointer: '/body' });
  }
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) form.append(name, value);
    else if (Array.isArray(value)) for (const item of value) form.append(name, item instanceof Blob ? item : scalar(item, `/body/${name}`));
    else form.append(name, typeof value === 'object' ? JSON.stringify(value) : scalar(value, `/body/${pointerSegment(name)}`));
  }
  return form;
}

/** `application/x-www-form-urlencoded`: one field per member (GHL's OAuth endpoints take flat string fields). */
function formBody(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ActionError('validation', 'Expected input.body to be an object of form fields', { pointer: '/body' });
  }
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (value !== undefined && value !== null) form.append(name, scalar(value, `/body/${pointerSegment(name)}`));
  }
  return form.toString();
}

/** Builds the URL, headers and body of one GHL call from its descriptor and validated input. */
export function buildRequest(options: BuildRequestOptions): BuiltRequest {
  const { baseUrl, method, pathTemplate, version, input, encoding } = options;
  const url = `${baseUrl.replace(/\/+$/, '')}${fillPath(pathTemplate, input.path)}${serializeQuery(input.query, encoding)}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (version !== undefined) headers['Version'] = version;
  let body: string | FormData | undefined;
  if (input.body !== undefined) {
    if (encoding.bodyMediaType === 'multipart/form-data') {
      body = multipartBody(input.body); // fetch sets the multipart boundary itself
    } else if (encoding.bodyMediaType === 'application/x-www-form-urlencoded') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = formBody(input.body);
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
  }
  return { method: method.toUpperCase(), url, headers, body };
}
