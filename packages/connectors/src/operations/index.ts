import type { OperationDescriptor } from '@flowline/core';
import { loadOperations } from './load-operations.js';

/** All 126 catalog operations (23 PushPress triggers, then 103 GoHighLevel actions), in catalog order. */
export const allOperations: readonly OperationDescriptor[] = loadOperations();

/** The 103 GoHighLevel actions. */
export const ghlOperations: readonly OperationDescriptor[] = allOperations.filter((operation) => operation.connector === 'ghl');

/** The 23 PushPress webhook triggers. */
export const pushpressTriggers: readonly OperationDescriptor[] = allOperations.filter(
  (operation) => operation.connector === 'pushpress',
);

/** Every operation by id, e.g. `ghl.contacts.upsert-contact` or `pushpress.customer.created`. */
export const operationsById: ReadonlyMap<string, OperationDescriptor> = new Map(
  allOperations.map((operation) => [operation.id, operation]),
);

export { loadOperations } from './load-operations.js';
