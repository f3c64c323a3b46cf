/**
 * Waits for `promise` but gives up (without cancelling it: others may still wait for it) when
 * `signal` aborts, rejecting with `abortError(signal.reason)` (default: the reason itself).
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, abortError: (reason: unknown) => unknown = (reason) => reason): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
