import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import type { LoggedEvent } from '../run-event-log.js';
import { ERRORS, TENANT_PARAMS } from '../schemas.js';
import { writeOrLetGo } from '../event-stream-writer.js';

/** How often an idle stream sends a comment, so proxies keep it open. */
const HEARTBEAT_MS = 15_000;

function frame(event: LoggedEvent): string {
  return `id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export function registerEventRoutes(app: FastifyInstance, context: ApiContext): void {
  // A stream never ends by itself: the host ends them as it stops, or its close would wait for the clients.
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });
  app.get(
    '/api/tenants/:tenant/events',
    {
      schema: {
        tags: ['runs'],
        summary: 'The tenant\'s run and step events as they happen (Server-Sent Events). Each has an id `<epoch>-<seq>` numbered per tenant; send the last one back as `Last-Event-ID` to get what you missed. A `gap` event says what you missed is no longer kept (or the host restarted): reload the runs, then follow.',
        params: TENANT_PARAMS,
        headers: { type: 'object', properties: { 'last-event-id': { type: 'string', maxLength: 100 } } },
        querystring: { type: 'object', properties: { access_token: { type: 'string', description: 'The token, for a browser\'s EventSource, which cannot send an Authorization header.' } }, additionalProperties: false },
        response: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const scope = await tenantOf(request, context, true);
      const lastId = request.headers['last-event-id'];
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      response.write(': flowline run events\n\n');
      const unsubscribe = context.events.subscribe(scope.tenantId, typeof lastId === 'string' ? lastId : undefined, {
        event: (event) => writeOrLetGo(response, frame(event)),
        gap: (oldest) => writeOrLetGo(response, `event: gap\ndata: ${JSON.stringify({ reason: 'the events after Last-Event-ID are no longer kept, or are of an earlier process', ...(oldest === undefined ? {} : { oldest }) })}\n\n`),
      });
      const heartbeat = setInterval(() => writeOrLetGo(response, ': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      open.add(response);
      request.raw.on('close', () => {
        open.delete(response);
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
