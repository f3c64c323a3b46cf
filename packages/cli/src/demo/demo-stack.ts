import { randomBytes } from 'node:crypto';
import type { Logger, Store } from '@flowline/core';
import { startGhlSandbox, startPushPressApiStub, type GhlSandbox, type GhlSandboxOptions, type JsonObject, type PushPressApiStub } from '@flowline/sandbox';
import type { HostConfig } from '../host-config.js';
import { loadHostConfig } from '../host-config.js';
import { startHost, type RunningHost } from '../host/start-host.js';
import { EXAMPLES_CONFIG_FILE, loadFlowWorkflows, type FlowName } from './example-flows.js';

export interface DemoStackOptions {
  /** Which seed flows to deploy (default all five). */
  readonly flows?: readonly FlowName[];
  /** GHL sandbox options, e.g. a shortened `rateLimit.windowMs` for tests. */
  readonly sandbox?: GhlSandboxOptions;
  /** Customers the PushPress stub answers lookups for (customerData shape). */
  readonly customers?: readonly JsonObject[];
  /** The engine's store (default in memory). */
  readonly store?: Store;
  readonly logger?: Logger;
  /** Submitted events the engine processes at once. */
  readonly concurrency?: number;
}

/** Everything the flows need, on loopback: the GHL sandbox, a PushPress API stub and the Flowline host. */
export interface DemoStack {
  readonly sandbox: GhlSandbox;
  readonly pushpress: PushPressApiStub;
  readonly host: RunningHost;
  /** The webhook signing secret the host accepts (random per stack). */
  readonly signingSecret: string;
  readonly config: HostConfig;
  close(): Promise<void>;
}

/** `examples/flowline.config.json` pointed at the running sandbox and stub, with a fresh signing secret. */
export function demoHostConfig(base: HostConfig, sandbox: GhlSandbox, pushpress: PushPressApiStub, signingSecret: string): HostConfig {
  return {
    ...base,
    ghl: { ...base.ghl, baseUrl: sandbox.url },
    pushpress: { ...base.pushpress, baseUrl: pushpress.url, signingSecrets: [signingSecret] },
  };
}

/** Starts the sandbox, the PushPress stub and the host with the seed flows deployed. Close it when done. */
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const base = await loadHostConfig(EXAMPLES_CONFIG_FILE);
  const workflows = await loadFlowWorkflows(options.flows);
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const sandbox = await startGhlSandbox(options.sandbox ?? {});
    started.push(sandbox);
    const pushpress = await startPushPressApiStub({ customers: options.customers ?? [] });
    started.push(pushpress);
    const signingSecret = `demo_${randomBytes(16).toString('hex')}`;
    const config = demoHostConfig(base, sandbox, pushpress, signingSecret);
    const host = await startHost({
      config,
      workflows,
      port: 0,
      ...(options.store === undefined ? {} : { store: options.store }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    });
    started.push(host);
    return {
      sandbox,
      pushpress,
      host,
      signingSecret,
      config,
      async close() {
        // The host first: it waits for runs in flight, which still need the sandbox.
        for (const server of [...started].reverse()) await server.close();
      },
    };
  } catch (error) {
    for (const server of [...started].reverse()) await server.close().catch(() => undefined);
    throw error;
  }
}
