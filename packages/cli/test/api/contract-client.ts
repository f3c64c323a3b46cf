import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>; components?: { schemas?: Record<string, unknown> } };

export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/**
 * A client of the host's API that checks every answer against /api/openapi.json: the route and
 * status must be documented, and a JSON body must match the documented schema. It also counts
 * which documented operations were called, so a test can ask that all were.
 */
export class ContractClient {
  readonly called = new Set<string>();
  readonly #ajv: Ajv2020;
  readonly #routes: Array<{ method: string; template: string; pattern: RegExp }>;

  constructor(readonly baseUrl: string, readonly doc: Doc) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.#ajv);
    this.#ajv.addSchema({ $id: 'doc', components: doc.components ?? {} });
    this.#routes = Object.entries(doc.paths).flatMap(([template, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) })),
    );
  }

  static async open(baseUrl: string): Promise<ContractClient> {
    const response = await fetch(`${baseUrl}/api/openapi.json`);
    return new ContractClient(baseUrl, (await response.json()) as Doc);
  }

  /** All documented operations, as `METHOD template`. */
  operations(): string[] {
    return this.#routes.map((route) => `${route.method} ${route.template}`);
  }

  async call<T = any>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }) });
    const text = await response.text();
    const body = text === '' ? undefined : (JSON.parse(text) as T);
    this.#check(method, path, response.status, body);
    return { status: response.status, body: body as T, headers: response.headers };
  }

  #check(method: string, path: string, status: number, body: unknown): void {
    const route = this.#routes.find((candidate) => candidate.method === method && candidate.pattern.test(path.split('?')[0] ?? ''));
    if (!route) {
      // Only an unknown route's 404 may be undocumented.
      if (status !== 404) throw new Error(`${method} ${path} answered ${status} but is not in the OpenAPI document`);
      return;
    }
    this.called.add(`${route.method} ${route.template}`);
    const answer = this.doc.paths[route.template]?.[method.toLowerCase()]?.responses[String(status)];
    if (!answer) throw new Error(`${method} ${route.template} answered ${status}, which its OpenAPI entry does not list`);
    const schema = answer.content?.['application/json']?.schema;
    if (schema === undefined) return;
    const validate = this.#ajv.compile(rebase(schema) as object);
    if (!validate(body)) throw new Error(`${method} ${path} ${status}: the answer does not match its OpenAPI schema: ${this.#ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}

/** Points `#/components/...` references of a schema taken out of the document back into it. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `doc${value}` : rebase(value)]));
}
