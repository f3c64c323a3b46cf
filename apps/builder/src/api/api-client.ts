import type { DefinitionJson } from '../state/definition.js';
import type { Problem } from '../problems/problem-fields.js';
import type { BuilderSettings } from './settings.js';

/** An answer of the API that was not 2xx: its error code, message, pointer and hint. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly pointer?: string,
    readonly hint?: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
  }
}

export interface StepRecordJson {
  readonly path: string;
  readonly stepId: string;
  readonly kind: string;
  readonly status: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly request?: unknown;
  readonly error?: { readonly message?: string; readonly code?: string; readonly [key: string]: unknown };
  readonly reason?: string;
  readonly test?: { readonly mocked?: boolean; readonly branch?: string | number };
}

export interface RunJson {
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion?: number | string;
  readonly status: string;
  readonly queuedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: { readonly message?: string; readonly [key: string]: unknown };
  readonly steps?: readonly StepRecordJson[];
}

export interface VersionJson {
  readonly workflowId: string;
  readonly version: number;
  readonly state: 'draft' | 'published' | 'retired';
  readonly savedAt: string;
  readonly publishedAt?: string;
  readonly definition?: DefinitionJson;
}

export interface OptionJson {
  readonly value: string;
  readonly label: string;
}

/** The host's HTTP API for one tenant, with its token. */
export class ApiClient {
  constructor(readonly settings: BuilderSettings) {}

  private url(path: string): string {
    return `${this.settings.api}/api/tenants/${encodeURIComponent(this.settings.tenant)}${path}`;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.url(path), {
      method,
      headers: { authorization: `Bearer ${this.settings.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string; pointer?: string; hint?: string; problems?: Problem[] } } | undefined)?.error;
      throw new ApiRequestError(response.status, error?.code ?? 'api.error', error?.message ?? `${method} ${path} answered ${response.status}`, error?.pointer, error?.hint, error?.problems);
    }
    return json as T;
  }

  validate(definition: DefinitionJson) {
    return this.request<{ valid: boolean; problems: Problem[] }>('POST', '/validate', { definition });
  }

  publish(definition: DefinitionJson) {
    return this.request<DefinitionJson>('POST', '/workflows', { definition });
  }

  async versions(workflowId: string): Promise<VersionJson[]> {
    try {
      return (await this.request<{ versions: VersionJson[] }>('GET', `/workflows/${encodeURIComponent(workflowId)}/versions`)).versions;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) return [];
      throw error;
    }
  }

  async workflows(): Promise<DefinitionJson[]> {
    return (await this.request<{ workflows: DefinitionJson[] }>('GET', '/workflows')).workflows;
  }

  testRun(body: { definition: DefinitionJson; event?: unknown; mocks?: Record<string, unknown>; branches?: Record<string, string | number> }) {
    return this.request<RunJson>('POST', '/test-runs', body);
  }

  testStep(body: { operation: string; connection: string; input: unknown }) {
    return this.request<{ operation: string; status: 'succeeded' | 'failed'; output?: unknown; error?: Record<string, unknown>; durationMs: number }>('POST', '/test-step', body);
  }

  preview(body: { mapping: unknown; trigger?: string; pointer?: string; templates?: unknown }) {
    return this.request<{ value?: unknown; error?: Record<string, unknown>; fields: unknown[] }>('POST', '/preview', body);
  }

  async options(source: string, params: Record<string, string> = {}): Promise<OptionJson[]> {
    const query = new URLSearchParams(params).toString();
    return (await this.request<{ options: OptionJson[] }>('GET', `/options/${encodeURIComponent(source)}${query ? `?${query}` : ''}`)).options;
  }

  runs(query: { workflowId?: string; status?: string; limit?: number }) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
    return this.request<{ runs: RunJson[]; next?: string }>('GET', `/runs?${params.toString()}`);
  }

  run(runId: string) {
    return this.request<RunJson>('GET', `/runs/${encodeURIComponent(runId)}`);
  }

  retry(runId: string) {
    return this.request<{ runs: RunJson[] }>('POST', `/runs/${encodeURIComponent(runId)}/retry`);
  }

  /** The tenant's live run events (EventSource cannot send a header: the token goes as `access_token`). */
  events(): EventSource {
    return new EventSource(this.url(`/events?access_token=${encodeURIComponent(this.settings.token)}`));
  }
}
