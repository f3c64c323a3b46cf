import { describe, expect, it } from 'vitest';
import { sandboxCommand } from '../src/commands/sandbox.js';

describe('flowline sandbox: the PushPress API stub', () => {
  it('starts the PushPress API stub beside the GHL sandbox and prints its URL, key and company', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await sandboxCommand({ action: undefined, port: '0', url: undefined }, io, { wait: false })).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/PushPress API stub listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('API-KEY: sandbox-pushpress-key, company-id: client_sandbox');
  });
});
