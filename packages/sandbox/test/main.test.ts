import { createPushPressClient } from '@flowline/connectors';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PUSHPRESS_API_KEY, DEFAULT_PUSHPRESS_COMPANY_ID, LEAD_TO_MEMBER, runSandbox, scenarioCustomers } from '../src/index.js';

describe('runSandbox', () => {
  it('starts the sandbox and prints its URL, token and admin endpoints', async () => {
    const lines: string[] = [];
    const { ghl, close } = await runSandbox({ print: (l) => lines.push(l) });
    try {
      expect(lines[0]).toBe(`GHL sandbox listening on ${ghl.url}`);
      expect(lines.join('\n')).toContain('private integration token: sandbox-token (location loc_sandbox_1)');
      expect(lines.join('\n')).toContain(`${ghl.url}/__sandbox`);
      const res = await fetch(`${ghl.adminUrl}/state`);
      expect(res.status).toBe(200);
    } finally {
      await close();
    }
  });

  it('starts the PushPress API stub too, prints its URL, key and company, and serves the lead-to-member customers', async () => {
    const lines: string[] = [];
    const { pushpress, close } = await runSandbox({ print: (l) => lines.push(l) });
    try {
      const text = lines.join('\n');
      expect(text).toContain(`PushPress API stub listening on ${pushpress.url}`);
      expect(text).toContain(`API-KEY: ${DEFAULT_PUSHPRESS_API_KEY}, company-id: ${DEFAULT_PUSHPRESS_COMPANY_ID}`);
      const [first] = scenarioCustomers(LEAD_TO_MEMBER);
      const client = createPushPressClient({ apiKey: DEFAULT_PUSHPRESS_API_KEY, companyId: DEFAULT_PUSHPRESS_COMPANY_ID, baseUrl: pushpress.url });
      expect(await client.getCustomer(String(first?.['id']))).toMatchObject({ id: first?.['id'] });
    } finally {
      await close();
    }
  });

  it('puts the stub on the next port after the GHL port, where examples/flowline.config.json looks (4010, 4011)', async () => {
    // A free port whose next one is free too: another test's connection may hold the next one, so look again then.
    let started: Awaited<ReturnType<typeof runSandbox>> | undefined;
    let port = 0;
    for (let tries = 0; started === undefined; tries++) {
      const probe = await runSandbox({ print: () => undefined });
      port = probe.ghl.port;
      await probe.close();
      try {
        started = await runSandbox({ port, print: () => undefined });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EADDRINUSE' || tries === 9) throw error;
      }
    }
    const { ghl, pushpress, close } = started;
    try {
      expect(ghl.port).toBe(port);
      expect(pushpress.url).toBe(`http://127.0.0.1:${port + 1}`);
    } finally {
      await close();
    }
  });
});
