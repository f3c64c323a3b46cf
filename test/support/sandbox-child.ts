import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../packages/sandbox/src/index.js';
import { NodeChild } from './node-child.js';
import { SandboxAdmin } from './sandbox-admin.js';

export interface SandboxChild {
  readonly ghlUrl: string;
  readonly pushpressUrl: string;
  readonly admin: SandboxAdmin;
  readonly child: NodeChild;
  close(): Promise<void>;
}

/**
 * Starts test/support/sandbox-process.ts (GHL sandbox + PushPress API stub) as a child process
 * and waits until it listens. `workDir` receives the customers file the stub reads.
 */
export async function startSandboxChild(options: { readonly customers: readonly JsonObject[]; readonly workDir: string; readonly seed?: number }): Promise<SandboxChild> {
  const customersFile = join(options.workDir, 'pushpress-customers.json');
  writeFileSync(customersFile, JSON.stringify(options.customers));
  const child = new NodeChild({ script: 'test/support/sandbox-process.ts', args: [customersFile, String(options.seed ?? 1)] });
  const line = await child.waitForLine((l) => l.startsWith('SANDBOX_READY '), 60_000, 'sandbox process start');
  const { ghlUrl, pushpressUrl } = JSON.parse(line.slice('SANDBOX_READY '.length)) as { ghlUrl: string; pushpressUrl: string };
  return {
    ghlUrl,
    pushpressUrl,
    admin: new SandboxAdmin(ghlUrl),
    child,
    async close() {
      await child.stop(10_000);
    },
  };
}
