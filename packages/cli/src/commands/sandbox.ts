import { runSandbox, type RunningSandbox } from '@flowline/sandbox';
import type { CommandIo } from './command-io.js';

export interface SandboxArgs {
  /** `dump` prints a running sandbox's state; otherwise a sandbox is started. */
  readonly action: string | undefined;
  readonly port: string | undefined;
  readonly url: string | undefined;
}

export const DEFAULT_SANDBOX_PORT = 4010;

function parsePort(value: string | undefined): number | string {
  if (value === undefined) return DEFAULT_SANDBOX_PORT;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : `Expected --port to be from 0 to 65535, got ${value}`;
}

/** Waits for Ctrl-C (or SIGTERM), then closes the sandbox and the PushPress stub. */
function untilStopped(sandbox: RunningSandbox, io: CommandIo): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.out('stopping the sandbox');
      void sandbox.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function dump(url: string, io: CommandIo): Promise<number> {
  const target = `${url.replace(/\/+$/, '')}/__sandbox/state`;
  let response: Response;
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    io.err(`flowline sandbox dump: no sandbox answered at ${url} (${(error as Error).message}). Start one with \`flowline sandbox\`.`);
    return 1;
  }
  if (!response.ok) {
    io.err(`flowline sandbox dump: ${target} answered ${response.status}`);
    return 1;
  }
  io.out(JSON.stringify(await response.json(), null, 2));
  return 0;
}

/**
 * `flowline sandbox [--port N]` starts the GHL sandbox on loopback (port N, default 4010) and the
 * PushPress API stub (port N + 1, where examples/flowline.config.json looks), and prints their
 * URLs, the GHL token, location, OAuth client and admin endpoints, and the stub's key and company;
 * `flowline sandbox dump [--url U]` prints the state of a running GHL sandbox.
 */
export async function sandboxCommand(args: SandboxArgs, io: CommandIo, options: { wait?: boolean } = {}): Promise<number> {
  if (args.action === 'dump') return dump(args.url ?? `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`, io);
  if (args.action !== undefined) {
    io.err(`flowline sandbox: unknown action "${args.action}"; use \`flowline sandbox [--port N]\` or \`flowline sandbox dump [--url U]\``);
    return 2;
  }
  const port = parsePort(args.port);
  if (typeof port === 'string') {
    io.err(`flowline sandbox: ${port}`);
    return 2;
  }
  const sandbox = await runSandbox({ port, print: (line) => io.out(line) });
  const location = Object.values(sandbox.ghl.tokens)[0]?.locationId;
  if (location !== undefined) io.out(`  location id: ${location}`);
  io.out(`  dump its state: flowline sandbox dump --url ${sandbox.ghl.url}`);
  if (options.wait === false) {
    await sandbox.close();
    return 0;
  }
  io.out('Ctrl-C stops it.');
  return untilStopped(sandbox, io);
}
