import { DEFAULT_TENANT, type Logger } from '@flowline/core';

/** A logger that names a tenant other than the default in every line (the default tenant's lines stay as they were). */
export function loggerOfTenant(logger: Logger, tenant: string): Logger {
  if (tenant === DEFAULT_TENANT) return logger;
  return {
    debug: (message, fields) => logger.debug(message, { tenant, ...fields }),
    info: (message, fields) => logger.info(message, { tenant, ...fields }),
    warn: (message, fields) => logger.warn(message, { tenant, ...fields }),
    error: (message, fields) => logger.error(message, { tenant, ...fields }),
  };
}
