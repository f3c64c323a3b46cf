import { describe, expect, it } from 'vitest';
import { demoCommand } from '../src/commands/demo.js';
import { resolveDemoOptions } from '../src/demo/demo-options.js';
import { runDemo } from '../src/demo/run-demo.js';

function bufferIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('flowline demo', () => {
  it('plays a day through the five flows and summarizes what reached GHL, with every delivery finished and nothing rate-limited', async () => {
    const lines: string[] = [];
    const summary = await runDemo({ seed: 7, customers: 12, windowMs: 500, print: (line) => lines.push(line) });

    expect(summary.allTerminal).toBe(true);
    expect(summary.runs.failed).toBe(0);
    expect(summary.runs.failures).toEqual([]);
    expect(Object.keys(summary.runs.byFlow).sort()).toEqual(['appointment-sync', 'contact-sync', 'lead-pipeline', 'note-sync', 'task-sync']);
    // The two redeliveries are acknowledged as duplicates; the forged one is refused.
    expect(summary.deliveries.duplicates).toBe(2);
    expect(summary.deliveries.rejected).toEqual([expect.objectContaining({ status: 401, why: 'bad signature' })]);
    expect(summary.deliveries.accepted).toBe(summary.deliveries.sent - 3);
    // The one 429 and one 503 the demo asks the sandbox for are waited out and resent.
    expect(summary.ghl.rateLimited).toBe(1);
    expect(summary.rateLimitWaits).toBe(1);
    expect(summary.serverErrors).toBe(1);
    expect(summary.ghl.peakPerWindow).toBeLessThanOrEqual(summary.ghl.limitPerWindow);
    expect(summary.created.contacts).toBe(summary.contacts.length);
    expect(summary.created.contacts).toBeGreaterThan(0);
    expect(summary.created.tasks + summary.created.notes + summary.created.opportunities).toBeGreaterThan(0);
    // No contact twice.
    expect(new Set(summary.contacts.map((c) => c.email)).size).toBe(summary.contacts.length);
    // One progress line per delivery, plus a header and a line before the extra deliveries.
    expect(lines.filter((line) => /^\s+\d+\/\d+ /.test(line))).toHaveLength(summary.deliveries.sent);
  });

  it('exits 0 and prints a readable summary from the command', async () => {
    const { io, out } = bufferIo();
    const code = await demoCommand({ seed: '3', customers: '4', windowMs: '500', json: false }, io);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Deliveries: \d+ sent, \d+ accepted, 2 duplicates acknowledged without running again, 1 rejected/);
    expect(text).toMatch(/Created in GHL: \d+ contacts/);
    expect(text).toContain('Every accepted delivery finished.');
    expect(text).toContain('Retries: 1 wait after a 429 and 1 resend after a 5xx by the GHL client');
    expect(text).toMatch(/Contacts in GHL \(\d+\):/);
    expect(text).not.toContain('demo_'); // the signing secret is never printed
  });

  it('sees no 429 at all when nothing is injected: the client keeps under the limit by itself', async () => {
    const summary = await runDemo({ seed: 5, customers: 10, windowMs: 300, faults: false });
    expect(summary.allTerminal).toBe(true);
    expect(summary.runs.failed).toBe(0);
    expect(summary.ghl.rateLimited).toBe(0);
    expect(summary.rateLimitWaits + summary.serverErrors + summary.retries).toBe(0);
  });

  it('refuses bad options with a message saying what was expected', async () => {
    expect(() => resolveDemoOptions({ customers: 0 })).toThrow('Expected `customers` to be an integer from 1 to 200, got 0');
    const { io, err } = bufferIo();
    expect(await demoCommand({ seed: 'x', customers: undefined, windowMs: undefined, json: false }, io)).toBe(2);
    expect(err.join('\n')).toContain('Expected --seed to be an integer, got x');
  });
});
