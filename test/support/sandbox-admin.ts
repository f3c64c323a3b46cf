import type { Fault, FaultSpec, RequestLogEntry, SandboxDump } from '../../packages/sandbox/src/index.js';

/**
 * A client for the GHL sandbox's admin API (`/__sandbox`), for a sandbox running in another
 * process. Every call fails loudly with the status and body when the sandbox says no.
 */
export class SandboxAdmin {
  readonly adminUrl: string;

  constructor(ghlUrl: string) {
    if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost):\d+$/.test(ghlUrl)) throw new TypeError(`Expected a loopback sandbox URL like http://127.0.0.1:4010, got ${ghlUrl}`);
    this.adminUrl = `${ghlUrl}/__sandbox`;
  }

  async state(): Promise<SandboxDump> {
    return (await this.call('GET', '/state')) as SandboxDump;
  }

  async requests(): Promise<RequestLogEntry[]> {
    return ((await this.call('GET', '/requests')) as { requests: RequestLogEntry[] }).requests;
  }

  async faults(): Promise<Fault[]> {
    return ((await this.call('GET', '/faults')) as { faults: Fault[] }).faults;
  }

  async addFault(spec: FaultSpec): Promise<Fault> {
    return ((await this.call('POST', '/faults', spec)) as { fault: Fault }).fault;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.adminUrl}${path}`, {
      method,
      signal: AbortSignal.timeout(10_000),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Sandbox admin ${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as unknown;
  }
}
