import { AsyncLocalStorage } from 'node:async_hooks';
import type { FindContext } from './effect-finder.js';

/**
 * The find context of the GHL call in progress, for the client's `reconcile` hook: the hook is set
 * once per client and is called with the operation and input only, while finding needs that
 * call's credentials, budget, signal and marker. `run` binds them for the duration of one call.
 */
export interface CallScope {
  run<T>(context: FindContext, call: () => Promise<T>): Promise<T>;
  current(): FindContext | undefined;
}

export function createCallScope(): CallScope {
  const storage = new AsyncLocalStorage<FindContext>();
  return {
    run: (context, call) => storage.run(context, call),
    current: () => storage.getStore(),
  };
}
