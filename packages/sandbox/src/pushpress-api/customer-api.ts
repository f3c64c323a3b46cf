import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxOptionsError } from '../shared/errors.js';
import type { JsonObject } from '../shared/json.js';
import { LOOPBACK_HOSTS } from '../ghl/options.js';

/** The sandbox's own PushPress API key: a local test value, not a credential. */
export const DEFAULT_PUSHPRESS_API_KEY = 'sandbox-pushpress-key';
/** The company the stub serves by default: the simulator's. */
export const DEFAULT_PUSHPRESS_COMPANY_ID = 'client_sandbox';

export interface PushPressApiStubOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string;
  /** The `API-KEY` header every request must carry. Default `sandbox-pushpress-key`. */
  readonly apiKey?: string;
  /** The `company-id` header every request must carry. Default `client_sandbox` (the simulator's company). */
  readonly companyId?: string;
  /** Customers to start with, each shaped like the `data` of a customer.* webhook (customerData). */
  readonly customers?: readonly JsonObject[];
}

/** A running PushPress REST stub: `GET /customers/{uuid}` only, which is all the flows look up. */
export interface PushPressApiStub {
  /** Base URL (use it as `pushpress.baseUrl`), e.g. `http://127.0.0.1:41235`. */
  readonly url: string;
  /** Adds or replaces a customer (keyed by its `id`). */
  putCustomer(customer: JsonObject): void;
  /** How many lookups were answered, by status. */
  stats(): Readonly<Record<string, number>>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: JsonObject): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/**
 * A tiny stand-in for the PushPress REST API, so flows whose events carry only a customer id
 * can look the customer up (`pushpress.customers.get`) with no account. It answers 401 without
 * the right `API-KEY` / `company-id` headers, 404 for an unknown customer, 405 for anything but GET.
 */
export async function startPushPressApiStub(options: PushPressApiStubOptions = {}): Promise<PushPressApiStub> {
  const host = options.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new SandboxOptionsError(`Expected \`host\` to be a loopback address (${LOOPBACK_HOSTS.join(', ')}), got ${host}`);
  }
  const apiKey = options.apiKey ?? DEFAULT_PUSHPRESS_API_KEY;
  const companyId = options.companyId ?? DEFAULT_PUSHPRESS_COMPANY_ID;
  if (apiKey === '' || companyId === '') throw new SandboxOptionsError('Expected `apiKey` and `companyId` to be non-empty strings');
  const customers = new Map<string, JsonObject>();
  const putCustomer = (customer: JsonObject): void => {
    const id = customer['id'];
    if (typeof id !== 'string' || id === '') throw new SandboxOptionsError('Expected a customer with a non-empty string `id` (the shape of customerData)');
    customers.set(id, structuredClone(customer));
  };
  for (const customer of options.customers ?? []) putCustomer(customer);
  const counts: Record<string, number> = {};

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const answer = (status: number, body: JsonObject): void => {
      counts[String(status)] = (counts[String(status)] ?? 0) + 1;
      send(res, status, body);
    };
    req.resume();
    if (req.headers['api-key'] !== apiKey || req.headers['company-id'] !== companyId) {
      answer(401, { message: 'Unauthorized: API-KEY and company-id headers are required' });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://stub.invalid').pathname;
    const match = /^\/customers\/([^/]+)$/.exec(path);
    if (match === null) return answer(404, { message: `Cannot ${req.method ?? 'GET'} ${path}` });
    if (req.method !== 'GET') return answer(405, { message: 'Only GET is served' });
    const customer = customers.get(decodeURIComponent(match[1] ?? ''));
    if (customer === undefined) return answer(404, { message: 'Customer not found' });
    answer(200, customer);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    putCustomer,
    stats: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err === undefined ? resolve() : reject(err)));
        server.closeAllConnections();
      }),
  };
}
