import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CONNECTORS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PRISM_BIN = fileURLToPath(new URL('../../../node_modules/.bin/prism', import.meta.url));

export interface RunningPrism {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`prism did not answer within ${timeoutMs} ms:\n${output()}`);
}

/** `prism mock <document>` on 127.0.0.1 and a free port; resolves once it answers HTTP. */
export async function startPrism(documentPath: string, timeoutMs = 140_000): Promise<RunningPrism> {
  const port = await freePort();
  const child = spawn(PRISM_BIN, ['mock', documentPath, '-p', String(port), '-h', '127.0.0.1', '--errors', 'false', '--verboseLevel', 'error'], {
    cwd: CONNECTORS_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const output = () => log;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilAnswering(url, child, output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop };
}
