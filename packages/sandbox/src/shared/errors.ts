import { FlowlineError } from '@flowline/core';

/** The options given to a sandbox or simulator function are not what it expects. */
export class SandboxOptionsError extends FlowlineError {
  override readonly name: string = 'SandboxOptionsError';

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('sandbox.options', message, options);
  }
}
