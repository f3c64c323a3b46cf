import { ActionError, type ActionContext, type ActionRequest, type Connector, type LimitPolicy, type OperationDescriptor, closestNames } from '@flowline/core';
import { pushpressTriggers } from '../operations/index.js';
import { customerLookupOperation, type CustomerLookupInput } from './customer-lookup.js';
import { createPayloadChecker } from './payload-validator.js';
import { createPushPressClient, PUSHPRESS_PRODUCTION_URL } from './rest-client.js';

export interface PushPressConnectorOptions {
  /** Default production, `https://api.pushpress.com/v3`. */
  readonly baseUrl?: string;
  /** Per-request timeout. Default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** Trigger descriptors. Default: the 23 generated catalog triggers. */
  readonly triggers?: readonly OperationDescriptor[];
  /**
   * Optional rate limit per PushPress company, applied through the engine's keyed limiter
   * (key `pushpress:company:<companyId>`). The reference documents 429s but no numbers: none by default.
   */
  readonly limit?: LimitPolicy;
}

function credentialsOf(context: ActionContext): { apiKey: string; companyId: string } {
  const credentials = context.connection.credentials ?? {};
  const { apiKey, companyId } = credentials;
  const missing = [
    ...(typeof apiKey === 'string' && apiKey.length > 0 ? [] : ['apiKey']),
    ...(typeof companyId === 'string' && companyId.length > 0 ? [] : ['companyId']),
  ];
  if (missing.length > 0 || typeof apiKey !== 'string' || typeof companyId !== 'string') {
    throw new ActionError('credentials', `Connection "${context.connectionName}" lacks credentials.${missing.join(' and credentials.')}.`, {
      hint: 'A PushPress connection needs credentials { apiKey, companyId }.',
    });
  }
  return { apiKey, companyId };
}

/** The `pushpress` connector: the 23 webhook triggers and the `pushpress.customers.get` lookup. */
export function createPushPressConnector(options: PushPressConnectorOptions = {}): Connector {
  const triggers = options.triggers ?? pushpressTriggers;
  const operations: readonly OperationDescriptor[] = [...triggers, customerLookupOperation];
  const operationIds = operations.map((operation) => operation.id);
  const lookupInput = customerLookupOperation.input;
  if (lookupInput === undefined) throw new Error('pushpress.customers.get has no input schema.');
  const checkLookupInput = createPayloadChecker()(lookupInput);

  async function getCustomer(input: unknown, context: ActionContext): Promise<unknown> {
    const violations = checkLookupInput(input);
    if (violations.length > 0) {
      const first = violations[0];
      throw new ActionError('validation', `Input of pushpress.customers.get: ${first?.pointer ?? ''} ${first?.message ?? ''}`.trim(), {
        pointer: first?.pointer,
        details: { violations },
        hint: 'Map the customer id to input.path.customerId.',
      });
    }
    const { apiKey, companyId } = credentialsOf(context);
    const client = createPushPressClient({
      apiKey,
      companyId,
      baseUrl: options.baseUrl ?? PUSHPRESS_PRODUCTION_URL,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    const { customerId } = (input as CustomerLookupInput).path;
    const call = (): Promise<unknown> => client.getCustomer(customerId, { signal: context.signal });
    return options.limit === undefined ? call() : context.limiter.schedule(`pushpress:company:${companyId}`, options.limit, call);
  }

  return {
    name: 'pushpress',
    operations,
    async invoke(request: ActionRequest, context: ActionContext): Promise<unknown> {
      if (request.operationId === customerLookupOperation.id) return getCustomer(request.input, context);
      if (triggers.some((trigger) => trigger.id === request.operationId)) {
        throw new ActionError('validation', `${request.operationId} is a trigger: PushPress delivers it to the webhook receiver; it cannot be invoked.`);
      }
      throw new ActionError('validation', `The pushpress connector has no operation "${request.operationId}".`, {
        hint: `Closest: ${closestNames(request.operationId, operationIds).join(', ')}.`,
      });
    },
  };
}
