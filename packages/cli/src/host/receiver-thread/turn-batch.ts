/**
 * Collects messages for another thread and posts them as one array: the other thread is woken
 * once per batch, not once per message. `flushAt` decides when a batch ends: `setImmediate` (the
 * default) at the end of the turn of the event loop, `process.nextTick` as soon as the code now
 * running and the promise reactions it set off are done.
 */
export function createTurnBatch<T>(post: (batch: readonly T[]) => void, flushAt: (flush: () => void) => void = setImmediate): (message: T) => void {
  let batch: T[] = [];
  const flush = (): void => {
    const full = batch;
    batch = [];
    post(full);
  };
  return (message) => {
    if (batch.length === 0) flushAt(flush);
    batch.push(message);
  };
}
