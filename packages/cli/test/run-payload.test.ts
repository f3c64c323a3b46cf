import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('flowline run --payload (a flowline.manual workflow)', () => {
  let dir: string;
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  let workflow: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowline-run-payload-'));
    workflow = file('by-hand.workflow.json', {
      id: 'by-hand',
      name: 'By hand',
      version: 1,
      trigger: { operation: 'flowline.manual', input: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' }, count: { type: 'integer' } } } },
      steps: [{ id: 'greet', type: 'set', var: 'greeting', value: "'hello ' & $event.email" }],
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the workflow with the payload file as $event', async () => {
    const result = await cli('run', workflow, '--payload', file('ok.json', { email: 'ann@example.com' }), '--json');
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ status: 'succeeded', event: { trigger: 'flowline.manual' }, steps: [{ stepId: 'greet', output: 'hello ann@example.com' }] });
  });

  it('refuses a payload its trigger.input does not accept, printing each problem with its pointer', async () => {
    const bad = file('bad.json', { email: 'nope', count: 'three' });
    const result = await cli('run', workflow, '--payload', bad);
    expect(result.code).toBe(1);
    expect(result.err.split('\n').sort()).toEqual([`${bad}: /count must be integer`, `${bad}: /email must match format "email"`]);
  });

  it('asks for one of --event and --payload', async () => {
    expect((await cli('run', workflow)).code).toBe(2);
    expect((await cli('run', workflow, '--payload', 'a.json', '--event', 'b.json')).code).toBe(2);
  });
});
