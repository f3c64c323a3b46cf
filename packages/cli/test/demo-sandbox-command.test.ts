import { describe, expect, it } from 'vitest';
import { startGhlSandbox } from '@flowline/sandbox';
import { sandboxCommand } from '../src/commands/sandbox.js';

function bufferIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('flowline sandbox', () => {
  it('starts the GHL sandbox and prints its URL, token, location and admin endpoints', async () => {
    const { io, out } = bufferIo();
    expect(await sandboxCommand({ action: undefined, port: '0', url: undefined }, io, { wait: false })).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/GHL sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('private integration token: sandbox-token');
    expect(text).toContain('location id: loc_sandbox_1');
    expect(text).toContain('/__sandbox/state');
  });

  it('dumps the state of a running sandbox', async () => {
    const sandbox = await startGhlSandbox();
    try {
      const { io, out } = bufferIo();
      expect(await sandboxCommand({ action: 'dump', port: undefined, url: sandbox.url }, io)).toBe(0);
      const state = JSON.parse(out.join('\n')) as { locations: Array<{ id: string }> };
      expect(state.locations.map((l) => l.id)).toEqual(['loc_sandbox_1']);
    } finally {
      await sandbox.close();
    }
  });

  it('says where it looked when no sandbox answers, and refuses a bad port', async () => {
    const { io, err } = bufferIo();
    expect(await sandboxCommand({ action: 'dump', port: undefined, url: 'http://127.0.0.1:1' }, io)).toBe(1);
    expect(err.join('\n')).toContain('no sandbox answered at http://127.0.0.1:1');
    expect(await sandboxCommand({ action: undefined, port: '99999', url: undefined }, io)).toBe(2);
    expect(err.join('\n')).toContain('Expected --port to be from 0 to 65535, got 99999');
  });
});
