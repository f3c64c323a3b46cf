import { startDemoStack, type DemoStack, type DemoStackOptions } from '@flowline/cli';
import {
  createScenario,
  playScenario,
  scenarioCustomers,
  type Delivery,
  type JsonObject,
  type LocationDump,
  type PlayReport,
  type ScenarioScript,
} from '@flowline/sandbox';

/** The location the example config points at. */
export const LOCATION_ID = 'loc_sandbox_1';

/**
 * A `startAt` for a script lasting `spanSeconds`: its last event lies a minute in the past, so
 * the receiver's freshness window (7 days back, 5 minutes ahead) accepts every delivery.
 */
export function startAtFor(spanSeconds: number): number {
  return Math.floor(Date.now() / 1000) - spanSeconds - 60;
}

export function deliveriesOf(script: ScenarioScript, idSuffix = ''): Delivery[] {
  const span = Math.max(0, ...script.steps.map((step) => step.at));
  return createScenario(script, { startAt: startAtFor(span), idSuffix });
}

/** A stack for one or more flows, with the script's customers known to the PushPress stub. */
export function startFlows(options: DemoStackOptions & { readonly script?: ScenarioScript }): Promise<DemoStack> {
  const { script, ...rest } = options;
  return startDemoStack({ ...rest, ...(script === undefined ? {} : { customers: scenarioCustomers(script) }) });
}

export interface PlayOptions {
  readonly duplicate?: boolean;
  readonly shuffle?: number;
  readonly concurrency?: number;
}

/** Sends signed deliveries to the host and waits until the engine has processed every one. */
export async function play(stack: DemoStack, deliveries: readonly Delivery[], options: PlayOptions = {}): Promise<PlayReport> {
  const report = await playScenario({ url: stack.host.webhookUrl, secret: stack.signingSecret, deliveries, ...options });
  await stack.host.engine.idle();
  return report;
}

/** A text without the `[flowline:<hash>]` line the GHL connector appends to created records so it can find them again. */
export function withoutMarker(text: unknown): string {
  return String(text).replace(/\n?\[flowline:[0-9a-f]{12}\]\s*$/, '');
}

/** The sandbox location the flows write to. */
export function location(stack: DemoStack): LocationDump {
  const found = stack.sandbox.dump().locations.find((l) => l.id === LOCATION_ID);
  if (found === undefined) throw new Error(`The sandbox has no location ${LOCATION_ID}`);
  return found;
}

export type Contact = JsonObject & {
  readonly tasks: JsonObject[];
  readonly notes: JsonObject[];
  readonly appointments: JsonObject[];
};

export function contacts(stack: DemoStack): Contact[] {
  return location(stack).contacts as Contact[];
}

export function contactByEmail(stack: DemoStack, email: string): Contact {
  const hits = contacts(stack).filter((c) => c['email'] === email);
  if (hits.length !== 1) throw new Error(`Expected one contact with email ${email}, found ${hits.length}`);
  return hits[0] as Contact;
}

/** Runs that did not succeed, with their errors, for readable assertion failures. */
export async function failedRuns(stack: DemoStack): Promise<Array<{ workflowId: string; error: unknown }>> {
  const failed = await stack.host.engine.listRuns({ status: 'failed' });
  return failed.map((run) => ({ workflowId: run.workflowId, error: run.error }));
}

/**
 * The parts of a location that describe what the flows did, without ids or timestamps that
 * differ from run to run, sorted, so two runs can be compared with toEqual.
 */
export function comparableState(stack: DemoStack): unknown {
  const l = location(stack);
  const strip = (o: JsonObject, keys: readonly string[]): JsonObject => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
  const byText = (a: unknown, b: unknown): number => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return {
    contacts: (l.contacts as Contact[])
      .map((c) => ({
        ...strip(c, ['firstName', 'lastName', 'email', 'phone', 'city', 'state', 'postalCode', 'source']),
        tags: [...((c['tags'] as string[] | undefined) ?? [])].sort(),
        tasks: c.tasks.map((t) => ({ ...strip(t, ['title', 'dueDate', 'completed', 'assignedTo']), body: withoutMarker(t['body']) })).sort(byText),
        notes: c.notes.map((n) => ({ body: withoutMarker(n['body']) })).sort(byText),
        appointments: c.appointments.map((a) => strip(a, ['title', 'startTime', 'appointmentStatus', 'assignedUserId'])).sort(byText),
      }))
      .sort(byText),
    opportunities: l.opportunities.map((o) => strip(o, ['name', 'status', 'pipelineStageId'])).sort(byText),
  };
}

let runCounter = 0;

/**
 * Makes one stack serve several tests: empties the sandbox, and gives the script's PushPress ids
 * a fresh suffix (so no link, inbox entry or idempotency record of an earlier test applies),
 * registering its customers with the PushPress stub. Returns the deliveries and when it began.
 */
export function prepare(stack: DemoStack, script: ScenarioScript, startAt?: number): { deliveries: Delivery[]; since: string } {
  stack.sandbox.reset();
  const idSuffix = `_t${++runCounter}`;
  for (const customer of scenarioCustomers(script, { idSuffix })) stack.pushpress.putCustomer(customer);
  const deliveries = startAt === undefined ? deliveriesOf(script, idSuffix) : createScenario(script, { startAt, idSuffix });
  return { deliveries, since: new Date().toISOString() };
}

/** Failed runs queued since `since` (see prepare), with their errors. */
export async function failedSince(stack: DemoStack, since: string): Promise<Array<{ workflowId: string; error: unknown }>> {
  const failed = await stack.host.engine.listRuns({ status: 'failed' });
  return failed.filter((run) => run.queuedAt >= since).map((run) => ({ workflowId: run.workflowId, error: run.error }));
}
