import { FlowlineError, type FlowlineErrorOptions } from './flowline-error.js';

/**
 * An event payload or another document from outside was refused: not JSON, too large, carrying
 * prototype-polluting keys, or not matching its schema. Codes: `payload.malformed`,
 * `payload.too-large`, `payload.unsafe-key`, `payload.invalid`.
 */
export class PayloadError extends FlowlineError {
  override readonly name: string = 'PayloadError';
  readonly problems: readonly { readonly pointer: string; readonly message: string }[];

  constructor(
    code: 'payload.malformed' | 'payload.too-large' | 'payload.unsafe-key' | 'payload.invalid',
    message: string,
    options: FlowlineErrorOptions & { readonly problems?: readonly { readonly pointer: string; readonly message: string }[] } = {},
  ) {
    super(code, message, options);
    this.problems = options.problems ?? [];
  }
}
