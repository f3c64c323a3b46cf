import type { FastifyRequest } from 'fastify';
import { DEFAULT_TENANT, type TenantScope } from '@flowline/core';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { callerOf, checkOperator, checkReach } from './auth.js';

/**
 * The scope of the tenant a route names, once the caller may act for it: 401, 403, then 404.
 * `queryToken`: the token may also come as `?access_token=` (a browser's EventSource sends no headers).
 */
export async function tenantOf(request: FastifyRequest, context: ApiContext, queryToken = false): Promise<TenantScope> {
  const { tenant } = request.params as { tenant: string };
  const fromQuery = queryToken ? (request.query as { access_token?: string }).access_token : undefined;
  checkReach(await callerOf(fromQuery === undefined ? request.headers.authorization : `Bearer ${fromQuery}`, context.keys), tenant);
  if (tenant === DEFAULT_TENANT) return context.engine;
  if (!context.engine.hasTenant(tenant)) {
    throw new ApiError(404, 'tenants.not-found', `There is no tenant "${tenant}" on this host`, { pointer: '/tenant', hint: 'List them with GET /api/tenants, or add it with POST /api/tenants.' });
  }
  return context.engine.tenant(tenant);
}

/** Throws 401 or 403 unless the operator asks. */
export async function requireOperator(request: FastifyRequest, context: ApiContext): Promise<void> {
  checkOperator(await callerOf(request.headers.authorization, context.keys));
}
