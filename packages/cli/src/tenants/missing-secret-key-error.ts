import { FlowlineError } from '@flowline/core';
import { SECRET_KEY_ENV } from '@flowline/store-sqlite';

/**
 * Thrown when a command would keep or use secrets the store encrypts (GHL OAuth tokens, a
 * tenant's credentials and signing secrets) and FLOWLINE_SECRET_KEY is not set. One line, no
 * hint: the message says the fix.
 */
export class MissingSecretKeyError extends FlowlineError {
  override readonly name: string = 'MissingSecretKeyError';

  /** `reason` ends the sentence "…is not set, and <reason>", e.g. "tenant "a" has secrets, which the store keeps encrypted with it". */
  constructor(command: string, reason: string, options: { readonly cause?: unknown } = {}) {
    super(
      'cli.secret-key-missing',
      `${command} is refused: ${SECRET_KEY_ENV} is not set, and ${reason}; set ${SECRET_KEY_ENV} to a 32-byte key in hex or base64 (node -e "console.log(crypto.randomBytes(32).toString('base64'))")`,
      options,
    );
  }
}
