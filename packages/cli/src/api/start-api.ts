import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { FlowlineError } from '@flowline/core';
import type { ApiContext } from './api-context.js';
import { errorBody, statusOf } from './api-error.js';
import { parseBody } from './json-body.js';
import { registerDesignRoutes } from './routes/design-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerOAuthRoutes } from './routes/oauth-routes.js';
import { registerOptionRoutes } from './routes/option-routes.js';
import { registerRunRoutes } from './routes/run-routes.js';
import { registerTenantRoutes } from './routes/tenant-routes.js';
import { registerWorkflowRoutes } from './routes/workflow-routes.js';
import { registerManualRunRoutes } from './routes/manual-run-routes.js';
import { SCHEMAS } from './schemas.js';
import { registerUiRoutes, type UiOptions } from './ui-static.js';

export interface ApiServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Origins a builder's browser may call the API from (CORS), e.g. `https://builder.example.com`; default none: same origin only. */
  readonly corsOrigins?: readonly string[];
  /** 0 picks a free port. */
  readonly port: number;
  /** The largest request body, in bytes; default 1 MiB. */
  readonly bodyLimit?: number;
  /** Serve the builder's built files at `/` on the same origin (`flowline serve --ui`). */
  readonly ui?: UiOptions;
}

export interface RunningApi {
  /** e.g. http://127.0.0.1:8788 (the API is under /api). */
  readonly url: string;
  close(): Promise<void>;
}

/** A request the API refuses before any route sees it (bad JSON, a body too large, a schema violation), as an error body. */
function requestError(error: FastifyError): { status: number; body: ReturnType<typeof errorBody> } {
  if (error.validation !== undefined) {
    const first = error.validation[0];
    const missing = first?.params?.['missingProperty'];
    const pointer = `${first?.instancePath ?? ''}${typeof missing === 'string' ? `/${missing}` : ''}`;
    const where = error.validationContext ?? 'body';
    return {
      status: 400,
      body: errorBody(new FlowlineError('api.bad-request', `The request's ${where} is not as this route takes it: ${where}${pointer} ${first?.message ?? 'is invalid'}`, { pointer, hint: 'See /api/openapi.json for what the route takes.' })),
    };
  }
  const status = error.statusCode ?? 500;
  const code = status === 413 ? 'api.too-large' : status === 415 ? 'api.unsupported-media-type' : 'api.bad-request';
  return { status, body: errorBody(new FlowlineError(code, error.message, { hint: status === 413 ? 'Send a smaller body.' : 'Send JSON, as /api/openapi.json describes.' })) };
}

async function buildApi(context: ApiContext, options: ApiServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logger: false,
    // The router's own errors (a malformed URL, a parameter too long) as error bodies too.
    frameworkErrors: (error, _request, reply) => {
      const body = errorBody(new FlowlineError('api.bad-request', error.message, { hint: 'Check the URL against /api/openapi.json.' }));
      void (reply as unknown as { code(status: number): { send(value: unknown): unknown } }).code(error.statusCode ?? 400).send(body);
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  for (const schema of SCHEMAS) app.addSchema(schema);
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    await app.register(cors, { origin: [...options.corsOrigins], methods: ['GET', 'POST', 'DELETE'], allowedHeaders: ['authorization', 'content-type', 'last-event-id'], maxAge: 600 });
  }
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseBody(text as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Flowline host API',
        version: '1.0.0',
        description: 'Tenants, workflows (drafts, versions, publish), design-time checks and test runs, runs and dead letters, and live run events, of one Flowline host.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The operator API key, or a tenant token (a JWT naming one tenant) from POST /api/tenants/{tenant}/tokens.' } } },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${index}`) },
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof FlowlineError) return reply.status(statusOf(error)).send(errorBody(error));
    if (error.validation !== undefined || (error.statusCode !== undefined && error.statusCode < 500)) {
      const { status, body } = requestError(error);
      return reply.status(status).send(body);
    }
    context.logger.error('the API failed a request', { method: request.method, url: request.url.split('?')[0], error: `${error.name}: ${error.message.slice(0, 300)}` });
    return reply.status(500).send(errorBody(new FlowlineError('api.internal', 'The host failed this request', { hint: 'Its log says why; try again.' })));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(new FlowlineError('api.not-found', `Nothing at ${request.method} ${request.url.split('?')[0]}`, { hint: 'See /api/openapi.json for the routes.' }))),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerTenantRoutes(app, context);
  registerWorkflowRoutes(app, context);
  registerDesignRoutes(app, context);
  registerRunRoutes(app, context);
  registerManualRunRoutes(app, context);
  registerEventRoutes(app, context);
  registerOptionRoutes(app, context, context.options);
  registerOAuthRoutes(app, context);
  if (options.ui !== undefined) await registerUiRoutes(app, options.ui);
  return app;
}

/** Starts the host's HTTP API (Fastify) on a port of its own; the webhook server stays as fast as it is. */
export async function startApi(context: ApiContext, options: ApiServerOptions): Promise<RunningApi> {
  const app = await buildApi(context, options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    async close() {
      context.events.close();
      await app.close();
    },
  };
}
