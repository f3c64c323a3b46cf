import type { OperationDescriptor } from '@flowline/core';
import descriptor from './customer-lookup.operation.json' with { type: 'json' };

/**
 * `pushpress.customers.get`: the one PushPress action, offered beyond the reference catalog
 * (`extra: true`) so flows can resolve the customer a non-customer event names only by id.
 */
export const customerLookupOperation: OperationDescriptor = descriptor as OperationDescriptor;

export interface CustomerLookupInput {
  readonly path: { readonly customerId: string };
}
