import type { FastifyRequest } from 'fastify';
import { DEFAULT_TENANT, type TenantScope } from '@flowline/core';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { callerOf, checkOperator, checkReach } from './auth.js';

/** The scope of the tenant a route names, once the caller may act for it: 401, 403, then 404. */
export async function tenantOf(request: FastifyRequest, context: ApiContext): Promise<TenantScope> {
  const { tenant } = request.params as { tenant: string };
  checkReach(await callerOf(request.headers.authorization, context.keys), tenant);
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
