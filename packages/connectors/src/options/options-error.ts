import { FlowlineError, type FlowlineErrorOptions } from '@flowline/core';

/**
 * Why an option source could not be asked (before any request to GHL):
 * - `options.invalid-request`: the request itself is malformed (no tenant, no connection name);
 * - `options.unknown-source`: no source has that id (the hint names the closest);
 * - `options.invalid-params`: a parameter is missing (e.g. `pipelineId` for stages) or not allowed;
 * - `options.unknown-connection`: the tenant has no connection of that name;
 * - `options.wrong-connector`: the connection is not one the source can use;
 * - `options.no-location`: the connection names no GHL location to list from.
 * Failures of GHL itself are the client's ActionErrors (`action.credentials`, `action.permission`, ...).
 */
export type OptionsErrorCode =
  | 'options.invalid-request'
  | 'options.unknown-source'
  | 'options.invalid-params'
  | 'options.unknown-connection'
  | 'options.wrong-connector'
  | 'options.no-location';

export class OptionsError extends FlowlineError {
  override readonly name: string = 'OptionsError';
  declare readonly code: OptionsErrorCode;

  constructor(code: OptionsErrorCode, message: string, options: FlowlineErrorOptions = {}) {
    super(code, message, options);
  }
}
