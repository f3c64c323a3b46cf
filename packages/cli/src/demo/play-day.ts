import { deliveryIdentity } from '@flowline/connectors';
import { playScenario, type Delivery, type SentDelivery } from '@flowline/sandbox';
import type { DemoStack } from './demo-stack.js';
import type { RunOutcome, RunTracker } from './run-tracker.js';

/** One delivery of the day and what came of it. */
export interface PlayedDelivery {
  readonly delivery: Delivery;
  /** The receiver's answer (null: no answer). */
  readonly status: number | null;
  readonly eventId: string;
  readonly runs: readonly RunOutcome[];
}

export interface PlayDayOptions {
  readonly stack: DemoStack;
  readonly tracker: RunTracker;
  readonly deliveries: readonly Delivery[];
  /** PushPress customer id → a name for progress lines. */
  readonly names: ReadonlyMap<string, string>;
  readonly print: (line: string) => void;
  /** Sign with this secret instead of the stack's (to show a forged delivery being refused). */
  readonly secret?: string;
  /** A word shown before the event name, e.g. "again" for a redelivery. */
  readonly label?: string;
}

const clock = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(11, 16);

function customerOf(delivery: Delivery): string {
  const data = delivery.data;
  for (const key of ['customerId', 'customer'] as const) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  return typeof data['id'] === 'string' ? data['id'] : '?';
}

function describeRuns(status: number | null, runs: readonly RunOutcome[]): string {
  if (status === null) return 'no answer';
  if (status === 200) return 'duplicate, acknowledged (already processed)';
  if (status !== 202) return `refused (${status})`;
  if (runs.length === 0) return 'accepted, no flow for this event';
  return runs
    .map((run) => `${run.workflowId.split('.')[0] ?? run.workflowId} ${run.status === 'succeeded' ? 'ok' : `FAILED at ${run.failedStep ?? '?'}: ${run.error ?? ''}`}`)
    .join(', ');
}

/**
 * Sends the day's deliveries one at a time, as PushPress would over a day, and after each one
 * waits until the engine has finished every run it started, so each prints as one line.
 */
export async function playDay(options: PlayDayOptions): Promise<PlayedDelivery[]> {
  const { stack, tracker, print } = options;
  const played: PlayedDelivery[] = [];
  const width = String(options.deliveries.length).length;
  for (const [index, delivery] of options.deliveries.entries()) {
    const report = await playScenario({ url: stack.host.webhookUrl, secret: options.secret ?? stack.signingSecret, deliveries: [delivery] });
    await stack.host.engine.idle();
    const sent = report.sent[0] as SentDelivery;
    const eventId = deliveryIdentity(delivery.event, delivery.created, delivery.data);
    const runs = sent.status === 202 ? tracker.runsOf(eventId) : [];
    played.push({ delivery, status: sent.status, eventId, runs });
    const who = options.names.get(customerOf(delivery)) ?? customerOf(delivery);
    const head = `${String(index + 1).padStart(width)}/${options.deliveries.length} ${clock(delivery.created)} ${options.label === undefined ? '' : `${options.label} `}${delivery.event}`;
    print(`  ${head.padEnd(width * 2 + 38)} ${who.padEnd(14)} ${describeRuns(sent.status, runs)}`);
  }
  return played;
}
