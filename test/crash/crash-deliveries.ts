import { customerIdOf, deliveryIdentity } from '../../packages/connectors/src/index.js';
import {
  createPrng,
  createScenario,
  dayAtTheGym,
  scenarioCustomers,
  type Delivery,
  type JsonObject,
  type ScenarioCustomer,
  type ScenarioScript,
  type ScenarioStep,
} from '../../packages/sandbox/src/index.js';

/** One delivery of the workload, with the identity the receiver dedupes it by. */
export interface WorkloadDelivery {
  readonly identity: string;
  /** The engine runs deliveries with one ordering key one at a time, in the order it accepted them. */
  readonly orderingKey: string;
  readonly delivery: Delivery;
}

export interface Workload {
  /** Every distinct delivery, in the order the events happened. */
  readonly deliveries: readonly WorkloadDelivery[];
  /** What the sender sends, in order: indexes into `deliveries`, with duplicates and some out of order. */
  readonly sendOrder: readonly number[];
  /** The PushPress customers the API stub must know (for events that carry only a customer id). */
  readonly customers: readonly JsonObject[];
  readonly customerCount: number;
  readonly duplicates: number;
  readonly displaced: number;
}

export interface WorkloadOptions {
  readonly seed: number;
  /** Gym days to merge (each with its own customers), default 2. */
  readonly days?: number;
  /** Customers per day, at most 200. */
  readonly customersPerDay: number;
  /** Share of deliveries sent a second time, later (default 0.15). */
  readonly duplicateShare?: number;
  /** Share of deliveries moved behind later ones (default 0.1). */
  readonly displacedShare?: number;
}

/** A phone number no other customer of the workload has (the sandbox dedupes contacts by phone too). */
function uniquePhone(day: number, customer: number, variant: number): string {
  return `+1512555${day * 2 + variant + 1}${String(customer).padStart(3, '0')}`;
}

/**
 * A day at the gym with emails and phones made unique across days: two customers sharing an
 * email or a phone would meet in one GHL contact, and then the final state would depend on how
 * their (parallel) runs interleave, which no crash has anything to do with.
 */
function distinctDay(script: ScenarioScript, day: number): ScenarioScript {
  const keys = Object.keys(script.customers);
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  const customers: Record<string, ScenarioCustomer> = {};
  for (const [key, customer] of Object.entries(script.customers)) {
    const index = indexOf.get(key) ?? 0;
    customers[key] = {
      ...customer,
      email: customer.email.replace('@', `+d${day}@`),
      ...(customer.phone ? { phone: uniquePhone(day, index, 0) } : {}),
    };
  }
  const steps = script.steps.map((step): ScenarioStep => {
    if (step.event !== 'customer.details.changed' || step.changes.phone === undefined || step.changes.phone === null) return step;
    return { ...step, changes: { ...step.changes, phone: uniquePhone(day, indexOf.get(step.customer) ?? 0, 1) } };
  });
  return { ...script, customers, steps };
}

/**
 * The crash test's deliveries: `days` seeded days at a gym merged by time, each delivery dated
 * so the receiver's freshness window accepts it, plus a send order with duplicates (some right
 * away, some much later) and deliveries overtaken by later ones.
 */
export function buildWorkload(options: WorkloadOptions): Workload {
  const days = options.days ?? 2;
  if (!Number.isInteger(days) || days < 1 || days > 4) throw new TypeError(`Expected \`days\` from 1 to 4, got ${days}`);
  if (!Number.isInteger(options.customersPerDay) || options.customersPerDay < 1 || options.customersPerDay > 200) {
    throw new TypeError(`Expected \`customersPerDay\` from 1 to 200, got ${options.customersPerDay}`);
  }
  const scripts = Array.from({ length: days }, (_, day) => distinctDay(dayAtTheGym({ seed: options.seed * 10 + day, customers: options.customersPerDay }), day));
  const span = Math.max(...scripts.flatMap((script) => script.steps.map((step) => step.at)));
  const startAt = Math.floor(Date.now() / 1000) - span - 120;
  const merged = scripts
    .flatMap((script, day) => createScenario(script, { startAt, idSuffix: `_d${day}` }).map((delivery, order) => ({ delivery, day, order })))
    .sort((a, b) => a.delivery.created - b.delivery.created || a.day - b.day || a.order - b.order);
  const seen = new Set<string>();
  const deliveries: WorkloadDelivery[] = [];
  for (const { delivery } of merged) {
    const identity = deliveryIdentity(delivery.event, delivery.created, delivery.data);
    // Two events with one identity are one delivery to the receiver; keep the first only.
    if (seen.has(identity)) continue;
    seen.add(identity);
    deliveries.push({ identity, orderingKey: customerIdOf(delivery.event, delivery.data) ?? identity, delivery });
  }
  const customers = scripts.flatMap((script, day) => scenarioCustomers(script, { idSuffix: `_d${day}` }));

  const prng = createPrng(options.seed);
  const order: number[] = deliveries.map((_, index) => index);
  let displaced = 0;
  const displacedShare = options.displacedShare ?? 0.1;
  for (let i = 0; i < order.length - 1; i++) {
    if (prng.next() >= displacedShare) continue;
    const j = Math.min(order.length - 1, i + prng.int(1, 12));
    const [moved] = order.splice(i, 1);
    order.splice(j, 0, moved ?? i);
    displaced++;
  }
  let duplicates = 0;
  const duplicateShare = options.duplicateShare ?? 0.15;
  const sendOrder = [...order];
  for (const index of order) {
    if (prng.next() >= duplicateShare) continue;
    const at = sendOrder.indexOf(index);
    const later = prng.next() < 0.5 ? prng.int(1, 3) : prng.int(20, 200);
    sendOrder.splice(Math.min(sendOrder.length, at + later), 0, index);
    duplicates++;
  }
  return { deliveries, sendOrder, customers, customerCount: customers.length, duplicates, displaced };
}
