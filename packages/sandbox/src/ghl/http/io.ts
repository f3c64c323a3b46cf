import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonValue } from '../../shared/json.js';
import { GhlHttpError } from './ghl-http-error.js';

const MAX_BODY_BYTES = 1_048_576;

export async function readRawBody(req: IncomingMessage): Promise<string> {
  return (await readRawBytes(req)).toString('utf8');
}

/** The bearer token of the Authorization header, if it has one. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** The request body as bytes (a multipart upload is not text), at most 1 MiB. */
export async function readRawBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new GhlHttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; an empty body is `undefined`; malformed JSON is GHL's 400. */
export function parseJsonBody(raw: string): JsonValue | undefined {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as JsonValue;
  } catch (cause) {
    throw new GhlHttpError(400, `Unexpected token in JSON body: ${(cause as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: JsonValue, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Query parameters: a repeated key becomes a list, as NestJS parses them. */
export function parseQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
