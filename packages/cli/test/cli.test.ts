import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_USAGE } from '../src/commands/usage.js';
import { main } from '../src/main.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('flowline validate', () => {
  it('exits 0 for a valid workflow', async () => {
    expect(await cli('validate', fixture('new-lead.workflow.json'))).toMatchObject({ code: 0, out: expect.stringContaining('valid') });
  });

  it('exits 1 and prints every problem with its pointer and suggestion', async () => {
    const result = await cli('validate', fixture('broken.workflow.json'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('/trigger/operation: There is no trigger "pushpress.customer.create"');
    expect(result.out).toContain('Did you mean "pushpress.customer.created"');
    expect(result.out).toContain('/steps/0/operation: There is no operation "ghl.contacts.upsert-contct"');
    expect(result.out).toContain('/steps/0/input/body: JSONata syntax error');
  });

  it('prints problems as JSON with --json', async () => {
    const result = await cli('validate', '--json', fixture('broken.workflow.json'), fixture('new-lead.workflow.json'));
    const parsed = JSON.parse(result.out) as Array<{ valid: boolean; problems: Array<{ pointer: string }> }>;
    expect(parsed.map((entry) => entry.valid)).toEqual([false, true]);
    expect(parsed[0]?.problems.map((problem) => problem.pointer)).toEqual(['/trigger/operation', '/steps/0/operation', '/steps/0/input/body']);
  });

  it('reports a file that is not JSON or does not exist', async () => {
    const result = await cli('validate', fixture('lead.event.json').replace('lead.event', 'missing'), fixture('../cli.test.ts'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('does not exist');
    expect(result.out).toContain('is not valid JSON');
  });
});

describe('flowline run', () => {
  it('dry-runs a workflow against an event, printing steps and the request it would send', async () => {
    const result = await cli('run', fixture('new-lead.workflow.json'), '--event', fixture('lead.event.json'), '--dry-run', '--config', fixture('lead.config.json'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('> upsert (action)');
    expect(result.out).toContain('would send upsert');
    expect(result.out).toContain('"email":"maya.lopez@example.com"');
    expect(result.out).toContain('"phone":"+15125550143"');
  });

  it('fails a dry run where the live run would: a required field its mapping leaves empty ($config without locationId)', async () => {
    const result = await cli('run', fixture('new-lead.workflow.json'), '--event', fixture('lead.event.json'), '--dry-run');
    expect(result.code).toBe(1);
    expect(result.out).toContain('/body/locationId is required');
    expect(result.out).toContain('nothing was sent to GHL');
  });

  it('prints the run record as JSON with --json', async () => {
    const result = await cli('run', fixture('new-lead.workflow.json'), '--event', fixture('lead.event.json'), '--dry-run', '--json', '--config', fixture('lead.config.json'));
    const run = JSON.parse(result.out) as { status: string; steps: Array<{ request: { method: string; path: string } }> };
    expect(run.status).toBe('succeeded');
    expect(run.steps[0]?.request).toMatchObject({ method: 'POST', path: '/contacts/upsert' });
  });

  it('refuses a live run whose connection is not configured', async () => {
    const result = await cli('run', fixture('new-lead.workflow.json'), '--event', fixture('lead.event.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('/steps/0/connection: No connection named "ghl" is configured');
  });

  it('shows usage when arguments are missing', async () => {
    expect((await cli('run')).code).toBe(2);
  });

  it("honours the workflow's trigger.filter: an event it filters out runs nothing, and it says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-run-'));
    try {
      const event = JSON.parse(readFileSync(fixture('lead.event.json'), 'utf8')) as { data: Record<string, unknown> };
      const memberEvent = join(dir, 'member.event.json');
      writeFileSync(memberEvent, JSON.stringify({ ...event, data: { ...event.data, role: 'member' } }));

      const result = await cli('run', fixture('new-lead.workflow.json'), '--event', memberEvent, '--dry-run');
      expect(result).toMatchObject({ code: 0, out: expect.stringContaining("filtered out: the event does not pass /trigger/filter ($event.data.role = 'lead')") });
      expect(result.out).not.toContain('would send');

      const json = await cli('run', fixture('new-lead.workflow.json'), '--event', memberEvent, '--dry-run', '--json');
      expect(JSON.parse(json.out)).toEqual({ status: 'filtered', workflowId: 'new-lead', filter: "$event.data.role = 'lead'" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flowline <command> --help', () => {
  it.each(['validate', 'run', 'catalog', 'serve', 'runs', 'demo', 'sandbox'])('prints the usage of %s and exits 0, with -h too', async (command) => {
    for (const flag of ['--help', '-h']) {
      const result = await cli(command, flag);
      expect(result, `${command} ${flag}`).toMatchObject({ code: 0, out: expect.stringContaining(`flowline ${command}`), err: '' });
    }
  });

  it('has a usage for every command the main usage lists, and flowline help <command> prints it', async () => {
    const commands = new Set([...(await cli('--help')).out.matchAll(/^ {2}flowline (\w+)/gm)].map((match) => match[1]));
    expect([...commands].sort()).toEqual(Object.keys(COMMAND_USAGE).sort());
    expect((await cli('help', 'runs')).out).toBe(COMMAND_USAGE['runs']);
  });
});

describe('flowline catalog', () => {
  it("lists the 25 triggers: PushPress's 23 and the engine's own (manual, schedule)", async () => {
    const result = await cli('catalog', '--kind', 'trigger', '--json');
    const triggers = JSON.parse(result.out) as Array<{ id: string }>;
    expect(triggers.length).toBe(25);
    expect(triggers.map((trigger) => trigger.id)).toEqual(expect.arrayContaining(['flowline.manual', 'flowline.schedule']));
  });

  it('describes one operation', async () => {
    const result = await cli('catalog', 'ghl.contacts.create-task');
    expect(result.out).toContain('POST /contacts/{contactId}/tasks');
    expect(result.out).toContain('scopes: contacts.write');
  });

  it("lists an operation's input fields with type and whether each is required", async () => {
    const result = await cli('catalog', 'ghl.contacts.create-task');
    expect(result.out).toContain('input fields:');
    expect(result.out).toMatch(/body\.title\s+string\s+required/);
    expect(result.out).toMatch(/body\.assignedTo\s+string\s+Assigned to\. Options: ghl\.users\.\n/);
  });

  it("lists a trigger's payload fields, and prints descriptions without HTML", async () => {
    expect((await cli('catalog', 'pushpress.customer.created')).out).toMatch(/payload fields:[\s\S]*data\.email\s+string\s+required/);
    expect((await cli('catalog', 'ghl.contacts.upsert-contact')).out).not.toMatch(/<a |<br/);
  });

  it('suggests close ids for an unknown one', async () => {
    const result = await cli('catalog', 'ghl.contacts.create-tsk');
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('ghl.contacts.create-task') });
  });
});
