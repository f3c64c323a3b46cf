import { describe, expect, it } from 'vitest';
import { runSandbox } from '../src/index.js';

describe('runSandbox', () => {
  it('starts the sandbox and prints its URL, token and admin endpoints', async () => {
    const lines: string[] = [];
    const sandbox = await runSandbox({ print: (l) => lines.push(l) });
    try {
      expect(lines[0]).toBe(`GHL sandbox listening on ${sandbox.url}`);
      expect(lines.join('\n')).toContain('private integration token: sandbox-token (location loc_sandbox_1)');
      expect(lines.join('\n')).toContain(`${sandbox.url}/__sandbox`);
      const res = await fetch(`${sandbox.adminUrl}/state`);
      expect(res.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
