import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { DEFAULT_TENANT, isTenantId } from '@flowline/core';

export interface HostRoutesOptions {
  /** The default tenant's webhooks; another tenant's are at `<webhookPath>/<tenant>`. */
  readonly webhookPath: string;
  /** The receiver of a tenant's PushPress webhooks; undefined when the host has no such tenant. */
  readonly receiverOf: (tenant: string) => RequestListener | undefined;
  /** The body of `GET /health` (JSON text). */
  readonly health: () => Promise<string>;
}

function notFound(request: IncomingMessage, response: ServerResponse, body: unknown): void {
  // What the client still sends is read and dropped, so a kept-alive connection stays usable.
  request.resume();
  response.writeHead(404, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/**
 * What the host answers: PushPress webhooks at `webhookPath` (the default tenant) and at
 * `webhookPath/<tenant>`, `/health`, and 404 elsewhere. A delivery for a tenant the host does not
 * have, or to a path that is not a tenant id, is answered 404 before its body is read: nothing of
 * it is stored.
 */
export function hostRoutes(options: HostRoutesOptions): RequestListener {
  const prefix = `${options.webhookPath}/`;
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const tenant = path === options.webhookPath ? DEFAULT_TENANT : path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (tenant !== undefined) {
      const shown = tenant.slice(0, 80);
      const valid = isTenantId(tenant);
      const receiver = valid ? options.receiverOf(tenant) : undefined;
      if (receiver) return receiver(request, response);
      return notFound(request, response, {
        error: {
          code: 'tenants.not-found',
          message: valid ? `There is no tenant "${shown}" on this host` : `"${shown}" is not a tenant id`,
          hint: `A tenant's PushPress webhooks go to ${prefix}<tenant> once it is added (flowline tenants add); the default tenant's to ${options.webhookPath}.`,
        },
      });
    }
    if (path === '/health') {
      options.health().then(
        (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
        () => response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable' })),
      );
      return;
    }
    notFound(request, response, { error: `Nothing at ${path}; PushPress webhooks go to ${options.webhookPath}` });
  };
}
