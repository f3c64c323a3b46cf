import { FlowlineError, type FlowlineErrorOptions } from '@flowline/core';

/** Why a webhook delivery was refused; the part after `pushpress.webhook.` in the error code. */
export type RejectionReason =
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'request_timeout'
  | 'malformed_json'
  | 'invalid_signature'
  | 'unknown_event'
  | 'schema_mismatch'
  | 'stale_delivery'
  | 'future_delivery'
  | 'sink_unavailable';

/** The HTTP status each refusal is answered with (PushPress retries every non-2xx answer). */
export const REJECTION_STATUS: Readonly<Record<RejectionReason, number>> = {
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  request_timeout: 408,
  malformed_json: 400,
  invalid_signature: 401,
  unknown_event: 400,
  schema_mismatch: 400,
  // Well-formed and authentic but outside the freshness window: "unprocessable", not a conflict.
  stale_delivery: 422,
  future_delivery: 422,
  sink_unavailable: 503,
};

export interface WebhookRejectionOptions extends FlowlineErrorOptions {
  /** Safe, structured detail (e.g. schema violations with their pointers). Never a secret. */
  readonly details?: unknown;
}

/** A delivery the receiver refused. Its message, pointer, hint and details are what the sender sees. */
export class WebhookRejection extends FlowlineError {
  override readonly name: string = 'WebhookRejection';
  readonly reason: RejectionReason;
  readonly status: number;
  readonly details: unknown;

  constructor(reason: RejectionReason, message: string, options: WebhookRejectionOptions = {}) {
    super(`pushpress.webhook.${reason}`, message, options);
    this.reason = reason;
    this.status = REJECTION_STATUS[reason];
    this.details = options.details;
  }

  /** The JSON error body: `{ error: { code, message, pointer?, hint?, details? } }`. */
  toBody(): { readonly error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.pointer !== undefined) error['pointer'] = this.pointer;
    if (this.hint !== undefined) error['hint'] = this.hint;
    if (this.details !== undefined) error['details'] = this.details;
    return { error };
  }
}
