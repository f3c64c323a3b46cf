import { expect } from 'vitest';
import { ResponseContract, type GhlSandbox } from '../../src/index.js';

/** GHL's response contract (its OpenAPI documents), read once per test file. */
export const contract = ResponseContract.load();

export interface CallOptions {
  readonly body?: unknown;
  readonly token?: string | null;
  readonly version?: string | null;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  // Test code reads arbitrary members of answers.
  readonly body: Record<string, unknown> & { [key: string]: unknown };
}

const CALENDAR_VERSION = '2021-04-15';
const DEFAULT_VERSION = '2021-07-28';

/**
 * One HTTP call to the sandbox with the headers the GHL connector sends. Whatever it answers,
 * success or error, must keep GHL's response contract.
 */
export async function call(sandbox: GhlSandbox, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? 'sandbox-token' : options.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const version = options.version === undefined ? (path.startsWith('/calendars') ? CALENDAR_VERSION : DEFAULT_VERSION) : options.version;
  if (version !== null) headers['version'] = version;
  const form = options.body instanceof FormData ? options.body : undefined;
  // fetch sets the multipart Content-Type (with its boundary) for a FormData body.
  if (options.body !== undefined && form === undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: form ?? JSON.stringify(options.body) }),
  });
  const text = await res.text();
  const body = text === '' ? {} : (JSON.parse(text) as CallResult['body']);
  expect(contract.checkAnswer(method, path, res.status, body as never), `${method} ${path} → ${res.status} ${text}`).toEqual([]);
  return { status: res.status, headers: res.headers, body };
}

export const LOC = 'loc_sandbox_1';

/** Reads a nested member of an answer body in tests without casts at every step. */
export function get<T = unknown>(value: unknown, ...path: (string | number)[]): T {
  let v: unknown = value;
  for (const key of path) v = (v as Record<string | number, unknown> | undefined)?.[key];
  return v as T;
}
