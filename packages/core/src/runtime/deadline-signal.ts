/** A signal that aborts when `parent` does or when `timeoutMs` passes; `dispose()` when done. */
export interface DeadlineSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * Like `AbortSignal.any([parent, AbortSignal.timeout(ms)])`, but safe on Node 20, where a
 * timeout signal reachable only through `AbortSignal.any` can be garbage-collected before it
 * fires (the request then never times out). Here the timer holds the controller strongly. The
 * timeout's reason is a `TimeoutError` DOMException, as `AbortSignal.timeout` gives.
 */
export function deadlineSignal(parent: AbortSignal | undefined, timeoutMs: number): DeadlineSignal {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException(`The operation was aborted due to timeout`, 'TimeoutError')), timeoutMs);
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
