import { ActionError, type Connector } from '@flowline/core';
import { InputValidator } from '../ghl/client/input-validator.js';
import { createAddressGuard, type AddressGuardOptions } from './address-guard.js';
import { createGuardedDispatcher } from './guarded-dispatcher.js';
import { connectionAuth } from './http-auth.js';
import { HTTP_CONNECTOR, HTTP_REQUEST_OPERATION, type HttpRequestInput } from './http-request-operation.js';
import { sendHttpRequest } from './send-http-request.js';

export interface HttpConnectorOptions extends AddressGuardOptions {
  /** Default 10 s. */
  readonly connectTimeoutMs?: number;
  readonly now?: () => number;
}

export interface HttpConnector extends Connector {
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

function baseUrlOf(settings: Readonly<Record<string, unknown>> | undefined, connectionName: string): string | undefined {
  const baseUrl = settings?.['baseUrl'];
  if (baseUrl === undefined) return undefined;
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) {
    throw new ActionError('validation', `The http connection "${connectionName}" has a settings.baseUrl that is not a URL`, { hint: 'Set it to an absolute http(s) URL, e.g. https://api.example.com/v1/.' });
  }
  return baseUrl;
}

/**
 * The `http` connector: `flowline.http.request` for workflows, over one pooled undici Agent whose
 * connections only go to addresses the guard allowed (public ones, unless the host says otherwise).
 * Retries, the step timeout and idempotency are the action step's (5xx, 429, 408 and network
 * failures are retried; a 429's Retry-After is honoured).
 */
export function createHttpConnector(options: HttpConnectorOptions = {}): HttpConnector {
  const dispatcher = createGuardedDispatcher(createAddressGuard(options), options.connectTimeoutMs);
  const validator = new InputValidator();
  const now = options.now ?? Date.now;
  return {
    name: HTTP_CONNECTOR,
    operations: [HTTP_REQUEST_OPERATION],
    async invoke({ operationId, input }, context) {
      if (operationId !== HTTP_REQUEST_OPERATION.id) throw new ActionError('validation', `The http connector has no operation "${operationId}"`);
      try {
        validator.check(HTTP_REQUEST_OPERATION, input);
      } catch (error) {
        if (error instanceof ActionError) throw new ActionError('validation', error.message, { ...(error.pointer === undefined ? {} : { pointer: error.pointer }), details: error.details, hint: 'Fix the step input so it matches the operation input schema; nothing was sent.' });
        throw error;
      }
      const auth = connectionAuth(context.connection, context.connectionName);
      const baseUrl = baseUrlOf(context.connection.settings, context.connectionName);
      return sendHttpRequest(input as HttpRequestInput, { dispatcher, auth, ...(baseUrl === undefined ? {} : { baseUrl }), signal: context.signal, now });
    },
    close: () => dispatcher.close(),
  };
}
