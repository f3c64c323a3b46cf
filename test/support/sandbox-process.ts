/**
 * The GHL sandbox and the PushPress API stub in a process of their own, for tests that run
 * `flowline serve` as another process:
 *
 *   node --conditions=@flowline/source --import tsx test/support/sandbox-process.ts <customers.json> [seed]
 *
 * `customers.json` holds the PushPress customers the stub answers lookups for (customerData
 * shape). Prints one line `SANDBOX_READY {"ghlUrl":..., "pushpressUrl":...}` once both listen;
 * SIGTERM closes them. The rate limit is raised far above what a test sends, so only injected
 * faults slow the engine down.
 */
import { readFileSync } from 'node:fs';
import { startGhlSandbox, startPushPressApiStub, type JsonObject } from '../../packages/sandbox/src/index.js';

export const SANDBOX_READY = 'SANDBOX_READY';

async function main(): Promise<void> {
  const [customersFile, seedArg] = process.argv.slice(2);
  if (customersFile === undefined) throw new TypeError('Expected the path of a JSON file holding an array of PushPress customers');
  const customers = JSON.parse(readFileSync(customersFile, 'utf8')) as unknown;
  if (!Array.isArray(customers)) throw new TypeError(`Expected ${customersFile} to hold an array of customers`);
  const seed = seedArg === undefined ? 1 : Number(seedArg);
  if (!Number.isInteger(seed)) throw new TypeError(`Expected the seed to be an integer, got ${seedArg}`);
  const ghl = await startGhlSandbox({
    port: 0,
    seed,
    rateLimit: { limit: 1_000_000, windowMs: 10_000, dailyLimit: 100_000_000 },
    requestLogLimit: 200_000,
  });
  const pushpress = await startPushPressApiStub({ customers: customers as JsonObject[] });
  process.stdout.write(`${SANDBOX_READY} ${JSON.stringify({ ghlUrl: ghl.url, pushpressUrl: pushpress.url })}\n`);
  const stop = (): void => {
    void Promise.allSettled([ghl.close(), pushpress.close()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
