/**
 * The compiled `flowline` command as a process of its own (run `pnpm build` first): what only a
 * real process shows (its exit code, its output streams, a closed pipe, another process on the
 * same data directory or port).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeChild, REPO_ROOT } from '../../../test/support/node-child.js';
import { freePort } from '../../../test/support/serve-process.js';
import { leadDelivery, postDelivery, SECRET } from './fixtures/test-host.js';

const CLI = 'packages/cli/dist/main.js';
const WORKFLOW = 'packages/cli/test/fixtures/new-lead.workflow.json';

/** Runs the CLI to its end; resolves with its exit code and both outputs. */
function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('flowline, its output read by a pipe that closes early', () => {
  it('ends quietly when the reader goes away (flowline catalog --json | head), without an EPIPE crash', async () => {
    const child = spawn(process.execPath, [CLI, 'catalog', '--json'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    // Like `head`: read the first chunk, then close the pipe while the CLI still has most of its output to write.
    child.stdout.once('data', () => child.stdout.destroy());

    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));

    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('flowline serve: one process per data directory, and a port in use', () => {
  let dir: string;
  let configFile: string;
  let port: number;
  let first: NodeChild;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowline-serve-'));
    configFile = join(dir, 'flowline.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        pushpress: { signingSecrets: [SECRET] },
        connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_test' }, credentials: { type: 'private-token', token: 'test-token' } } },
        config: { locationId: 'loc_test' },
      }),
    );
    port = await freePort();
    first = new NodeChild({ script: CLI, args: ['serve', WORKFLOW, '--config', configFile, '--port', String(port), '--data-dir', join(dir, 'data'), '--max-age-seconds', '60'] });
    await first.waitForLine((line) => line.startsWith('PushPress webhooks: POST'), 60_000, 'flowline serve');
  }, 90_000);

  afterAll(async () => {
    await first?.stop(30_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second serve on the same data directory, naming the first one and its pid, with exit code 2', async () => {
    const second = await runCli(['serve', WORKFLOW, '--config', configFile, '--port', String(await freePort()), '--data-dir', join(dir, 'data')]);

    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`flowline serve (pid ${first.pid}`);
    expect(second.stderr).toContain(`owns the data directory ${join(dir, 'data')}`);
    expect(second.stdout).not.toContain('PushPress webhooks');
  });

  it('refuses runs retry on that data directory while serve owns it', async () => {
    const retry = await runCli(['runs', 'retry', 'run_1', WORKFLOW, '--config', configFile, '--data-dir', join(dir, 'data')]);

    expect(retry.code).toBe(2);
    expect(retry.stderr).toContain(`flowline serve (pid ${first.pid}`);
  });

  it('says in one line, without a stack trace, that the port is in use', async () => {
    const other = await runCli(['serve', WORKFLOW, '--config', configFile, '--port', String(port), '--data-dir', join(dir, 'other-data')]);

    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`flowline serve: 127.0.0.1:${port} is already in use by another process`);
    expect(other.stderr).not.toMatch(/\n\s+at /);
    expect(other.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('refuses deliveries older than --max-age-seconds with 422', async () => {
    const url = `http://127.0.0.1:${port}/webhooks/pushpress`;

    expect(await postDelivery(url, leadDelivery('usr_too_old', 120))).toMatchObject({ status: 422, body: { error: { code: 'pushpress.webhook.stale_delivery' } } });
  });
});
