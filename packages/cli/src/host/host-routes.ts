import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface HostRoutesOptions {
  readonly webhookPath: string;
  /** Handles the PushPress webhooks. */
  readonly receiver: (request: IncomingMessage, response: ServerResponse) => void;
  /** The body of `GET /health` (JSON text). */
  readonly health: () => Promise<string>;
}

/** What the host answers: PushPress webhooks at `webhookPath`, `/health`, and 404 elsewhere. */
export function hostRoutes(options: HostRoutesOptions): RequestListener {
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === options.webhookPath) return options.receiver(request, response);
    if (path === '/health') {
      options.health().then(
        (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
        () => response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable' })),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `Nothing at ${path}; PushPress webhooks go to ${options.webhookPath}` }));
  };
}
