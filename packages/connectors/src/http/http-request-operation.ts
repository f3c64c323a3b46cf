import type { OperationDescriptor } from '@flowline/core/design';

/** The connector name of `flowline.http.request`: a workflow's connection for it says `"connector": "http"`. */
export const HTTP_CONNECTOR = 'http';

/** Answers larger than this are refused unless the step asks for more (at most `MAX_RESPONSE_BYTES_LIMIT`). */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const MAX_RESPONSE_BYTES_LIMIT = 10 * 1024 * 1024;
/** Redirects followed by default, and at most. */
export const MAX_REDIRECTS = 5;
export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;
export const MAX_HTTP_TIMEOUT_MS = 120_000;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** What the step's input mapping produces (the operation's `input` schema says the same). */
export interface HttpRequestInput {
  readonly method?: HttpMethod;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number | boolean>>>;
  readonly body?: unknown;
  readonly bodyType?: 'json' | 'text';
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
  readonly maxRedirects?: number;
  readonly failOnHttpError?: boolean;
}

export interface HttpResponseOutput {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

const scalar = { type: ['string', 'number', 'boolean'] } as const;

/**
 * `flowline.http.request`: one HTTP request to any public address, with auth from a named `http`
 * connection (its secrets never in the workflow). Browser-safe: only the descriptor.
 */
export const HTTP_REQUEST_OPERATION: OperationDescriptor = {
  id: 'flowline.http.request',
  kind: 'action',
  connector: HTTP_CONNECTOR,
  title: 'Send an HTTP request',
  description:
    'Calls any public HTTP(S) address (a Slack or email webhook, an API): method, URL, headers, query, a JSON or text body. Auth comes from the step\'s http connection (bearer, basic or an API-key header). Private, loopback and link-local addresses are refused unless the host allows them. Answers { status, headers, body }; a JSON answer is parsed.',
  input: {
    type: 'object',
    additionalProperties: false,
    required: ['url'],
    properties: {
      method: { type: 'string', enum: [...HTTP_METHODS], default: 'GET', title: 'Method' },
      url: {
        type: 'string',
        minLength: 1,
        maxLength: 8192,
        title: 'URL',
        description: 'An absolute http(s) URL, or a path relative to the connection\'s baseUrl.',
        'x-flowline': { order: 0, widget: 'url' },
      },
      headers: { type: 'object', title: 'Headers', additionalProperties: { type: 'string', maxLength: 8192 }, description: 'Auth headers come from the connection, not from here.' },
      query: { type: 'object', title: 'Query parameters', additionalProperties: { anyOf: [scalar, { type: 'array', items: scalar }] } },
      body: { title: 'Body', description: 'An object or array is sent as JSON; a string as text (bodyType says otherwise).' },
      bodyType: { type: 'string', enum: ['json', 'text'], title: 'Body type' },
      timeoutMs: { type: 'integer', minimum: 1, maximum: MAX_HTTP_TIMEOUT_MS, default: DEFAULT_HTTP_TIMEOUT_MS, title: 'Timeout (ms)' },
      maxResponseBytes: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_RESPONSE_BYTES_LIMIT,
        default: DEFAULT_MAX_RESPONSE_BYTES,
        title: 'Largest answer (bytes)',
      },
      maxRedirects: { type: 'integer', minimum: 0, maximum: MAX_REDIRECTS, default: MAX_REDIRECTS, title: 'Redirects to follow' },
      failOnHttpError: {
        type: 'boolean',
        default: true,
        title: 'Fail on an error status',
        description: 'When false, every answer (4xx and 5xx too) is the step\'s output and nothing is retried.',
      },
    },
  },
  output: {
    type: 'object',
    required: ['status', 'headers', 'body'],
    properties: {
      status: { type: 'integer', title: 'Status' },
      headers: { type: 'object', title: 'Headers', additionalProperties: { type: 'string' } },
      body: { title: 'Body', description: 'Parsed JSON when the answer is JSON, else text; null when empty.' },
    },
  },
  sample: { method: 'POST', url: 'https://hooks.example.com/services/T000/B000', body: { text: 'Check-in failed for Jane Doe' } },
  sampleOutput: { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true } },
  extra: true,
};
