import { ENGINE_TRIGGERS, LINK_OPERATIONS, type OperationDescriptor } from '@flowline/core/design';
import { HTTP_REQUEST_OPERATION } from '../http/http-request-operation.js';
import { allOperations } from '../operations/index.js';
import { customerLookupOperation } from '../pushpress/customer-lookup.js';

/**
 * Every operation an engine with the GoHighLevel and PushPress connectors offers: the engine's own
 * `flowline.links.*`, `flowline.http.request` (the `http` connector), the 126 catalog operations (23 PushPress triggers, 103 GoHighLevel actions)
 * and the `pushpress.customers.get` lookup. Loaded lazily by index.ts: this module holds the schemas.
 */
export const catalogOperations: readonly OperationDescriptor[] = [...LINK_OPERATIONS, ...ENGINE_TRIGGERS, HTTP_REQUEST_OPERATION, ...allOperations, customerLookupOperation];
