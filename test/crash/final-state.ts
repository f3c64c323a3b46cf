import { join } from 'node:path';
import type { LocationDump, SandboxDump } from '../../packages/sandbox/src/index.js';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import type { SandboxAdmin } from '../support/sandbox-admin.js';
import { deliveryOutcomes, type DeliveryOutcomes } from './delivery-outcomes.js';
import { acceptanceOrder, type Attempt } from './delivery-sender.js';

export interface FinalState {
  /** Accepted deliveries per customer, in the order the engine acknowledged them. */
  readonly acceptance: Map<string, string[]>;
  readonly outcomes: DeliveryOutcomes;
  readonly location: LocationDump;
  readonly dump: SandboxDump;
}

/** What a stopped `flowline serve` left: each accepted delivery's outcome in its data directory's store, and the sandbox location's state. */
export async function readFinalState(dataDir: string, attempts: readonly Attempt[], admin: SandboxAdmin, locationId: string): Promise<FinalState> {
  const store = createSqliteStore({ path: join(dataDir, 'flowline.db') });
  const acceptance = acceptanceOrder(attempts);
  let outcomes: DeliveryOutcomes;
  try {
    outcomes = await deliveryOutcomes(store, [...acceptance.values()].flat());
  } finally {
    await store.close();
  }
  const dump = await admin.state();
  const location = dump.locations.find((candidate) => candidate.id === locationId);
  if (!location) throw new Error(`The sandbox has no location ${locationId}`);
  return { acceptance, outcomes, location, dump };
}
