import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScenario, dayAtTheGym, scenarioCustomers, type Delivery, type ScenarioScript } from '@flowline/sandbox';
import { openStore } from '../host/open-store.js';
import { startDemoStack } from './demo-stack.js';
import { summarize, type DemoSummary } from './demo-summary.js';
import { resolveDemoOptions, type DemoOptions } from './demo-options.js';
import { playDay } from './play-day.js';
import { RunTracker } from './run-tracker.js';

const LOCATION_ID = 'loc_sandbox_1';
const LIMIT_PER_WINDOW = 100;

/** The day's deliveries, dated so the last lies a minute in the past (the receiver refuses stale or future ones). */
function dayDeliveries(script: ScenarioScript): Delivery[] {
  const span = Math.max(0, ...script.steps.map((step) => step.at));
  return createScenario(script, { startAt: Math.floor(Date.now() / 1000) - span - 60 });
}

function namesOf(script: ScenarioScript): Map<string, string> {
  return new Map(Object.entries(script.customers).map(([key, c]) => [c.id ?? `usr_${key}`, `${c.first} ${c.last}`]));
}

/**
 * The demo: a GHL sandbox, a PushPress stub and the Flowline host on loopback, the five seed
 * flows deployed, a scripted day at a gym sent as signed webhooks (one progress line each),
 * then two redeliveries and one forged delivery, and a summary. Every server is closed before
 * it returns.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoSummary> {
  const opts = resolveDemoOptions(options);
  const startedAt = Date.now();
  const script = dayAtTheGym({ seed: opts.seed, customers: opts.customers });
  const tracker = new RunTracker();
  // The durable store, as `flowline serve` uses, in a fresh directory removed afterwards.
  const dataDir = mkdtempSync(join(tmpdir(), 'flowline-demo-'));
  const storage = openStore({ dataDir });
  const { store } = storage;
  const stack = await startDemoStack({
    sandbox: { rateLimit: { limit: LIMIT_PER_WINDOW, windowMs: opts.windowMs } },
    customers: scenarioCustomers(script),
    store,
    logger: tracker.logger,
  });
  try {
    tracker.attach(stack.host.engine);
    const print = opts.print;
    print(`GHL sandbox ${stack.sandbox.url}, PushPress stub ${stack.pushpress.url}, Flowline ${stack.host.webhookUrl}`);
    print(`Store: ${storage.describe}`);
    print(`Deployed ${stack.host.engine.workflows().length} workflows of 5 flows. Playing ${script.description ?? script.name}`);
    if (opts.faults) {
      // GHL is not always well: one 429 and one 503 show the client waiting and resending.
      stack.sandbox.faults.add({ kind: 'rateLimit', method: 'POST', path: '/contacts/upsert', count: 1, retryAfterSeconds: 1 });
      stack.sandbox.faults.add({ kind: 'error', method: 'POST', path: '/contacts/*/notes', count: 1, status: 503 });
      print('The sandbox will answer one contact upsert with 429 and one note with 503, as GHL sometimes does.');
    }
    const deliveries = dayDeliveries(script);
    const names = namesOf(script);
    const played = await playDay({ stack, tracker, deliveries, names, print });
    print('PushPress retries two deliveries, and someone posts a forged one:');
    const again = await playDay({ stack, tracker, deliveries: deliveries.slice(0, 2), names, print, label: 'again' });
    const forged = await playDay({ stack, tracker, deliveries: deliveries.slice(-1), names, print, label: 'forged', secret: 'not-the-signing-secret' });
    await stack.host.engine.idle();
    const pending = await store.listInbox('pending');
    return summarize({
      startedAt,
      played: [...played, ...again, ...forged],
      tracker,
      dump: stack.sandbox.dump(),
      requests: stack.sandbox.requests.list(),
      locationId: LOCATION_ID,
      limitPerWindow: LIMIT_PER_WINDOW,
      windowMs: opts.windowMs,
      pendingInbox: pending.length,
    });
  } finally {
    await stack.close();
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
